import { z } from 'zod';
import { assetSchema, deductionSchema, incomeItemSchema, memberSchema, supporterSchema } from './household';
import { agentSchema, applicantSchema } from './person';
import { assistanceTypeSchema, reasonCodeSchema, subtypeSchema } from './types';

/** How the application came in: at the counter, through an agent (委托), or imported from the online service. */
export const channelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counter') }),
  z.object({ kind: z.literal('proxy'), agent: agentSchema }),
  /** `reference`: the platform's application id; `submittedOn`: the day it was submitted online (China time), from which the acceptance limit counts. */
  z.object({
    kind: z.literal('online'),
    reference: z.string().trim().min(1).max(40),
    submittedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
]);
export type Channel = z.infer<typeof channelSchema>;

/** Applications involving relatives of station staff are registered separately (备案) and flagged. */
export const relatedPartySchema = z.object({
  related: z.boolean(),
  staffName: z.string().trim().max(30).optional(),
  relation: z.string().trim().max(30).optional(),
});

/** A material of the checklist and whether it was brought; captured pages are linked by the case. */
export const materialStatusSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  status: z.enum(['received', 'missing', 'not_applicable']),
  note: z.string().trim().max(120).optional(),
});

/**
 * The application as the intake records it. Every part is optional while it is a draft (autosaved
 * as the clerk goes); `checkApplication` says what is missing or wrong, and submit refuses while a
 * blocking problem remains. Members include the applicant as relationship 'self'.
 */
export const applicationSchema = z.object({
  type: assistanceTypeSchema.optional(),
  subtype: subtypeSchema.optional(),
  channel: channelSchema.default({ kind: 'counter' }),
  applicant: applicantSchema.optional(),
  members: z.array(memberSchema).max(30).default([]),
  income: z.array(incomeItemSchema).max(200).default([]),
  deductions: z.array(deductionSchema).max(30).default([]),
  assets: z.array(assetSchema).max(100).default([]),
  supporters: z.array(supporterSchema).max(20).default([]),
  reasons: z.array(reasonCodeSchema).max(10).default([]),
  reasonText: z.string().trim().max(500).default(''),
  relatedParty: relatedPartySchema.default({ related: false }),
  materials: z.array(materialStatusSchema).max(60).default([]),
  /** The wizard step the clerk was on, so a resumed draft opens where it was left. */
  step: z.number().int().min(0).max(20).default(0),
});
export type Application = z.output<typeof applicationSchema>;
export type ApplicationInput = z.input<typeof applicationSchema>;

export const emptyApplication = (): Application => applicationSchema.parse({});
