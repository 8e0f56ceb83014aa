/** 入户调查表 — the home-visit record, signed by 2+ investigators and the family members present. */
import { z } from 'zod';
import {
  assistanceCategorySchema,
  documentBaseShape,
  fenSchema,
  idNumberSchema,
  isoDateSchema,
  personSchema,
  pngSchema,
  textSchema,
} from './common';

export const visitMemberSchema = z.object({
  name: textSchema(30),
  relation: textSchema(10),
  idNumber: idNumberSchema,
  /** e.g. 健康, 慢性病, 残疾二级 */
  health: textSchema(20),
  /** e.g. 务农, 在校学生, 无业 */
  occupation: textSchema(20),
  /** Monthly income in fen. */
  monthlyIncomeFen: fenSchema,
});

/** A signature drawn on the pad: a staff member who went or a family member present. */
export const visitSignatureSchema = z.object({
  role: z.enum(['staff', 'family']),
  name: textSchema(30),
  png: pngSchema,
});

/** A photo of the living conditions, listed by its SHA-256 (the stored, EXIF-free image). */
export const visitPhotoSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 SHA-256'),
  source: z.enum(['camera', 'file']),
});

export const visitFormSchema = z.object({
  ...documentBaseShape,
  caseNo: textSchema(40),
  category: assistanceCategorySchema,
  applicant: personSchema.extend({ address: textSchema(120) }),
  visitedOn: isoDateSchema,
  investigators: z.array(textSchema(30)).min(2, '入户调查应由 2 名以上工作人员进行').max(6),
  members: z.array(visitMemberSchema).min(1).max(15),
  housing: textSchema(200),
  assets: textSchema(300),
  livingConditions: textSchema(400),
  findings: textSchema(600),
  /**
   * Signatures taken on the pad. Forms queued before the pad was used carry none and keep their
   * boxes for signing on paper; a form with signatures prints them as images.
   */
  signatures: z.array(visitSignatureSchema).max(21).default([]),
  photos: z.array(visitPhotoSchema).max(30).default([]),
});
export type VisitFormInput = z.input<typeof visitFormSchema>;
export type VisitFormData = z.output<typeof visitFormSchema>;
