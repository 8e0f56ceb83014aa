import { z } from 'zod';
import { WARNING_TYPES } from '../../../sync/pull';
import { defineMethod } from '../../define';
import { CHANGE_STATUSES } from './changes';

/** Monitoring warnings (监测预警) pulled from the platform: assign, verify, close with an outcome — the caseworker's work (DOMAIN.md), not the counter's. */

const warningId = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const WARNING_STATUSES = ['open', 'verified', 'closed', 'not_on_roster'] as const;
export const WARNING_OUTCOMES = ['no_change', 'adjust', 'stop'] as const;

export const warningRowSchema = z.object({
  id: z.string(),
  type: z.enum(WARNING_TYPES),
  /** Masked ID number of the person concerned. */
  person: z.string(),
  applicantName: z.string().nullable(),
  caseId: z.string().nullable(),
  /** Worked under 低收入人口 monitoring (not a roster member): only "no change" closes it. */
  monitored: z.boolean(),
  detail: z.string().nullable(),
  receivedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(WARNING_STATUSES),
  assignedTo: z.string().nullable(),
  assigneeName: z.string().nullable(),
  verification: z.object({ verifiedOn: z.string(), method: z.string(), findings: z.string() }).nullable(),
  outcome: z.enum(WARNING_OUTCOMES).nullable(),
  /** adjust / stop: the proposal it made and where its decision stands. */
  change: z.object({ id: z.string(), status: z.enum(CHANGE_STATUSES) }).nullable(),
});
export type WarningRow = z.infer<typeof warningRowSchema>;

export const closeInputSchema = z
  .object({
    outcome: z.enum(WARNING_OUTCOMES),
    reasons: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
    legalBasis: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
    newAmountFen: z.number().int().min(0).max(10_000_000).optional(),
    effectiveMonth: isoMonth.optional(),
  })
  .strict();
export type CloseInput = z.input<typeof closeInputSchema>;

export const warningsList = defineMethod({
  summary: 'Monitoring warnings with deadline, assignee and outcome (the view is audited).',
  permission: 'case.read',
  input: z.object({ status: z.enum(WARNING_STATUSES).optional() }).strict(),
  /** `staff`: whom a warning can be assigned to — enabled accounts holding case.casework (caseworker, head). */
  output: z.object({ rows: z.array(warningRowSchema), today: z.string(), staff: z.array(z.object({ id: z.string(), name: z.string() })) }),
});

export const warningsAssign = defineMethod({
  summary: 'Assign a warning to a caseworker or the head (an account holding case.casework); anyone else is refused.',
  permission: 'case.casework',
  input: z.object({ warningId, accountId: z.string().min(1).max(64) }).strict(),
  output: warningRowSchema,
});

export const warningsVerify = defineMethod({
  summary: 'Record the verification of a warning (date, how, what was found).',
  permission: 'case.casework',
  input: z
    .object({ warningId, verifiedOn: isoDate, method: z.string().trim().min(1).max(40), findings: z.string().trim().min(1).max(600) })
    .strict(),
  output: warningRowSchema,
});

export const warningsClose = defineMethod({
  summary:
    'Close a verified warning: no change, or a proposal to adjust or stop (decided by the county, or the head where delegated; the decision queues the notice).',
  permission: 'case.casework',
  input: z.object({ warningId, close: closeInputSchema }).strict(),
  output: warningRowSchema,
});

export const warningsMethods = {
  'warnings.list': warningsList,
  'warnings.assign': warningsAssign,
  'warnings.verify': warningsVerify,
  'warnings.close': warningsClose,
} as const;
