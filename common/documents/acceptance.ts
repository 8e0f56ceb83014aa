/** 受理通知书 — the application is complete and accepted. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, personSchema, textSchema } from './common';

export const acceptanceSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  receivedOn: isoDateSchema,
  acceptedOn: isoDateSchema,
  /** Materials received, listed on the notice. */
  materials: z.array(textSchema(60)).max(30).default([]),
  /** Working days to the decision (30, or 20 where the township decides). */
  decisionWorkingDays: z.number().int().min(1).max(60).default(30),
});
export type AcceptanceInput = z.input<typeof acceptanceSchema>;
export type AcceptanceData = z.output<typeof acceptanceSchema>;
