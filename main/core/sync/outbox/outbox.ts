import { randomUUID } from 'node:crypto';
import { outboxRecordSchema, recordKindSchema, type OutboxRecord } from '../../../../common/sync/push';
import type { OutboundRecord } from '../../../../sync-protocol/records/registry';
import type { Clock, Db } from '../../kernel/store/types';
import {
  answerOutboxRecords,
  insertOutboxRecord,
  isDemoCase,
  markOutboxSent,
  outboxCountsByState,
  outboxRowById,
  outboxRowsOfCase,
  unansweredOutboxRows,
  type OutboxDbRow,
} from './outboxRepo';

export { NOT_DEMO } from './outboxRepo';

/** What a record carries besides its id, seq and time: made by a builder of `sync-protocol/records/`, typed by kind. */
type Entry = Pick<OutboxRecord, 'kind' | 'caseId' | 'baseVersion' | 'blobs'> & { body: object };

export type OutboxState = 'queued' | 'sent' | 'acknowledged' | 'rejected' | 'conflict';

/**
 * What `enqueue` did: the record as queued, or — for a change to a demo case — nothing: demo data
 * never syncs (`id` is then the id the record would have had; nothing holds it).
 */
export type Enqueued = (OutboxRecord & { queued: true }) | { queued: false; id: string; reason: 'demo' };

export interface OutboxRow extends OutboxRecord {
  state: OutboxState;
  bundleId: string | null;
  answeredAt: string | null;
  reason: string | null;
}

/**
 * The outbox. `enqueue` must be called inside the transaction of the change it
 * records (it refuses to run outside one), which is what makes the outbox transactional. It takes
 * a record made by its kind's builder (`sync-protocol/records/`): a body that is not its kind's
 * does not compile.
 */
export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  enqueue(record: OutboundRecord): Enqueued {
    return this.write(record);
  }

  /**
   * Queue again, under a new id and seq, a record this outbox holds (the sync centre's 重新提交 of a
   * quarantined record), on `baseVersion` — for a conflict, the platform's version.
   */
  requeue(original: OutboxRow, baseVersion: number | null): Enqueued {
    const { kind, caseId, blobs, body } = original;
    return this.write({
      kind,
      ...(caseId ? { caseId } : {}),
      ...(baseVersion !== null ? { baseVersion } : {}),
      ...(blobs?.length ? { blobs } : {}),
      body,
    });
  }

  private write(entry: Entry): Enqueued {
    if (!this.db.inTransaction) throw new Error('Outbox.enqueue must run inside the transaction of the change it records');
    recordKindSchema.parse(entry.kind);
    const id = randomUUID();
    if (entry.caseId !== undefined && isDemoCase(this.db, entry.caseId)) return { queued: false, id, reason: 'demo' };
    const madeAt = this.clock.now().toISOString();
    const seq = insertOutboxRecord(this.db, {
      id,
      kind: entry.kind,
      caseId: entry.caseId ?? null,
      baseVersion: entry.baseVersion ?? null,
      blobsJson: JSON.stringify(entry.blobs ?? []),
      madeAt,
      bodyJson: JSON.stringify(entry.body),
    });
    const record = outboxRecordSchema.parse({
      id,
      seq,
      kind: entry.kind,
      ...(entry.caseId ? { caseId: entry.caseId } : {}),
      ...(entry.baseVersion !== undefined ? { baseVersion: entry.baseVersion } : {}),
      ...(entry.blobs?.length ? { blobs: entry.blobs } : {}),
      madeAt,
      body: entry.body as Record<string, unknown>,
    });
    return { ...record, queued: true };
  }

  /** Records not yet answered, oldest first (queued, and sent but unanswered). */
  pending(limit: number): OutboxRow[] {
    return unansweredOutboxRows(this.db, limit).map(toRow);
  }

  byId(id: string): OutboxRow | undefined {
    const row = outboxRowById(this.db, id);
    return row ? toRow(row) : undefined;
  }

  byCase(caseId: string): OutboxRow[] {
    return outboxRowsOfCase(this.db, caseId).map(toRow);
  }

  /** Records by state, demo cases' left out. */
  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { queued: 0, sent: 0, acknowledged: 0, rejected: 0, conflict: 0 };
    for (const r of outboxCountsByState(this.db)) out[r.state as OutboxState] = r.n;
    return out;
  }

  markSent(ids: string[], bundleId: string): void {
    markOutboxSent(this.db, ids, bundleId);
  }

  /** Record the platform's answer for each record (from a verified bundle result only). */
  answer(
    answers: Array<{
      id: string;
      status: 'acknowledged' | 'rejected' | 'conflict';
      reason?: string;
      /** The wire error's code and details, kept as JSON beside the words (`answer_error`, migration 0890). */
      error?: { code: string; details?: Record<string, unknown> };
    }>,
  ): void {
    answerOutboxRecords(
      this.db,
      answers.map((a) => ({ id: a.id, status: a.status, reason: a.reason ?? null, error: a.error ? JSON.stringify(a.error) : null })),
      this.clock.now().toISOString(),
    );
  }
}

function toRow(r: OutboxDbRow): OutboxRow {
  const blobs = JSON.parse(r.blobs) as string[];
  return {
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    ...(r.case_id ? { caseId: r.case_id } : {}),
    ...(r.base_version !== null ? { baseVersion: r.base_version } : {}),
    ...(blobs.length ? { blobs } : {}),
    madeAt: r.made_at,
    body: JSON.parse(r.body) as Record<string, unknown>,
    state: r.state as OutboxState,
    bundleId: r.bundle_id,
    answeredAt: r.answered_at,
    reason: r.reason,
  };
}
