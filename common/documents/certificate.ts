/** 救助证明 — who receives what since when, verifiable by its QR code (see certificatePayload.ts). */
import { z } from 'zod';
import { assistanceCategorySchema, documentBaseShape, fenSchema, isoDateSchema, isoMonthSchema, personSchema, textSchema } from './common';

export const certificateSchema = z.object({
  ...documentBaseShape,
  /** Serial number, also the id inside the QR payload, e.g. JZ500112-2026-000123. */
  certificateId: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, '证明编号只能由字母、数字和 - 组成（4–32 位）'),
  holder: personSchema,
  headOfHousehold: textSchema(30),
  householdSize: z.number().int().min(1).max(30),
  category: assistanceCategorySchema,
  /** e.g. 全自理 / 半护理 / 全护理 for 特困; 第二档 for tiered 低保. */
  careOrTier: textSchema(30).optional(),
  monthlyAmountFen: fenSchema,
  /** The first month of the benefit. */
  since: isoMonthSchema,
  nextReviewOn: isoDateSchema.optional(),
  /** The certificate's own validity (刚性支出 at most 12 months). */
  validUntil: isoDateSchema,
  /** A stable code of the issuer's signing key, e.g. the station code 500112001. */
  issuerId: z.string().regex(/^[A-Za-z0-9]{2,16}$/),
  /** What the certificate is for, e.g. 办理水电费减免; optional. */
  purpose: textSchema(60).optional(),
});
export type CertificateInput = z.input<typeof certificateSchema>;
export type CertificateData = z.output<typeof certificateSchema>;
