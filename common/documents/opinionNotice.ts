/**
 * 初审意见告知书 — the township's proposal to refuse, told to the applicant with its reasons
 * (最低生活保障审核确认办法 arts. 18–19). A proposal to refuse is never posted (公示 is only for
 * households proposed for approval); the county still decides, and the applicant may bring
 * evidence against it before then.
 */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, isoDateSchema, personSchema, textSchema } from './common';

export const opinionNoticeSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  applicant: personSchema,
  category: assistanceCategorySchema,
  acceptedOn: isoDateSchema,
  /** The day the 初审意见 was given. */
  givenOn: isoDateSchema,
  /** Which 初审意见 of the case this is (a new one follows an objection). */
  round: z.number().int().min(1).max(50).default(1),
  reasons: z.array(textSchema(200)).min(1, '应写明初审意见的理由'),
  /** Where the county's decision comes from: printed so the applicant knows who decides. */
  decidedBy: textSchema(40).optional(),
});
export type OpinionNoticeInput = z.input<typeof opinionNoticeSchema>;
export type OpinionNoticeData = z.output<typeof opinionNoticeSchema>;
