/** 家庭经济状况核对授权书 — one per signer, with the signature image, a face thumbnail and the time. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, imageSchema, isoDateTimeSchema, personSchema, pngSchema, textSchema } from './common';

export const authorizationSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  category: assistanceCategorySchema,
  /** The household's applicant (申请人). */
  applicantName: textSchema(30),
  /** The person signing this copy: the applicant, a household member or a supporter. */
  signer: personSchema,
  /** The signer's relation to the applicant, e.g. 本人, 配偶, 子女, 赡养人. */
  relation: textSchema(20),
  /** The signature drawn on the pad, as PNG. */
  signaturePng: pngSchema,
  /** The face captured at signing, JPEG or PNG. */
  facePhoto: imageSchema,
  signedAt: isoDateTimeSchema,
});
export type AuthorizationInput = z.input<typeof authorizationSchema>;
export type AuthorizationData = z.output<typeof authorizationSchema>;
