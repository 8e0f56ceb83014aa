import { randomUUID } from 'node:crypto';
import { outboxRecordSchema, recordKindSchema, type OutboxRecord } from '../../../../common/sync/push';
import type { OutboundRecord } from '../../../../sync-protocol/records/registry';
import type { Clock, Db } from '../../kernel/store/types';

/** What a record carries besides its id, seq and time: made by a builder of `sync-protocol/records/`, typed by kind. */
type Entry = Pick<OutboxRecord, 'kind' | 'caseId' | 'baseVersion' | 'blobs'> & { body: object };

export type OutboxState = 'queued' | 'sent' | 'acknowledged' | 'rejected' | 'conflict';

/**
 * What `enqueue` did: the record as queued, or — for a change to a demo case — nothing: demo data
 * never syncs (`id` is then the id the record would have had; nothing holds it).
 */
export type Enqueued = (OutboxRecord & { queued: true }) | { queued: false; id: string; reason: 'demo' };

/**
 * Rows that belong to a demo case (`jiuzhu-admin demo seed`). Demo cases are never queued; this
 * keeps rows an earlier version queued for them out of the push, the counts and the quarantine.
 */
export const NOT_DEMO = 'NOT EXISTS (SELECT 1 FROM case_file demo_case WHERE demo_case.id = outbox.case_id AND demo_case.demo = 1)';

export interface OutboxRow extends OutboxRecord {
  state: OutboxState;
  bundleId: string | null;
  answeredAt: string | null;
  reason: string | null;
}

interface RawRow {
  seq: number;
  id: string;
  kind: string;
  case_id: string | null;
  base_version: number | null;
  blobs: string;
  made_at: string;
  body: string;
  state: OutboxState;
  bundle_id: string | null;
  answered_at: string | null;
  reason: string | null;
}

/**
 * The outbox repository. `enqueue` must be called inside the transaction of the change it
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
    if (entry.caseId !== undefined && this.db.prepare('SELECT 1 FROM case_file WHERE id = ? AND demo = 1').get(entry.caseId) !== undefined)
      return { queued: false, id, reason: 'demo' };
    const madeAt = this.clock.now().toISOString();
    const info = this.db
      .prepare('INSERT INTO outbox (id, kind, case_id, base_version, blobs, made_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        id,
        entry.kind,
        entry.caseId ?? null,
        entry.baseVersion ?? null,
        JSON.stringify(entry.blobs ?? []),
        madeAt,
        JSON.stringify(entry.body),
      );
    const record = outboxRecordSchema.parse({
      id,
      seq: Number(info.lastInsertRowid),
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
    return (
      this.db.prepare(`SELECT * FROM outbox WHERE state IN ('queued', 'sent') AND ${NOT_DEMO} ORDER BY seq LIMIT ?`).all(limit) as RawRow[]
    ).map(toRow);
  }

  byId(id: string): OutboxRow | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as RawRow | undefined;
    return row ? toRow(row) : undefined;
  }

  byCase(caseId: string): OutboxRow[] {
    return (this.db.prepare('SELECT * FROM outbox WHERE case_id = ? ORDER BY seq').all(caseId) as RawRow[]).map(toRow);
  }

  /** Records by state, demo cases' left out. */
  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = { queued: 0, sent: 0, acknowledged: 0, rejected: 0, conflict: 0 };
    for (const r of this.db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE ${NOT_DEMO} GROUP BY state`).all() as Array<{
      state: OutboxState;
      n: number;
    }>)
      out[r.state] = r.n;
    return out;
  }

  markSent(ids: string[], bundleId: string): void {
    const stmt = this.db.prepare("UPDATE outbox SET state = 'sent', bundle_id = ? WHERE id = ? AND state IN ('queued', 'sent')");
    this.db.transaction(() => ids.forEach((id) => stmt.run(bundleId, id)))();
  }

  /** Record the platform's answer for each record (from a verified bundle result only). */
  answer(answers: Array<{ id: string; status: 'acknowledged' | 'rejected' | 'conflict'; reason?: string }>): void {
    const at = this.clock.now().toISOString();
    const stmt = this.db.prepare('UPDATE outbox SET state = ?, answered_at = ?, reason = ? WHERE id = ?');
    this.db.transaction(() => answers.forEach((a) => stmt.run(a.status, at, a.reason ?? null, a.id)))();
  }
}

function toRow(r: RawRow): OutboxRow {
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
    state: r.state,
    bundleId: r.bundle_id,
    answeredAt: r.answered_at,
    reason: r.reason,
  };
}
