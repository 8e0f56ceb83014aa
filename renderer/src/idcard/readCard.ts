/**
 * One read of the card on the reader, as the forms that take a person from a card do it (the intake's
 * applicant and members, the review's new member, 资格认证, 读卡): the same timeout and the same message
 * on failure, naming the button of that page to press again.
 */
import type { TFunction } from 'i18next';
import { call } from '../api/client';

/** One read on the reader (the 读卡 button / F2); the holder has 10 s to place the card. */
export const readCard = () => call('idcard.read', { timeoutSeconds: 10 });

/** 读卡失败： core's zh-CN reason (no reader, no card, no answer in time …), then 请按“<the page's button>”重试. */
export const readFailedMessage = (t: TFunction, error: unknown, button: string) =>
  t('intake.readFailed', { message: (error instanceof Error ? error.message : String(error)).replace(/[。.]$/, ''), button });
