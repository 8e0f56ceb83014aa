/**
 * 公示名单 of one village/community for a period: every household in 公示 there (stage
 * 'initial', 初审 公示 — 审核确认办法 art. 19) or approved there (stage 'approval', the list the
 * county publishes — art. 24), grouped by category. A row is ONLY the applicant's name (masked by
 * the county's 公示 policy when printed), the household size and the monthly amount: the schema is
 * strict, so nothing else can even be passed in.
 */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, textSchema } from './common';
import { publicityRowSchema } from './publicity';

const { copy: _copy, ...base } = documentBaseShape;

export const publicityListSectionSchema = z.strictObject({
  category: assistanceCategorySchema,
  rows: z.array(publicityRowSchema).min(1).max(2000),
});

export const publicityListSchema = z
  .strictObject({
    ...base,
    /** A 公示 list is always public. */
    copy: z.literal('public').default('public'),
    stage: z.enum(['initial', 'approval']),
    /** Where it is posted, e.g. 松石社区. */
    community: textSchema(40),
    /** The period the list covers (inclusive). */
    from: isoDateSchema,
    to: isoDateSchema,
    sections: z.array(publicityListSectionSchema).min(1).max(10),
  })
  .refine((d) => d.from <= d.to, { path: ['to'], message: '公示结束日期早于开始日期' });
export type PublicityListInput = z.input<typeof publicityListSchema>;
export type PublicityListData = z.output<typeof publicityListSchema>;
