import { z } from 'zod';
import { defineMethod } from '../../define';
import { linkedBenefitSchema } from './visits';
import { CHANGE_OUTCOMES } from '../../../sync/decisions';

/** The roster of enrolled households (在册对象) and its county rules. */

export const rosterSettingsSchema = z.object({
  /** Months between reviews: stable households, irregular income or working-age members, 特困. */
  reviewMonths: z
    .object({
      stable: z.number().int().min(1).max(36).default(12),
      irregular: z.number().int().min(1).max(36).default(6),
      tekun: z.number().int().min(1).max(36).default(12),
      /** 低保边缘 / 刚性支出困难 on the monitoring roster: at most 12 (刚性支出 is valid 12 months at most). */
      monitoring: z.number().int().min(1).max(12).default(12),
    })
    .default({ stable: 12, irregular: 6, tekun: 12, monitoring: 12 }),
  /** Working days a caseworker has to verify a monitoring warning. */
  warningWorkingDays: z.number().int().min(1).max(60).default(10),
  /** Replaces the shipped list (resources/benefits/linked.json) of benefits granted without a new application. */
  linkedBenefits: z
    .array(linkedBenefitSchema.extend({ types: z.array(z.string()).default([]) }))
    .max(30)
    .optional(),
});
export type RosterSettings = z.output<typeof rosterSettingsSchema>;

export const REVIEW_BASES = ['stable', 'irregular', 'tekun', 'monitoring'] as const;

export const rosterRowSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  applicantName: z.string(),
  category: z.string(),
  householdSize: z.number().int(),
  amountFen: z.number().int(),
  /** False: on the monitoring roster without a monthly amount (低保边缘 / 刚性支出 where the county pays none). */
  monthly: z.boolean(),
  sinceMonth: z.string(),
  reviewBasis: z.enum(REVIEW_BASES),
  reviewMonths: z.number().int(),
  nextReviewOn: z.string(),
  linkedBenefits: z.array(linkedBenefitSchema),
  status: z.enum(['active', 'stopped']),
  due: z.enum(['overdue', 'due', 'later']),
  /** A proposal to change the benefit waiting for its decision (county, or the head where delegated). */
  pendingChange: z.object({ id: z.string(), outcome: z.enum(CHANGE_OUTCOMES) }).nullable(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

export const rosterList = defineMethod({
  summary:
    'Enrolled households with benefit and next review date; filter to reviews due (within 30 days) or overdue (the view is audited).',
  permission: 'case.read',
  input: z
    .object({ filter: z.enum(['all', 'due', 'overdue']).default('all'), limit: z.number().int().min(1).max(1000).default(200) })
    .strict(),
  output: z.object({
    rows: z.array(rosterRowSchema),
    today: z.string(),
    counts: z.object({ active: z.number(), due: z.number(), overdue: z.number() }),
  }),
});

export const rosterSettings = defineMethod({
  summary:
    'The county rules of the roster: review periods, warning deadline, linked benefits (no personal data; the admin page reads them).',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({ settings: rosterSettingsSchema, linkedBenefits: z.array(linkedBenefitSchema.extend({ types: z.array(z.string()) })) }),
});

export const rosterSetSettings = defineMethod({
  summary: 'Change the county rules of the roster (audited).',
  permission: 'admin.settings',
  input: z.object({ settings: rosterSettingsSchema }).strict(),
  output: z.object({ settings: rosterSettingsSchema }),
});

export const rosterMethods = {
  'roster.list': rosterList,
  'roster.settings': rosterSettings,
  'roster.setSettings': rosterSetSettings,
} as const;
