/**
 * Issue documents: render (render.ts), store the PDF encrypted with its case (AttachmentStore,
 * kind 'generated-pdf'), record it in `document` and audit its hash — all in one transaction, so a
 * stored PDF always has its audit row and the other way round. Previews render without storing.
 */
import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { CertificateDraft, DocumentSummary, ReprintReason } from '../../../../common/contract/methods/documents/documents';
import type { VerifiedCertificate } from '../../../../common/documents/certificatePayload';
import type { CopyKind, DocumentKind } from '../../../../common/documents/index';
import { localIsoDate } from '../../../../common/format/dates';
import type { AuditLog } from '../../kernel/audit/auditLog';
import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import type { Clock, Db } from '../../kernel/store/types';
import { verifyCertificatePayload } from '../certificate/payload';
import type { DocumentFonts } from '../fonts';
import { parseDocumentData, renderDocument, type RenderedDocument } from '../render';
import { certificateForCase } from './certificateSource';
import { checkCertificateCode, checkCertificateImage, type CertificateCheck } from './certificateCheck';
import { DocumentRepo, summaryOf, type DocumentRow } from './documentRepo';
import { dehydrate, hydrate } from './hydrate';
import { issuerPublicKey, stationSigningKey } from './signingKeys';

export interface DocumentServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  fonts: () => DocumentFonts;
  /** The station's name and region code (certificate serial numbers, the default header). */
  station?: () => { name: string; regionCode: string };
}

export interface IssueInput {
  caseId: string;
  kind: DocumentKind;
  data: Record<string, unknown>;
  requestId?: string | null;
}

/** Why a paper is printed again; the note is the clerk's words (required for 'other' by the contract). */
export interface ReprintWhy {
  reason: ReprintReason;
  note?: string | null | undefined;
}

export class DocumentService {
  private readonly repo: DocumentRepo;
  private readonly attachments: AttachmentStore;

  constructor(private readonly deps: DocumentServiceDeps) {
    this.repo = new DocumentRepo(deps.db);
    this.attachments = new AttachmentStore(deps.db, deps.clock);
  }

  /** Check data against the kind's schema (images resolved) without rendering: DOC_INVALID_DATA names the field. */
  check(kind: DocumentKind, raw: Record<string, unknown>): void {
    parseDocumentData(
      kind,
      hydrate(raw, (id) => this.attachments.get(id)),
    );
  }

  /** Images referenced by attachment id or inline base64 become bytes; certificates get the station key. */
  async render(
    kind: DocumentKind,
    raw: Record<string, unknown>,
    options: { reprint?: boolean } = {},
  ): Promise<{ doc: RenderedDocument; data: Record<string, unknown>; copy: CopyKind }> {
    let data = hydrate(raw, (id) => this.attachments.get(id)) as Record<string, unknown>;
    if (options.reprint) data = { ...data, reprint: true };
    let signingKey;
    if (kind === 'certificate') {
      const key = stationSigningKey(this.deps.db, this.deps.clock);
      // The key decides who the issuer is; the data cannot claim another station.
      data = { ...data, issuerId: key.issuerId };
      signingKey = key.privateKey;
    }
    const doc = await renderDocument(kind, data, {
      fonts: this.deps.fonts(),
      creationDate: this.deps.clock.now(),
      ...(signingKey ? { signingKey } : {}),
    });
    return { doc, data, copy: data.copy === 'public' ? 'public' : 'applicant' };
  }

  async preview(caseId: string, kind: DocumentKind, raw: Record<string, unknown>, actor: string): Promise<RenderedDocument> {
    const { doc } = await this.render(kind, raw);
    this.deps.audit.append({ actor, action: 'document.preview', targetType: 'case', targetId: caseId, details: { kind } });
    return doc;
  }

