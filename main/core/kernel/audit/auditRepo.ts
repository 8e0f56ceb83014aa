import { AUDIT_TRIGGERS_SQL } from '../store/migrations/0030Audit';
import type { Db } from '../store/types';

/** The audit_log table and its pruning anchor (audit_anchor). */

export interface AuditRawRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  workstation: string;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

export interface AuditInsert {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  workstation: string;
  details: string;
  prevHash: Buffer;
  hash: Buffer;
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
}

type HashRow = { seq: number; hash: Buffer };

/** The statements of appending, prepared once per log. */
export function auditAppender(db: Db): { newest(): HashRow | undefined; insert(row: AuditInsert): void } {
  const last = db.prepare<[], HashRow>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, workstation, details, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @targetType, @targetId, @workstation, @details, @prevHash, @hash)`,
  );
  return { newest: () => last.get(), insert: (row) => void insert.run(row) };
}

/** The newest row's seq and hash. */
export function newestAuditRow(db: Db): HashRow | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as HashRow | undefined;
}

/** The pruning anchor: the last row removed. */
export function auditAnchorRow(db: Db): HashRow | undefined {
  return db.prepare('SELECT seq, hash FROM audit_anchor').get() as HashRow | undefined;
}

export function auditHashOfSeq(db: Db, seq: number): Buffer | undefined {
  return (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: Buffer } | undefined)?.hash;
}

export function auditRowSeqHash(db: Db, seq: number): HashRow | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?').get(seq) as HashRow | undefined;
}

/** Rows matching every given filter, newest first. */
export function filteredAuditRows(db: Db, q: AuditFilter, limit: number): AuditRawRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    params[name] = value;
  };
  add('actor = @actor', 'actor', q.actor);
  add('action = @action', 'action', q.action);
  add('target_id = @targetId', 'targetId', q.targetId);
  add('at >= @from', 'from', q.from);
  add('at < @to', 'to', q.to);
  add('seq < @beforeSeq', 'beforeSeq', q.beforeSeq);
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`;
  return db.prepare(sql).all(params) as AuditRawRow[];
}

export function auditRowCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

/** Every row in chain order, one at a time. */
export function auditRowsInOrder(db: Db): IterableIterator<AuditRawRow> {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRawRow>;
}

/** The seq of the newest row written before `cutoff` (ISO). */
export function lastAuditSeqBefore(db: Db, cutoff: string): number | undefined {
  return (db.prepare('SELECT seq FROM audit_log WHERE at < ? ORDER BY seq DESC LIMIT 1').get(cutoff) as { seq: number } | undefined)?.seq;
}

export function maxAuditSeq(db: Db): number | null {
  return (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number | null }).s;
}

/**
 * Remove the rows up to `anchor` and keep it as the new pruning anchor. The append-only triggers are dropped
 * and recreated around the delete; the caller runs this inside its transaction, so no other writer sees them missing.
 */
export function cutAuditChain(db: Db, anchor: HashRow): number {
  db.exec('DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;');
  const removed = db.prepare('DELETE FROM audit_log WHERE seq <= ?').run(anchor.seq).changes;
  db.prepare(
    'INSERT INTO audit_anchor (singleton, seq, hash) VALUES (1, ?, ?) ON CONFLICT(singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
  ).run(anchor.seq, anchor.hash);
  db.exec(AUDIT_TRIGGERS_SQL);
  return removed;
}
