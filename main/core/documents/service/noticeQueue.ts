/**
 * The print queue over `notice_request` (migration 0060): workflow steps write a row with the
 * document kind and its data; here a request is issued once (a second call returns the same
 * document, so a printer error never makes a second original) and marked printed.
 */
import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { DocumentSummary } from '../../../../common/contract/methods/documents/documents';
import type { NoticeRequest } from '../../../../common/contract/methods/documents/print';
import type { DocumentKind } from '../../../../common/documents/index';
import { documents as messages } from '../../../../common/i18n/zh-CN/documents';
import type { Db } from '../../kernel/store/types';
import type { AuditLog } from '../../kernel/audit/auditLog';
import { summaryOf } from './documentRepo';
import type { DocumentService } from './documentService';
import { NoticeQueueRepo, type NoticeRequestRow } from './noticeQueueRepo';

export interface NoticeRow extends NoticeRequest {
  data: Record<string, unknown>;
}

const STATE_ZH = { pending: '待打印', printed: '打印', cancelled: '取消' } as const;

/** What the clerk recognises a notice by: the case number and the person it is for. */
function labelOf(kind: DocumentKind, data: Record<string, unknown>): string {
  const pick = (o: unknown, k: string) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
  const who = pick(data.applicant, 'name') ?? data.applicantName ?? pick(data.holder, 'name') ?? pick(data.signer, 'name');
  // A combined 公示 list is for a village/community, not a person.
  const parts = [data.caseNo ?? data.certificateId, who ?? data.community].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  return parts.length ? parts.join(' ') : messages.documents.kinds[kind];
}

const toRow = (r: NoticeRequestRow): NoticeRow => {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const kind = r.kind as DocumentKind;
  return {
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no ?? (typeof data.caseNo === 'string' ? data.caseNo : null),
    kind,
    state: r.state,
    requestedAt: r.requested_at,
    documentId: r.document_id,
    label: labelOf(kind, data),
    data,
  };
};

export const publicNotice = ({ data: _d, ...n }: NoticeRow): NoticeRequest => n;

export class NoticeQueue {
  private readonly repo: NoticeQueueRepo;

  constructor(
    private readonly db: Db,
    private readonly docs: DocumentService,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.repo = new NoticeQueueRepo(db);
  }

  list(filter: {
    state: NoticeRequest['state'];
    caseId?: string | undefined;
    kind?: DocumentKind | undefined;
    limit: number;
  }): NoticeRow[] {
    return this.repo
      .inState({ state: filter.state, caseId: filter.caseId ?? null, kind: filter.kind ?? null, limit: filter.limit })
      .map(toRow);
  }

  get(id: string): NoticeRow {
    const r = this.repo.get(id);
    if (!r) throw new JiuzhuError('NOTICE_NOT_FOUND', { id });
    return toRow(r);
  }

  /** The ad-hoc path (workflow steps insert in their own transaction): the data must parse first. */
  add(input: { caseId: string; kind: DocumentKind; data: Record<string, unknown> }, actor: string): NoticeRow {
    this.docs.check(input.kind, input.data);
    const id = randomUUID();
    this.repo.insertPending({
      id,
      caseId: input.caseId,
      kind: input.kind,
      data: JSON.stringify(input.data),
      at: this.now().toISOString(),
      by: actor,
    });
    this.audit.append({ actor, action: 'notice.add', targetType: 'notice_request', targetId: id, details: { kind: input.kind } });
    return this.get(id);
  }

  private pending(id: string): NoticeRow {
    const n = this.get(id);
    if (n.state !== 'pending') throw new JiuzhuError('NOTICE_NOT_PENDING', { state: STATE_ZH[n.state] }, { id, state: n.state });
    return n;
  }

  /** Render and store the request's document, once. */
  async issue(id: string, actor: string): Promise<DocumentSummary> {
    const n = this.pending(id);
    const existing = this.docs.forRequest(id);
    if (existing) return summaryOf(existing);
    return this.docs.issue({ caseId: n.caseId, kind: n.kind, data: n.data, requestId: id }, actor);
  }

  markPrinted(id: string, documentId: string, actor: string): NoticeRow {
    this.pending(id);
    const doc = this.docs.row(documentId);
    if (doc.requestId !== id) throw new JiuzhuError('NOTICE_DOCUMENT_MISMATCH', {}, { id, documentId });
    this.db.transaction(() => {
      this.repo.markPrinted(id, documentId);
      this.audit.append({
        actor,
        action: 'notice.printed',
        targetType: 'notice_request',
        targetId: id,
        details: { documentId, kind: doc.kind },
      });
    })();
    return this.get(id);
  }
}
