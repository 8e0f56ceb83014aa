/**
 * The facts a certificate's QR code carries, signed by the issuing station (Ed25519, or SM2 where the
 * station's pinned sync suite is 国密). Kept small on
 * purpose: the payload must fit a QR code a phone scans easily from paper. The text format and the
 * signature live in main/core/documents/certificate; this is the shape both sides agree on.
 */
import { z } from 'zod';
import { assistanceCategorySchema, fenSchema, isoDateSchema, isoMonthSchema, type AssistanceCategory } from './common';

export const certificateFactsSchema = z.object({
  certificateId: z.string().regex(/^[A-Za-z0-9-]{4,32}$/),
  /** Masked name as printed for third parties, e.g. 王*文. */
  holder: z.string().min(1).max(30),
  /** The last 4 characters of the holder's ID number, to compare with the card shown. */
  idTail: z.string().regex(/^\d{3}[\dX]$/),
  category: assistanceCategorySchema,
  monthlyAmountFen: fenSchema,
  since: isoMonthSchema,
  validUntil: isoDateSchema,
  issuerId: z.string().regex(/^[A-Za-z0-9]{2,16}$/),
});
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;

/** The signature algorithms a payload can name: Ed25519 (RFC 8032) or SM2 (GB/T 32918.2, 国密). */
export const CERTIFICATE_ALGORITHMS = ['ed25519', 'sm2'] as const;
export const certificateAlgorithmSchema = z.enum(CERTIFICATE_ALGORITHMS);
export type CertificateAlgorithm = z.infer<typeof certificateAlgorithmSchema>;

/** What a verifier returns: the facts, and the algorithm whose signature it checked. */
export const verifiedCertificateSchema = certificateFactsSchema.extend({ algorithm: certificateAlgorithmSchema });
export type VerifiedCertificate = z.infer<typeof verifiedCertificateSchema>;

/** Two-letter codes used inside the payload instead of the long category names. */
export const CATEGORY_CODES: Record<AssistanceCategory, string> = {
  'dibao-urban': 'DC',
  'dibao-rural': 'DR',
  'tekun-centralized': 'TC',
  'tekun-dispersed': 'TD',
  marginal: 'MB',
  'rigid-expense': 'RE',
  'temporary-emergency': 'TE',
  'temporary-expense': 'TX',
};

export const categoryFromCode = (code: string): AssistanceCategory | undefined =>
  (Object.keys(CATEGORY_CODES) as AssistanceCategory[]).find((k) => CATEGORY_CODES[k] === code);
