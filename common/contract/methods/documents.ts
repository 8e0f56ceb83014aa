import { z } from 'zod';
import { certificateFactsSchema } from '../../documents/certificatePayload';
import { copySchema } from '../../documents/common';
import { documentKindSchema } from '../../documents/index';
import { defineMethod } from '../define';

/** A case id as the intake writes it (free text until the case tables exist). */
export const caseIdSchema = z.string().trim().regex(/^[A-Za-z0-9._:-]{1,64}$/, '案件编号只能由字母、数字和 . _ : - 组成（1–64 位）');
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

export const documentsReprint = defineMethod({
  summary: 'Issue the same document again, marked 补打, linked to the original; audited.',
  permission: 'document.print',
  input: z.object({ documentId: recordIdSchema }).strict(),
  output: documentSummarySchema,
});

export const certificateVerify = defineMethod({
  summary: "Verify a 救助证明's QR payload against the station keyring: the facts, or CERT_* (altered, unknown issuer, expired).",
  permission: 'session',
  input: z.object({ payload: z.string().min(1).max(2000) }).strict(),
  output: certificateFactsSchema,
});

export const documentsMethods = {
  'documents.preview': documentsPreview,
  'documents.issue': documentsIssue,
  'documents.list': documentsList,
  'documents.get': documentsGet,
  'documents.reprint': documentsReprint,
  'certificate.verify': certificateVerify,
} as const;
