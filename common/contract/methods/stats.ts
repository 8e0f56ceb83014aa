import { z } from 'zod';
import { DEADLINE_KINDS } from '../../cases/deadlines';
import { CASE_STATES, caseStateSchema } from '../../cases/stateMachine';
import { assistanceTypeSchema } from '../../cases/types';
import { WARNING_STATUSES } from './afterAcceptance/warnings';
import { defineMethod } from '../define';
import { ratingStatsSchema } from '../../ratings/stats';

/** Statistics of the station's cases, the roster and deadlines, and Excel export of any list or table. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** An optional period (inclusive, China dates): cases by the day they were submitted, decisions by the day taken, deadlines by due date. */
export const periodFields = { from: isoDate.optional(), to: isoDate.optional() };
const periodOk = (p: { from?: string | undefined; to?: string | undefined }) => !p.from || !p.to || p.from <= p.to;
const PERIOD_MESSAGE = { message: '开始日期不能晚于结束日期', path: ['to'] };

const count = z.number().int().min(0);

export const deadlineStatSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  total: count,
  metOnTime: count,
  metLate: count,
  /** Still running and past the due date. */
  overdueOpen: count,
  /** Still running, not yet due. */
  pending: count,
  /** metOnTime / (metOnTime + metLate + overdueOpen); null when none is settled yet. */
  share: z.number().min(0).max(1).nullable(),
});

export const statsOverviewSchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  today: z.string(),
  /** Submitted cases (drafts and discarded drafts are not applications). */
  total: count,
  byType: z.array(z.object({ type: assistanceTypeSchema.nullable(), count })),
  byState: z.array(z.object({ state: caseStateSchema, count })),
  byMonth: z.array(z.object({ month: z.string(), count })),
  byStaff: z.array(z.object({ staffId: z.string(), staffName: z.string(), count })),
  /** Working days from acceptance to the decision, on the official calendar. */
  decisionDays: z.object({
    decisions: count,
    approved: count,
    refused: count,
    mean: z.number().nullable(),
    p90: z.number().int().nullable(),
  }),
  deadlines: z.array(deadlineStatSchema),
  /** The roster today (not limited to the period): reviews due within 30 days, overdue, and the monthly total. */
  roster: z.object({ active: count, due: count, overdue: count, stopped: count, monthlyAmountFen: count }),
  /** 好差评 per service and month of asking (main/core/ratings). */
  ratings: ratingStatsSchema,
  /**
   * Assistance by type (today's roster; 临时救助 paid in the period): households with a monthly
   * amount and without one (低保边缘 / 刚性支出 under monitoring), each type on its own line — a
   * monitoring entry is never counted in 低保's figures; 临时救助 as payments, never as roster.
   */
  assistance: z.object({
    byType: z.array(z.object({ type: assistanceTypeSchema, households: count, monitoringOnly: count, monthlyAmountFen: count })),
    relief: z.object({ advances: count, advanceAmountFen: count, grants: count, grantAmountFen: count }),
    monitoring: count,
  }),
});
export type StatsOverview = z.infer<typeof statsOverviewSchema>;

export const statsOverview = defineMethod({
  summary:
    'Counts by assistance type, state, month and staff; working days per decision (mean, 90th percentile); share of deadlines met; roster and reviews due.',
  permission: 'case.read',
  input: z.object(periodFields).strict().refine(periodOk, PERIOD_MESSAGE),
  output: statsOverviewSchema,
});

export const STATS_TABLES = [
  'byType',
  'byState',
  'byMonth',
  'byStaff',
  'decisionDays',
  'deadlines',
  'roster',
  'assistance',
  'ratings',
] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

/** `full`: unmasked names, ID numbers, phones and addresses — only with the permission export.full. */
const full = z.boolean().default(false);

export const exportRequestSchema = z.discriminatedUnion('table', [
  z
    .object({
      table: z.literal('cases'),
      full,
      query: z.string().trim().max(40).default(''),
      states: z.array(caseStateSchema).max(CASE_STATES.length).default([]),
      types: z.array(assistanceTypeSchema).max(5).default([]),
      deadline: z.enum(['any', 'due_soon', 'overdue']).default('any'),
      relatedParty: z.boolean().optional(),
    })
    .strict(),
  z.object({ table: z.literal('roster'), full, filter: z.enum(['all', 'due', 'overdue']).default('all') }).strict(),
  z.object({ table: z.literal('warnings'), full, status: z.enum(WARNING_STATUSES).optional() }).strict(),
  z
    .object({ table: z.literal('stats'), full, section: z.enum(STATS_TABLES), ...periodFields })
    .strict()
    .refine(periodOk, PERIOD_MESSAGE),
]);
export type ExportRequest = z.input<typeof exportRequestSchema>;

export const statsExport = defineMethod({
  summary:
    'A list or table as an Excel workbook (.xlsx): Chinese headers, personal data masked unless full data is asked for with export.full (audited).',
  permission: 'case.read',
  input: exportRequestSchema,
  output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), rows: count, masked: z.boolean() }),
});

export const statsMethods = {
  'stats.overview': statsOverview,
  'stats.export': statsExport,
} as const;
