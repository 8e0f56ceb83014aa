/** 家庭经济状况核对授权书 — one per signer, with the signature image, a face thumbnail and the time. */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, imageSchema, isoDateTimeSchema, personSchema, pngSchema, textSchema } from './common';

export const authorizationSchema = z
  .object({
    ...documentBaseShape,
    caseNo: textSchema(40),
    category: assistanceCategorySchema,
    /** The household's applicant (申请人). */
    applicantName: textSchema(30),
    /** The person signing this copy: the applicant, a household member or a supporter. */
    signer: personSchema,
    /** The signer's relation to the applicant, e.g. 本人, 配偶, 子女, 赡养人. */
    relation: textSchema(20),
    /** The signature drawn on the pad, as PNG; absent on the form printed to be signed by hand (the paper route). */
    signaturePng: pngSchema.optional(),
    /** The face captured at signing, JPEG or PNG; absent on the form printed to be signed by hand. */
    facePhoto: imageSchema.optional(),
    signedAt: isoDateTimeSchema.optional(),
    /** The canonical statement this form stands for (common/capture/signatureBinding.ts): printed so the scan is bound to it. */
    statement: z.object({ version: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  })
  .refine((d) => (d.signaturePng === undefined) === (d.signedAt === undefined), {
    path: ['signedAt'],
    message: 'a signed copy has its signature and time; a blank form has neither',
  });
export type AuthorizationInput = z.input<typeof authorizationSchema>;
export type AuthorizationData = z.output<typeof authorizationSchema>;