  async issue(
    input: IssueInput,
    actor: string,
    reprintOf: DocumentRow | null = null,
    why: ReprintWhy | null = null,
  ): Promise<DocumentSummary> {
    const { doc, data, copy } = await this.render(input.kind, input.data, { reprint: reprintOf !== null });
    const row: DocumentRow = {
      id: randomUUID(),
      caseId: input.caseId,
      kind: input.kind,
      copy,
      attachmentId: '',
      sha256: doc.sha256,
      pages: doc.pages,
      data: JSON.stringify(dehydrate(data)),
      requestId: input.requestId ?? null,
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actor,
      reprintOf: reprintOf ? (reprintOf.reprintOf ?? reprintOf.id) : null,
      reprintReason: reprintOf ? (why?.reason ?? 'other') : null,
      reprintNote: reprintOf ? (why?.note ?? null) : null,
    };
    this.deps.db.transaction(() => {
      const stored = this.attachments.put('generated-pdf', doc.pdf, { createdBy: actor });
      // The attachment store hashes what it stored; it must be the very bytes rendered.
      if (stored.sha256 !== doc.sha256) throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id: stored.id });
      row.attachmentId = stored.id;
      this.repo.insert(row);
      this.deps.audit.append({
        actor,
        action: reprintOf ? 'document.reprint' : 'document.issue',
        targetType: 'document',
        targetId: row.id,
        details: {
          kind: input.kind,
          sha256: doc.sha256,
          caseId: input.caseId,
          copy,
          pages: doc.pages,
          ...(row.reprintOf ? { reprintOf: row.reprintOf, reason: row.reprintReason } : {}),
        },
      });
    })();
    doc.pdf.fill(0);
    return summaryOf(row);
  }

  list(caseId: string): DocumentSummary[] {
    return this.repo.byCase(caseId).map(summaryOf);
  }

  /** The original issued for a print-queue request, if one was. */
  forRequest(requestId: string): DocumentRow | null {
    return this.repo.forRequest(requestId);
  }

  row(id: string): DocumentRow {
    const row = this.repo.get(id);
    if (!row) throw new JiuzhuError('DOC_NOT_FOUND', { id });
    return row;
  }

  /** The stored PDF, checked against the hash recorded (and audited) when it was issued. */
  pdf(row: DocumentRow): Buffer {
    const pdf = this.attachments.get(row.attachmentId);
    if (this.attachments.info(row.attachmentId)?.sha256 !== row.sha256)
      throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id: row.attachmentId });
    return pdf;
  }

  get(id: string, actor: string): { row: DocumentRow; pdf: Buffer } {
    const row = this.row(id);
    const pdf = this.pdf(row);
    this.deps.audit.append({ actor, action: 'document.view', targetType: 'document', targetId: id, details: { kind: row.kind } });
    return { row, pdf };
  }

  /** The same document again from its stored data, marked 补打, linked to the original. */
  async reprint(id: string, actor: string, why: ReprintWhy): Promise<DocumentSummary> {
    const original = this.row(id);
    return this.issue(
      {
        caseId: original.caseId,
        kind: original.kind,
        data: JSON.parse(original.data) as Record<string, unknown>,
        requestId: original.requestId,
      },
      actor,
      original,
      why,
    );
  }

  private certificateSource(caseId: string, purpose: string | undefined) {
    const station = this.deps.station?.() ?? { name: '', regionCode: '000000' };
    return certificateForCase(
      { db: this.deps.db, clock: this.deps.clock, station },
      caseId,
      purpose,
      this.repo.countOriginals('certificate'),
    );
  }

  /** The 救助证明 of a household on the roster as core fills it, rendered but not stored (audited as a preview). */
  async certificateDraft(
    caseId: string,
    purpose: string | undefined,
    actor: string,
  ): Promise<{ draft: CertificateDraft; doc: RenderedDocument }> {
    const { data, draft } = this.certificateSource(caseId, purpose);
    const doc = await this.preview(caseId, 'certificate', data, actor);
    return { draft, doc };
  }

  /** Issue the household's 救助证明 from the roster and the case (signed, stored, audited like any document). */
  async issueCertificate(caseId: string, purpose: string | undefined, actor: string): Promise<DocumentSummary> {
    return this.issue({ caseId, kind: 'certificate', data: this.certificateSource(caseId, purpose).data }, actor);
  }

  /** A QR text or typed number, or a camera frame: the verdict in words and what the certificate states. */
  checkCertificate(input: { code: string } | { image: { width: number; height: number; bits: string } }): CertificateCheck {
    const deps = {
      verify: (p: string) => this.verifyCertificate(p),
      issuedData: (id: string) => this.repo.certificateData(id),
      today: () => localIsoDate(this.deps.clock.now()),
    };
    return 'code' in input ? checkCertificateCode(deps, input.code) : checkCertificateImage(deps, input.image);
  }

  verifyCertificate(payload: string): VerifiedCertificate {
    return verifyCertificatePayload(payload.trim(), (issuerId) => issuerPublicKey(this.deps.db, issuerId), {
      today: localIsoDate(this.deps.clock.now()),
    });
  }
}
