import type { PrintBatch } from '../../../../common/contract/methods/documents/print';
import type { Db } from '../../kernel/store/types';

export interface PrintBatchRow {
  id: string;
  state: PrintBatch['state'];
  total: number;
  last_error: string | null;
  created_at: string;
}

/** A notice's place in a batch: 'sent' = handed to the page, not yet acknowledged. */
export interface PrintBatchItemRow {
  seq: number;
  request_id: string;
  state: 'pending' | 'sent' | 'printed' | 'cancelled';
  document_id: string | null;
}

/** The statements of batch printing (`print_batch`, `print_batch_item`); callers own the transaction. */
export class PrintBatchRepo {
  constructor(private readonly db: Db) {}

  get(id: string): PrintBatchRow | undefined {
    return this.db.prepare('SELECT * FROM print_batch WHERE id = ?').get(id) as PrintBatchRow | undefined;
  }

  printedCount(id: string): number {
    return this.db.prepare("SELECT count(*) FROM print_batch_item WHERE batch_id = ? AND state = 'printed'").pluck().get(id) as number;
  }

  /** Batches not finished (running, paused or stopped by an error), oldest first. */
  openIds(): string[] {
    return this.db
      .prepare("SELECT id FROM print_batch WHERE state IN ('running', 'paused', 'error') ORDER BY created_at")
      .pluck()
      .all() as string[];
  }

  /** A running batch of these requests, in this order. */
  insert(b: { id: string; requestIds: readonly string[]; at: string; by: string }): void {
    this.db
      .prepare("INSERT INTO print_batch (id, state, total, created_at, created_by, updated_at) VALUES (?, 'running', ?, ?, ?, ?)")
      .run(b.id, b.requestIds.length, b.at, b.by, b.at);
    const item = this.db.prepare("INSERT INTO print_batch_item (batch_id, seq, request_id, state) VALUES (?, ?, ?, 'pending')");
    b.requestIds.forEach((r, seq) => item.run(b.id, seq, r));
  }

  setState(id: string, state: PrintBatch['state'], lastError: string | null, at: string): void {
    this.db.prepare('UPDATE print_batch SET state = ?, last_error = ?, updated_at = ? WHERE id = ?').run(state, lastError, at, id);
  }

  /** Items still to print (pending, or sent and not acknowledged). */
  leftCount(id: string): number {
    return this.db
      .prepare("SELECT count(*) FROM print_batch_item WHERE batch_id = ? AND state IN ('pending', 'sent')")
      .pluck()
      .get(id) as number;
  }

  /** The next items still to print, in order. */
  nextItems(id: string, limit: number): PrintBatchItemRow[] {
    return this.db
      .prepare(
        "SELECT seq, request_id, state, document_id FROM print_batch_item WHERE batch_id = ? AND state IN ('pending', 'sent') ORDER BY seq LIMIT ?",
      )
      .all(id, limit) as PrintBatchItemRow[];
  }

  item(id: string, seq: number): PrintBatchItemRow | undefined {
    return this.db
      .prepare('SELECT seq, request_id, state, document_id FROM print_batch_item WHERE batch_id = ? AND seq = ?')
      .get(id, seq) as PrintBatchItemRow | undefined;
  }

  setItemState(id: string, seq: number, state: 'sent' | 'printed' | 'cancelled'): void {
    this.db.prepare('UPDATE print_batch_item SET state = ? WHERE batch_id = ? AND seq = ?').run(state, id, seq);
  }

  setItemDocument(id: string, seq: number, documentId: string): void {
    this.db.prepare('UPDATE print_batch_item SET document_id = ? WHERE batch_id = ? AND seq = ?').run(documentId, id, seq);
  }

  countAttempt(id: string, seq: number): void {
    this.db.prepare('UPDATE print_batch_item SET attempts = attempts + 1 WHERE batch_id = ? AND seq = ?').run(id, seq);
  }

  /** Every item not yet printed is cancelled. */
  cancelLeft(id: string): void {
    this.db.prepare("UPDATE print_batch_item SET state = 'cancelled' WHERE batch_id = ? AND state IN ('pending', 'sent')").run(id);
  }
}
