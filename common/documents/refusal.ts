/** 不予批准通知书 — refusal after review: reasons, legal basis and the redress route. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, personSchema, redressSchema, textSchema } from './common';

export const refusalSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  acceptedOn: isoDateSchema,
  decidedOn: isoDateSchema,
  reasons: z.array(textSchema(200)).min(1, '应写明不予批准的理由'),
  legalBasis: z.array(textSchema(120)).min(1, '应写明法律依据'),
  redress: redressSchema,
});
export type RefusalInput = z.input<typeof refusalSchema>;
export type RefusalData = z.output<typeof refusalSchema>;
