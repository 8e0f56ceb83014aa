/** 不予受理通知书 — clearly ineligible at the counter: reasons and the redress route. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, personSchema, redressSchema, textSchema } from './common';

export const rejectionSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  receivedOn: isoDateSchema,
  reasons: z.array(textSchema(200)).min(1, '应写明不予受理的理由'),
  legalBasis: z.array(textSchema(120)).default([]),
  redress: redressSchema,
});
export type RejectionInput = z.input<typeof rejectionSchema>;
export type RejectionData = z.output<typeof rejectionSchema>;
