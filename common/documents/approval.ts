/** 审核确认通知书 — approval: amount in figures and capitals, start month, next review. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, fenSchema, isoDateSchema, isoMonthSchema, personSchema, textSchema } from './common';

export const approvalSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  householdSize: z.number().int().min(1).max(30),
  /** Monthly amount for the household, in fen. */
  monthlyAmountFen: fenSchema,
  /** Paid from this month (the month after the decision). */
  startMonth: isoMonthSchema,
  decidedOn: isoDateSchema,
  nextReviewOn: isoDateSchema.optional(),
  legalBasis: z.array(textSchema(120)).default([]),
});
export type ApprovalInput = z.input<typeof approvalSchema>;
export type ApprovalData = z.output<typeof approvalSchema>;
