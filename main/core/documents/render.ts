/**
 * The entry point: validate a document's data against its schema, build its layout, check every
 * character against the fonts, then draw the PDF. Any failure is a JiuzhuError and no PDF exists.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { JiuzhuError, isJiuzhuError } from '../../../common/contract/errors';
import { DOCUMENT_SCHEMAS, type DocumentData, type DocumentKind } from '../../../common/documents/index';
import { documents as messages } from '../../../common/i18n/zh-CN/documents';
import type { DocumentFonts } from './fonts';
import { assertGlyphs, checkBlocksGlyphs, type MissingGlyphReport } from './glyphCheck';
import type { DocumentLayout } from './layout/blocks';
import { renderLayout } from './layout/render';
import type { CertificateSigningKey } from './certificate/keys';
import { signCertificatePayload } from './certificate/payload';
import { qrSymbol } from './certificate/qr';
import { acceptanceLayout } from './renderers/acceptance';
import { approvalLayout } from './renderers/approval';
import { authorizationLayout } from './renderers/authorization';
import { certificateFacts, certificateLayout } from './renderers/certificate';
import { publicityLayout } from './renderers/publicity';
import { publicityListLayout } from './renderers/publicityList';
import { opinionNoticeLayout } from './renderers/opinionNotice';
import { refusalLayout } from './renderers/refusal';
import { rejectionLayout } from './renderers/rejection';
import { supplementLayout } from './renderers/supplement';
import { terminationLayout } from './renderers/termination';
import { phaseOutLayout } from './renderers/phaseOut';
import { reliefApprovalLayout } from './renderers/reliefApproval';
import { monitoringApprovalLayout } from './renderers/monitoringApproval';
import { visitFormLayout } from './renderers/visitForm';

export interface RenderContext {
  /** From loadDocumentFonts(resources/fonts). */
  fonts: DocumentFonts;
  /** The station's certificate key (Ed25519, or SM2 where its suite is 国密); certificates are signed with it. */
  signingKey?: CertificateSigningKey;
  /** PDF metadata date; pass the clock's now so identical input gives identical bytes. */
  creationDate?: Date;
}

export interface RenderedDocument {
  kind: DocumentKind;
  pdf: Buffer;
  pages: number;
  /** Hex SHA-256 of the PDF bytes, for the audit record. */
  sha256: string;
  /** Certificates only: the signed payload in the QR code and the QR version used. */
  qr?: { payload: string; version: number };
}

interface Built {
  layout: DocumentLayout;
  qr?: { payload: string; version: number };
}

type Builders = { [K in DocumentKind]: (data: DocumentData<K>, ctx: Pick<RenderContext, 'signingKey'>) => Built };

const BUILDERS: Builders = {
  authorization: (d) => ({ layout: authorizationLayout(d) }),
  acceptance: (d) => ({ layout: acceptanceLayout(d) }),
  supplement: (d) => ({ layout: supplementLayout(d) }),
  rejection: (d) => ({ layout: rejectionLayout(d) }),
  'visit-form': (d) => ({ layout: visitFormLayout(d) }),
  publicity: (d) => ({ layout: publicityLayout(d) }),
  'publicity-list': (d) => ({ layout: publicityListLayout(d) }),
  'opinion-notice': (d) => ({ layout: opinionNoticeLayout(d) }),
  approval: (d) => ({ layout: approvalLayout(d) }),
  refusal: (d) => ({ layout: refusalLayout(d) }),
  termination: (d) => ({ layout: terminationLayout(d) }),
  'phase-out': (d) => ({ layout: phaseOutLayout(d) }),
  'relief-approval': (d) => ({ layout: reliefApprovalLayout(d) }),
  'monitoring-approval': (d) => ({ layout: monitoringApprovalLayout(d) }),
  certificate: (d, ctx) => {
    if (!ctx.signingKey) throw new JiuzhuError('DOC_NO_SIGNING_KEY');
    const payload = signCertificatePayload(certificateFacts(d), ctx.signingKey);
    return { layout: certificateLayout(d, payload), qr: { payload, version: qrSymbol(payload).version } };
  },
};

/** Info dictionary key holding a certificate's payload (base64url of its UTF-8 text). */
export const CERTIFICATE_METADATA_KEY = 'JiuzhuCertificate';

/** The certificate payload embedded in a PDF this module wrote, or null. */
export function certificatePayloadFromPdf(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  // pdfkit writes Info strings as indirect objects: /JiuzhuCertificate 18 0 R … 18 0 obj (…) endobj.
  const ref = new RegExp(`/${CERTIFICATE_METADATA_KEY}\\s+(\\d+)\\s+0\\s+R`).exec(text);
  const direct = new RegExp(`/${CERTIFICATE_METADATA_KEY}\\s*\\(([A-Za-z0-9_-]+)\\)`).exec(text);
  const value = ref ? new RegExp(`(?:^|\\s)${ref[1]} 0 obj\\s*\\(([A-Za-z0-9_-]+)\\)\\s*endobj`).exec(text)?.[1] : direct?.[1];
  return value ? Buffer.from(value, 'base64url').toString('utf8') : null;
}

const kindLabel = (kind: DocumentKind) => messages.documents.kinds[kind];

/** Parse a document's input; a broken field is DOC_INVALID_DATA naming its path. */
export function parseDocumentData<K extends DocumentKind>(kind: K, input: unknown): DocumentData<K> {
  const schema = DOCUMENT_SCHEMAS[kind] as unknown as z.ZodType<DocumentData<K>>;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(根)';
  throw new JiuzhuError(
    'DOC_INVALID_DATA',
    { kind: kindLabel(kind), path, detail: issue.message },
    { path, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
  );
}

/** The layout (blocks) of a document without drawing it: for tests and previews of the words. */
export function buildDocument<K extends DocumentKind>(
  kind: K,
  input: unknown,
  ctx: Pick<RenderContext, 'signingKey'> = {},
): Built & { data: DocumentData<K> } {
  const data = parseDocumentData(kind, input);
  const builder = BUILDERS[kind] as (d: DocumentData<K>, c: Pick<RenderContext, 'signingKey'>) => Built;
  return { ...builder(data, ctx), data };
}

/** Rare characters the fonts lack, found before rendering (null when all are printable). */
export function checkDocumentGlyphs(kind: DocumentKind, input: unknown, ctx: RenderContext): MissingGlyphReport | null {
  const { layout, data } = buildDocument(kind, input, ctx);
  return checkBlocksGlyphs(layout.blocks, ctx.fonts, data);
}

export async function renderDocument<K extends DocumentKind>(kind: K, input: unknown, ctx: RenderContext): Promise<RenderedDocument> {
  const { layout, data, qr } = buildDocument(kind, input, ctx);
  assertGlyphs(layout.blocks, ctx.fonts, data);
  try {
    const { pdf, pages } = await renderLayout(layout, ctx.fonts, {
      ...(ctx.creationDate ? { creationDate: ctx.creationDate } : {}),
      // The QR payload again as base64url text in the Info dictionary, so `certificate verify --file`
      // can read it back without a QR decoder (the paper copy is verified by scanning the QR).
      ...(qr ? { metadata: { [CERTIFICATE_METADATA_KEY]: Buffer.from(qr.payload, 'utf8').toString('base64url') } } : {}),
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return { kind, pdf, pages, sha256, ...(qr ? { qr } : {}) };
  } catch (e) {
    if (isJiuzhuError(e)) throw e;
    throw new JiuzhuError('DOC_RENDER_FAILED', { kind: kindLabel(kind), detail: e instanceof Error ? e.message : String(e) });
  }
}
