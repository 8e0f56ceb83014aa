/**
 * Batch printing that survives a printer error or a restart: the batch and each notice's place
 * are rows (print_batch, print_batch_item). Each step issues a notice's document once (a retry
 * prints the same stored PDF, it never makes a second original), prints it, and marks the notice
 * printed — so after an error the batch resumes exactly at the notice that failed.
 *
 * Who drives: the page calls printBatch.next in a loop (pause = it stops calling; the state is
 * persisted too). Desktop shell: core prints each notice silently through the PrintHost.
 * Browser shell: `next` returns up to `max` PDFs, the page prints them in one dialog and acks them.
 * Items handed to the page but never acknowledged ('sent') are sent again on resume: a notice
 * printed twice is better than a notice never printed.
 */
import { randomUUID } from 'node:crypto';
import { JiuzhuError, isJiuzhuError } from '../../../../common/contract/errors';
import type { PrintBatch } from '../../../../common/contract/methods/documents/print';
import type { AuditLog } from '../../kernel/audit/auditLog';
import type { Db } from '../../kernel/store/types';
import type { Paper } from '../printHost';
import type { DocumentService } from './documentService';
import type { NoticeQueue } from './noticeQueue';
import { PrintBatchRepo, type PrintBatchItemRow } from './printBatchRepo';
import type { BrowserJob, PrintService } from './printService';

const STATE_ZH: Record<PrintBatch['state'], string> = { running: '在打印', paused: '暂停', error: '出错', done: '完成', cancelled: '取消' };

export interface NextResult {
  batch: PrintBatch;
  delivery: 'host' | 'browser';
  paper: Paper;
  jobs: Array<BrowserJob & { seq: number }>;
}

export class PrintBatches {
  private readonly repo: PrintBatchRepo;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly audit: AuditLog,
    private readonly docs: DocumentService,
    private readonly queue: NoticeQueue,
    private readonly printing: PrintService,
    private readonly onProgress: (batch: PrintBatch) => void = () => undefined,
  ) {
    this.repo = new PrintBatchRepo(db);
  }

  get(id: string): PrintBatch {
    const r = this.repo.get(id);
    if (!r) throw new JiuzhuError('PRINT_BATCH_NOT_FOUND', { id });
    const printed = this.repo.printedCount(id);
    return { id: r.id, state: r.state, total: r.total, printed, lastError: r.last_error, createdAt: r.created_at };
  }

  open(): PrintBatch[] {
    return this.repo.openIds().map((id) => this.get(id));
  }

  start(requestIds: string[], actor: string): PrintBatch {
    const unique = [...new Set(requestIds)];
    for (const id of unique) {
      const n = this.queue.get(id);
      if (n.state !== 'pending') throw new JiuzhuError('NOTICE_NOT_PENDING', { state: n.state === 'printed' ? '打印' : '取消' }, { id });
    }
    const id = randomUUID();
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.repo.insert({ id, requestIds: unique, at, by: actor });
      this.audit.append({ actor, action: 'print_batch.start', targetType: 'print_batch', targetId: id, details: { total: unique.length } });
    })();
    return this.get(id);
  }

  private setState(id: string, state: PrintBatch['state'], lastError: string | null = null): void {
    this.repo.setState(id, state, lastError, this.now().toISOString());
  }

  private finishIfEmpty(id: string): void {
    if (this.repo.leftCount(id) === 0) this.setState(id, 'done');
  }

  async next(id: string, max: number, actor: string): Promise<NextResult> {
    const batch = this.get(id);
    if (batch.state === 'done' || batch.state === 'cancelled')
      throw new JiuzhuError('PRINT_BATCH_FINISHED', { state: STATE_ZH[batch.state] });
    const delivery = this.printing.delivery;
    const base = { delivery, paper: 'A4' as Paper, jobs: [] as NextResult['jobs'] };
    if (batch.state !== 'running') return { ...base, batch };
    // The desktop prints one notice per step, so pause and cancel act between notices.
    const items = this.repo.nextItems(id, delivery === 'host' ? 1 : max);
    let paper: Paper = 'A4';
    for (const item of items) {
      const notice = this.queue.get(item.request_id);
      if (notice.state !== 'pending') {
        // Printed or cancelled elsewhere meanwhile: skip it, never print it twice.
        this.repo.setItemState(id, item.seq, 'cancelled');
        continue;
      }
      let documentId = item.document_id;
      if (!documentId) {
        documentId = (await this.queue.issue(item.request_id, actor)).id;
        this.repo.setItemDocument(id, item.seq, documentId);
      }
      const row = this.docs.row(documentId);
      paper = this.printing.forKind(row.kind).paper;
      this.repo.countAttempt(id, item.seq);
      if (delivery === 'host') {
        try {
          await this.printing.print(row, actor, { copies: 1, silent: true, position: item.seq + 1 });
        } catch (e) {
          const message = isJiuzhuError(e) ? e.message : String(e);
          this.setState(id, 'error', message);
          this.onProgress(this.get(id));
          throw e;
        }
        this.printedItem(id, item, documentId, actor);
      } else {
        this.repo.setItemState(id, item.seq, 'sent');
        base.jobs.push({ ...this.printing.browserJob(row), seq: item.seq });
      }
    }
    if (delivery === 'host') this.finishIfEmpty(id);
    else if (items.length === 0) this.finishIfEmpty(id);
    const now = this.get(id);
    this.onProgress(now);
    return { ...base, paper, batch: now };
  }

  private printedItem(id: string, item: PrintBatchItemRow, documentId: string, actor: string): void {
    this.db.transaction(() => {
      this.repo.setItemState(id, item.seq, 'printed');
      this.queue.markPrinted(item.request_id, documentId, actor);
    })();
  }

  /** Browser shell: the page printed these (sent) notices. */
  ack(id: string, seqs: number[], actor: string): PrintBatch {
    this.get(id);
    for (const seq of seqs) {
      const item = this.repo.item(id, seq);
      if (!item || item.state !== 'sent' || !item.document_id) continue;
      const row = this.docs.row(item.document_id);
      this.db.transaction(() => {
        this.printing.audited(row, actor, 'browser', 1);
        this.printedItem(id, item, item.document_id!, actor);
      })();
    }
    this.finishIfEmpty(id);
    const batch = this.get(id);
    this.onProgress(batch);
    return batch;
  }

  pause(id: string): PrintBatch {
    if (this.get(id).state === 'running') this.setState(id, 'paused');
    return this.get(id);
  }

  resume(id: string): PrintBatch {
    const b = this.get(id);
    if (b.state === 'done' || b.state === 'cancelled') throw new JiuzhuError('PRINT_BATCH_FINISHED', { state: STATE_ZH[b.state] });
    this.setState(id, 'running');
    return this.get(id);
  }

  cancel(id: string, actor: string): PrintBatch {
    const b = this.get(id);
    if (b.state === 'done' || b.state === 'cancelled') return b;
    this.db.transaction(() => {
      this.repo.cancelLeft(id);
      this.setState(id, 'cancelled');
      this.audit.append({
        actor,
        action: 'print_batch.cancel',
        targetType: 'print_batch',
        targetId: id,
        details: { printed: b.printed, total: b.total },
      });
    })();
    const batch = this.get(id);
    this.onProgress(batch);
    return batch;
  }
}
