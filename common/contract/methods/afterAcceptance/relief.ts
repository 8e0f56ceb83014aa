import { z } from 'zod';
import { ADVANCE_STATES, RELIEF_FORMS, reliefAdvanceSchema } from '../../../cases/relief';
import { defineMethod } from '../../define';
import { caseStepOutputSchema } from './visits';

/** 临时救助 payments (先行救助 and grants) and 低收入人口 monitoring (issue 15 §8–9; common/cases/relief.ts). */

const caseId = z.string().min(1).max(64);
const version = z.number().int().min(0);
const reason = z.string().trim().min(1, '请写明理由').max(300);

export const reliefPaymentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['advance', 'grant']),
  amountFen: z.number().int(),
  form: z.enum(RELIEF_FORMS),
  inKind: z.string().nullable(),
  payments: z.number().int(),
  paidOn: z.string().nullable(),
  paidBy: z.string().nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string(),
});

export const monitoringViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  origin: z.enum(['refused', 'marginal']),
  applicantName: z.string(),
  /** Masked ID number of the applicant. */
  person: z.string(),
  members: z.number().int(),
  reason: z.string(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type MonitoringView = z.infer<typeof monitoringViewSchema>;

/** What the case page shows of 临时救助 and monitoring. */
export const reliefOfCaseSchema = z.object({
  payments: z.array(reliefPaymentViewSchema),
  /** After a 先行救助: papers pending (先行救助，待补办) until the 初审意见, and their due date. */
  advance: z.object({ state: z.enum(ADVANCE_STATES), dueOn: z.string() }).nullable(),
  /** The county's 先行救助 limit (元) and papers deadline (working days), shown beside the form. */
  advanceLimitYuan: z.number().int(),
  advancePapersWorkingDays: z.number().int(),
  /** An urgent 临时救助 case still before its papers: the caseworker may record a 先行救助. */
  mayAdvance: z.boolean(),
  /** A refused case or a 低保边缘 household not monitored now: it may be put under 低收入人口 monitoring. */
  mayMonitor: z.boolean(),
  monitoring: z.array(monitoringViewSchema),
});
export type ReliefOfCase = z.infer<typeof reliefOfCaseSchema>;

export const reliefOfCase = defineMethod({
  summary: "A case's 临时救助 payments (先行救助 and the grant), the 先行救助 state, and its 低收入人口 monitoring.",
  permission: 'case.read',
  input: z.object({ caseId }).strict(),
  output: reliefOfCaseSchema,
});

export const reliefAdvance = defineMethod({
  summary:
    '先行救助 on an urgent (急难型) 临时救助 case: who paid what, when and how, within the county limit; the papers follow within the county deadline.',
  permission: 'case.casework',
  input: z.object({ caseId, version, advance: reliefAdvanceSchema }).strict(),
  output: caseStepOutputSchema,
});

export const monitoringEnter = defineMethod({
  summary:
    'Put a refused applicant or a 低保边缘 household under 低收入人口 monitoring, with the reason (audited, synced); its warnings can then be worked.',
  permission: 'case.casework',
  input: z.object({ caseId, reason }).strict(),
  output: monitoringViewSchema,
});

export const monitoringExit = defineMethod({
  summary: 'Take a household off 低收入人口 monitoring, with the reason (audited, synced).',
  permission: 'case.casework',
  input: z.object({ monitoringId: z.string().min(1).max(64), reason }).strict(),
  output: monitoringViewSchema,
});

export const monitoringList = defineMethod({
  summary: 'Households under 低收入人口 monitoring (or all, with those taken off); the view is audited.',
  permission: 'case.read',
  input: z.object({ activeOnly: z.boolean().default(true), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  output: z.object({ rows: z.array(monitoringViewSchema) }),
});

export const reliefMethods = {
  'relief.ofCase': reliefOfCase,
  'relief.advance': reliefAdvance,
  'monitoring.enter': monitoringEnter,
  'monitoring.exit': monitoringExit,
  'monitoring.list': monitoringList,
} as const;
