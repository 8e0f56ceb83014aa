/**
 * Issue documents: render (render.ts), store the PDF encrypted with its case (AttachmentStore,
 * kind 'generated-pdf'), record it in `document` and audit its hash — all in one transaction, so a
 * stored PDF always has its audit row and the other way round. Previews render without storing.
 */
import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { DocumentSummary } from '../../../../common/contract/methods/documents';
import type { CertificateFacts } from '../../../../common/documents/certificatePayload';
import type { CopyKind, DocumentKind } from '../../../../common/documents/index';
import { localIsoDate } from '../../../../common/format/dates';
import type { AuditLog } from '../../audit/audit-log';
import { AttachmentStore } from '../../store/attachments/attachment-store';
import type { Clock, Db } from '../../store/types';
import { verifyCertificatePayload } from '../certificate/payload';
import type { DocumentFonts } from '../fonts';
import { parseDocumentData, renderDocument, type RenderedDocument } from '../render';
import { DocumentRepo, summaryOf, type DocumentRow } from './documentRepo';
import { dehydrate, hydrate } from './hydrate';
import { issuerPublicKey, stationSigningKey } from './signingKeys';

export interface DocumentServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  fonts: () => DocumentFonts;
}

export interface IssueInput {
  caseId: string;
  kind: DocumentKind;
  data: Record<string, unknown>;
  requestId?: string | null;
}


export class DocumentService {
  readonly repo: DocumentRepo;
  private readonly attachments: AttachmentStore;

  constructor(private readonly deps: DocumentServiceDeps) {
    this.repo = new DocumentRepo(deps.db);
    this.attachments = new AttachmentStore(deps.db, deps.clock);
  }

  /** Check data against the kind's schema (images resolved) without rendering: DOC_INVALID_DATA names the field. */
  check(kind: DocumentKind, raw: Record<string, unknown>): void {
    parseDocumentData(kind, hydrate(raw, (id) => this.attachments.get(id)));
  }

  /** Images referenced by attachment id or inline base64 become bytes; certificates get the station key. */
  async render(kind: DocumentKind, raw: Record<string, unknown>, options: { reprint?: boolean } = {}): Promise<{ doc: RenderedDocument; data: Record<string, unknown>; copy: CopyKind }> {
    let data = hydrate(raw, (id) => this.attachments.get(id)) as Record<string, unknown>;
    if (options.reprint) data = { ...data, reprint: true };
    let signingKey;
    if (kind === 'certificate') {
      const key = stationSigningKey(this.deps.db, this.deps.clock);
      // The key decides who the issuer is; the data cannot claim another station.
      data = { ...data, issuerId: key.issuerId };
      signingKey = key.privateKey;
    }
    const doc = await renderDocument(kind, data, { fonts: this.deps.fonts(), creationDate: this.deps.clock.now(), ...(signingKey ? { signingKey } : {}) });
    return { doc, data, copy: data.copy === 'public' ? 'public' : 'applicant' };
  }

  async preview(caseId: string, kind: DocumentKind, raw: Record<string, unknown>, actor: string): Promise<RenderedDocument> {
    const { doc } = await this.render(kind, raw);
    this.deps.audit.append({ actor, action: 'document.preview', targetType: 'case', targetId: caseId, details: { kind } });
    return doc;
  }

  async issue(input: IssueInput, actor: string, reprintOf: DocumentRow | null = null): Promise<DocumentSummary> {
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
        details: { kind: input.kind, sha256: doc.sha256, caseId: input.caseId, copy, pages: doc.pages, ...(row.reprintOf ? { reprintOf: row.reprintOf } : {}) },
      });
    })();
    doc.pdf.fill(0);
    return summaryOf(row);
  }

  list(caseId: string): DocumentSummary[] {
    return this.repo.byCase(caseId).map(summaryOf);
  }

  row(id: string): DocumentRow {
    const row = this.repo.get(id);
    if (!row) throw new JiuzhuError('DOC_NOT_FOUND', { id });
    return row;
  }

  /** The stored PDF, checked against the hash recorded (and audited) when it was issued. */
  pdf(row: DocumentRow): Buffer {
    const pdf = this.attachments.get(row.attachmentId);
    if (this.attachments.info(row.attachmentId)?.sha256 !== row.sha256) throw new JiuzhuError('STORE_ATTACHMENT_DAMAGED', { id: row.attachmentId });
    return pdf;
  }

  get(id: string, actor: string): { row: DocumentRow; pdf: Buffer } {
    const row = this.row(id);
    const pdf = this.pdf(row);
    this.deps.audit.append({ actor, action: 'document.view', targetType: 'document', targetId: id, details: { kind: row.kind } });
    return { row, pdf };
  }

  /** The same document again from its stored data, marked 补打, linked to the original. */
  async reprint(id: string, actor: string): Promise<DocumentSummary> {
    const original = this.row(id);
    return this.issue({ caseId: original.caseId, kind: original.kind, data: JSON.parse(original.data) as Record<string, unknown>, requestId: original.requestId }, actor, original);
  }

  verifyCertificate(payload: string): CertificateFacts {
    return verifyCertificatePayload(payload.trim(), (issuerId) => issuerPublicKey(this.deps.db, issuerId), { today: localIsoDate(this.deps.clock.now()) });
  }
}
