/**
 * One read of the card on the reader, as the forms that take a person from a card do it (the intake's
 * applicant and members, the review's new member): the same timeout and the same message on failure.
 */
import type { TFunction } from 'i18next';
import { call } from '../api/client';

/** One read on the reader (the 读卡 button / F2); the holder has 10 s to place the card. */
export const readCard = () => call('idcard.read', { timeoutSeconds: 10 });

/** 读卡失败： followed by core's zh-CN reason (no reader, no card, no answer in time …). */
export const readFailedMessage = (t: TFunction, error: unknown) => t('intake.readFailed', { message: error instanceof Error ? error.message : String(error) });

/** A keydown handler that runs `handler` on F2, the counter's read-a-card key. */
export function onF2(handler: () => void) {
  return (e: { key: string; preventDefault(): void }) => {
    if (e.key === 'F2') {
      e.preventDefault();
      handler();
    }
  };
}
