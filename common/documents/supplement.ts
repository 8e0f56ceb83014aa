/** 补正材料通知书 — one notice listing everything missing (一次性告知). */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, personSchema, textSchema } from './common';

export const supplementSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  receivedOn: isoDateSchema,
  /** Every missing item; the notice lists all of them. */
  missing: z.array(z.object({ item: textSchema(60), note: textSchema(120).optional() })).min(1, '至少列出一项需补正的材料'),
  /** The date by which the materials should be brought; optional. */
  dueBy: isoDateSchema.optional(),
});
export type SupplementInput = z.input<typeof supplementSchema>;
export type SupplementData = z.output<typeof supplementSchema>;
