import { z } from 'zod';
import { certificateAlgorithmSchema, certificateFactsSchema, verifiedCertificateSchema } from '../../../documents/certificatePayload';
import { copySchema } from '../../../documents/common';
import { documentKindSchema } from '../../../documents/index';
import { defineMethod } from '../../define';

/** A case id as the intake writes it (free text until the case tables exist). */
export const caseIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, '案件编号只能由字母、数字和 . _ : - 组成（1–64 位）');
export const recordIdSchema = z.string().trim().min(1).max(64);

/**
 * A document's data as JSON, checked by the kind's schema in core (common/documents). Images are
 * written `{"$attachment": "<id>"}` (a capture in the store) or `{"$base64": "…"}`.
 */
const documentDataSchema = z.record(z.string(), z.unknown());

/** What was issued: the PDF itself stays encrypted in the store. */
export const documentSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: documentKindSchema,
  copy: copySchema,
  sha256: z.string(),
  pages: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Set on a 补打 copy: the document it reprints. */
  reprintOf: z.string().nullable(),
  /** The notice request it fulfils, if any. */
  requestId: z.string().nullable(),
  /** Why a 补打 copy was printed (null on an original), and the clerk's words for 'other'. */
  reprintReason: z.enum(['lost', 'damaged', 'unreadable', 'other']).nullable(),
  reprintNote: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

const freeInput = z.object({ caseId: caseIdSchema, kind: documentKindSchema, data: documentDataSchema }).strict();
const requestInput = z.object({ requestId: recordIdSchema }).strict();

export const documentsPreview = defineMethod({
  summary: 'Render a document without storing it (for the in-app preview); audited as a view.',
  permission: 'case.read',
  input: z.union([freeInput, requestInput]),
  output: z.object({ kind: documentKindSchema, pdfBase64: z.string(), pages: z.number().int(), sha256: z.string() }),
});

export const documentsIssue = defineMethod({
  summary: 'Render a document, store the PDF encrypted with its case and audit its hash.',
  permission: 'document.print',
  input: freeInput,
  output: documentSummarySchema,
});

export const documentsList = defineMethod({
  summary: "A case's issued documents, newest first.",
  permission: 'case.read',
  input: z.object({ caseId: caseIdSchema }).strict(),
  output: z.array(documentSummarySchema),
});

export const documentsGet = defineMethod({
  summary: 'The stored PDF of an issued document (checked against its hash); audited as a view.',
  permission: 'case.read',
  input: z.object({ documentId: recordIdSchema }).strict(),
  output: z.object({ document: documentSummarySchema, pdfBase64: z.string() }),
});

/** Why a paper is printed again: 遗失, 损毁, 字迹不清, 其他 (with words). */
export const REPRINT_REASONS = ['lost', 'damaged', 'unreadable', 'other'] as const;
export type ReprintReason = (typeof REPRINT_REASONS)[number];

export const documentsReprint = defineMethod({
  summary: 'Issue the same document again, marked 补打, linked to the original, with the reason; audited.',
  permission: 'document.print',
  input: z
    .object({ documentId: recordIdSchema, reason: z.enum(REPRINT_REASONS), note: z.string().trim().max(60).optional() })
    .strict()
    .refine((v) => v.reason !== 'other' || (v.note ?? '').length >= 2, {
      path: ['note'],
      message: '选择“其他”时请写明补打原因（至少 2 个字）',
    }),
  output: documentSummarySchema,
});

export const certificateVerify = defineMethod({
  summary:
    "Verify a 救助证明's QR payload (Ed25519 or SM2) against the station keyring: the facts and the signature algorithm, or CERT_* (altered, unknown issuer, expired).",
  permission: 'session',
  input: z.object({ payload: z.string().min(1).max(2000) }).strict(),
  output: verifiedCertificateSchema,
});

const certificateForCaseInput = z
  .object({
    caseId: caseIdSchema,
    /** What the certificate is for, e.g. 办理水电费减免. */
    purpose: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

/** The 救助证明 as filled from the roster and the case: what the clerk checks before issuing. */
export const certificateDraftSchema = z.object({
  certificateId: z.string(),
  holderName: z.string(),
  holderIdNumber: z.string(),
  headOfHousehold: z.string(),
  householdSize: z.number().int(),
  category: certificateFactsSchema.shape.category,
  monthlyAmountFen: z.number().int(),
  since: z.string(),
  nextReviewOn: z.string(),
  validUntil: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  purpose: z.string().nullable(),
});
export type CertificateDraft = z.infer<typeof certificateDraftSchema>;

export const certificateDraft = defineMethod({
  summary:
    'Fill a 救助证明 for a household on the roster from the roster and the case, and render it without storing (audited as a preview).',
  permission: 'document.print',
  input: certificateForCaseInput,
  output: z.object({ draft: certificateDraftSchema, pdfBase64: z.string(), pages: z.number().int() }),
});

export const certificateIssue = defineMethod({
  summary:
    'Issue the 救助证明 of a household on the roster, filled by core from the roster and the case: signed, stored encrypted, audited.',
  permission: 'document.print',
  input: certificateForCaseInput,
  output: documentSummarySchema,
});

/** The document camera's frame as 1 bit a pixel (dark = 1), rows packed MSB first: what the QR reader needs. */
export const scanImageSchema = z
  .object({ width: z.number().int().min(21).max(4096), height: z.number().int().min(21).max(4096), bits: z.string().max(3_000_000) })
  .strict();

/** valid; tampered (signature does not match); unknown (issuer not trusted here, or a number not issued here); expired; malformed (not a code of ours). */
export const CERTIFICATE_VERDICTS = ['valid', 'tampered', 'unknown', 'expired', 'malformed'] as const;

export const certificateScan = defineMethod({
  summary:
    'Check a 救助证明 from its QR code (a camera frame, read in core) or its typed code: the verdict in words and what the certificate states.',
  permission: 'session',
  /** `code`: what a handheld scanner types (the QR text) or the 证明编号 read off the paper. */
  input: z.union([z.object({ code: z.string().trim().min(4).max(2000) }).strict(), z.object({ image: scanImageSchema }).strict()]),
  output: z.object({
    verdict: z.enum(CERTIFICATE_VERDICTS),
    /** What the code says (after a valid or expired check: verified; after tampered/unknown: as printed, not trusted). */
    stated: certificateFactsSchema.partial().nullable(),
    /** The algorithm of the signature that was checked (valid, expired; tampered: the one the code names); null for a typed 证明编号 or a code that names none. */
    algorithm: certificateAlgorithmSchema.nullable(),
    message: z.string(),
  }),
});

export const documentsMethods = {
  'documents.preview': documentsPreview,
  'documents.issue': documentsIssue,
  'documents.list': documentsList,
  'documents.get': documentsGet,
  'documents.reprint': documentsReprint,
  'certificate.verify': certificateVerify,
  'certificate.draft': certificateDraft,
  'certificate.issue': certificateIssue,
  'certificate.scan': certificateScan,
} as const;
