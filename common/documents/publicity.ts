/**
 * 公示 list: ONLY the applicant's name, household size and amount (低保审核确认办法 art. 24).
 * The row schema is strict, so an ID number, address, income or illness cannot even be passed in.
 */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, fenSchema, isoDateSchema, textSchema } from './common';

export const publicityRowSchema = z.strictObject({
  name: textSchema(30),
  householdSize: z.number().int().min(1).max(30),
  amountFen: fenSchema,
});

const { copy: _copy, ...base } = documentBaseShape;

export const publicitySchema = z
  .strictObject({
    ...base,
    /** A 公示 list is always public. */
    copy: z.literal('public').default('public'),
    stage: z.enum(['initial', 'approval']),
    /** Which 公示 of the household this is: after an objection a new 初审意见 is posted again (审核确认办法 art. 19). */
    round: z.number().int().min(1).max(50).default(1),
    category: assistanceCategorySchema,
    /** Where it is posted, e.g. 松石社区. */
    community: textSchema(40),
    from: isoDateSchema,
    to: isoDateSchema,
    rows: z.array(publicityRowSchema).min(1).max(2000),
  })
  .refine((d) => d.from <= d.to, { path: ['to'], message: '公示结束日期早于开始日期' });
export type PublicityInput = z.input<typeof publicitySchema>;
export type PublicityData = z.output<typeof publicitySchema>;
