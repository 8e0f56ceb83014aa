/**
 * 审核确认通知书（低保边缘 / 刚性支出困难） — the household is recognised and put under 低收入人口
 * dynamic monitoring; it is paid no monthly amount unless the county pays one for the type (then the
 * amount and first month are printed). Not the 低保 notice, which always states a monthly payment.
 */
import { z } from 'zod';
import { documentBaseShape, fenSchema, isoDateSchema, isoMonthSchema, personSchema, textSchema } from './common';

export const monitoringApprovalSchema = z
  .object({
    ...documentBaseShape,
    caseNo: textSchema(40),
    applicant: personSchema,
    category: z.enum(['marginal', 'rigid-expense']),
    householdSize: z.number().int().min(1).max(30),
    /** The county's monthly amount for the type, where it pays one; absent: no monthly amount. */
    monthlyAmountFen: fenSchema.min(1).optional(),
    /** First paid month, with a monthly amount only. */
    startMonth: isoMonthSchema.optional(),
    decidedOn: isoDateSchema,
    nextReviewOn: isoDateSchema.optional(),
    legalBasis: z.array(textSchema(120)).default([]),
  })
  .refine((d) => (d.monthlyAmountFen === undefined) === (d.startMonth === undefined), {
    path: ['startMonth'],
    message: '发放月度金额时须写明起始月份',
  });
export type MonitoringApprovalInput = z.input<typeof monitoringApprovalSchema>;
export type MonitoringApprovalData = z.output<typeof monitoringApprovalSchema>;
