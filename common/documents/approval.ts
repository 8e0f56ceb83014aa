/** 审核确认通知书 — approval: amount in figures and capitals, start month, next review, linked benefits. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, fenSchema, isoDateSchema, isoMonthSchema, personSchema, textSchema } from './common';

/** A benefit granted with the approval without a new application (一件事一次办 / 免申即享), and who handles it. */
export const approvalLinkedBenefitSchema = z.object({
  code: textSchema(40),
  name: textSchema(40),
  /** The department that carries it out; absent: routed by the civil-affairs office. */
  department: textSchema(40).optional(),
});

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
  /** Printed as their own section; notices queued before this field existed carry none. */
  linkedBenefits: z.array(approvalLinkedBenefitSchema).max(30).default([]),
});
export type ApprovalInput = z.input<typeof approvalSchema>;
export type ApprovalData = z.output<typeof approvalSchema>;
