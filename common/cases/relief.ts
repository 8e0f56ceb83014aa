import { z } from 'zod';
import type { AssistanceType } from './types';

/**
 * 临时救助 (社会救助暂行办法 ch. 11, arts. 47–50; 民政部 财政部《关于进一步加强和改进临时救助工作的意见》
 * 民发〔2018〕23号): a one-off or short payment, in cash, in kind or by transfer — never a monthly roster
 * entry, a periodic review or 资格认证. Amounts are fen.
 */
export const RELIEF_FORMS = ['cash', 'in_kind', 'transfer'] as const;
export const reliefFormSchema = z.enum(RELIEF_FORMS);
export type ReliefForm = z.infer<typeof reliefFormSchema>;

/** At most this many instalments of one grant (一次审批、分阶段救助, 2018 意见). */
export const MAX_RELIEF_PAYMENTS = 12;

const fen = z.number().int().min(1).max(10_000_000);
const inKindText = z.string().trim().min(1).max(200);

/** How a grant or an advance is paid: 实物 names what was given. */
export const reliefPaymentShape = {
  amountFen: fen,
  form: reliefFormSchema,
  /** What was given, when the form is 实物 (e.g. 大米 50 斤、棉被 2 床). */
  inKind: inKindText.optional(),
};

const inKindRule = <T extends { form: ReliefForm; inKind?: string | undefined }>(p: T) =>
  (p.form === 'in_kind') === (p.inKind !== undefined);
const inKindIssue = { path: ['inKind'], message: '实物救助须写明实物内容；现金或转账不填' };

/** The grant of a 临时救助 decision: the total, how it is paid and in how many instalments (1 = one-off). */
export const reliefGrantSchema = z
  .object({ ...reliefPaymentShape, payments: z.number().int().min(1).max(MAX_RELIEF_PAYMENTS).default(1) })
  .strict()
  .refine(inKindRule, inKindIssue);
export type ReliefGrant = z.output<typeof reliefGrantSchema>;
export type ReliefGrantInput = z.input<typeof reliefGrantSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 先行救助: what the station paid first on an urgent case, who paid it and when. */
export const reliefAdvanceSchema = z
  .object({ ...reliefPaymentShape, paidOn: isoDate, paidBy: z.string().trim().min(1).max(30), reason: z.string().trim().min(1).max(300) })
  .strict()
  .refine(inKindRule, inKindIssue);
export type ReliefAdvance = z.output<typeof reliefAdvanceSchema>;

/**
 * The county's rules for assistance that is not a monthly 低保 payment. None is national: the
 * advance limit and the deadline for the papers after an advance are the county's choice (the 2018
 * 意见 leaves the township's approval ceiling and the 补办 time to local rules); 5 working days is a
 * common local figure. 低保边缘 and 刚性支出困难 households carry no monthly amount unless the county
 * sets one per type.
 */
export const RELIEF_DEFAULTS = {
  advanceLimitYuan: 1000,
  advancePapersWorkingDays: 5,
  monthlyAmount: { marginal: false, rigid: false },
} as const;
export const reliefSettingsSchema = z.object({
  /** 先行救助: the most the station may pay first on one case, in 元. */
  advanceLimitYuan: z.number().int().min(1).max(100_000).default(RELIEF_DEFAULTS.advanceLimitYuan),
  /** Working days after an advance within which the papers (application, investigation, 初审意见) are completed. */
  advancePapersWorkingDays: z.number().int().min(1).max(30).default(RELIEF_DEFAULTS.advancePapersWorkingDays),
  /** Whether 低保边缘 / 刚性支出困难 households are paid a monthly amount in this county. */
  monthlyAmount: z
    .object({ marginal: z.boolean().default(false), rigid: z.boolean().default(false) })
    .default({ ...RELIEF_DEFAULTS.monthlyAmount }),
});
export type ReliefSettings = z.output<typeof reliefSettingsSchema>;

/**
 * What an approval of each type puts on the roster: 低保 / 特困 a monthly amount; 低保边缘 / 刚性支出
 * a monitoring entry, with a monthly amount only where the county pays one; 临时救助 nothing.
 */
export type RosterPolicy = 'monthly' | 'monitoring' | 'none';
export function rosterPolicy(type: AssistanceType, s: Pick<ReliefSettings, 'monthlyAmount'>): RosterPolicy {
  if (type === 'temporary') return 'none';
  if (type === 'marginal' || type === 'rigid') return s.monthlyAmount[type] ? 'monthly' : 'monitoring';
  return 'monthly';
}

/** Only an urgent (急难型) 临时救助 case may be paid first. */
export const mayAdvance = (type: AssistanceType | undefined, subtype: string | undefined): boolean =>
  type === 'temporary' && subtype === 'emergency';

/** The advance state shown on the case: papers still to complete (先行救助，待补办) or done. */
export const ADVANCE_STATES = ['papers_pending', 'papers_done'] as const;
export type AdvanceState = (typeof ADVANCE_STATES)[number];
