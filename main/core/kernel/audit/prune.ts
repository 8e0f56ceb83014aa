import { JiuzhuError } from '../../../../common/contract/errors';
import { AUDIT_TRIGGERS_SQL } from '../store/migrations/0030Audit';
import type { Clock, Db } from '../store/types';
import type { AuditLog } from './auditLog';

/** The law's floor for keeping audit records; pruning never goes below it. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

export interface PruneOptions {
  /**
   * Seqs the chain may be cut at (e.g. heads the city platform anchored, so the new base stays
   * checkable there): the cut is the highest of them among the rows old enough; none → nothing
   * is removed. Without it the cut is the last row old enough.
   */
  cutPoints?: readonly number[];
}

/**
 * Remove rows older than `keepDays` (≥ 180) while keeping the chain verifiable: in one
 * transaction, record the last removed row's seq and hash as the anchor, delete, and append an
 * 'audit.checkpoint' row naming that anchor. The triggers are dropped and recreated inside the
 * same transaction, so no other writer ever sees them missing.
 */
export function pruneAudit(
  db: Db,
  audit: AuditLog,
  clock: Clock,
  keepDays: number,
  actor = 'system',
  options: PruneOptions = {},
): { removed: number } {
  if (!(keepDays >= MIN_AUDIT_RETENTION_DAYS)) throw new JiuzhuError('AUDIT_RETENTION_TOO_SHORT', { min: MIN_AUDIT_RETENTION_DAYS });
  const cutoff = new Date(clock.now().getTime() - keepDays * 86_400_000).toISOString();
  return db.transaction(() => {
    const old = db.prepare('SELECT seq FROM audit_log WHERE at < ? ORDER BY seq DESC LIMIT 1').get(cutoff) as { seq: number } | undefined;
    // Never remove the newest row: the chain head must stay in the table.
    const head = db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number | null };
    if (!old || head.s === null || (!options.cutPoints && old.seq === head.s)) return { removed: 0 };
    const limit = Math.min(old.seq, head.s - 1);
    const cut = options.cutPoints ? Math.max(-1, ...options.cutPoints.filter((s) => s <= limit)) : old.seq;
    const last = db.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?').get(cut) as { seq: number; hash: Buffer } | undefined;
    if (!last) return { removed: 0 };
    db.exec('DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;');
    const removed = db.prepare('DELETE FROM audit_log WHERE seq <= ?').run(last.seq).changes;
    db.prepare(
      'INSERT INTO audit_anchor (singleton, seq, hash) VALUES (1, ?, ?) ON CONFLICT(singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    ).run(last.seq, last.hash);
    db.exec(AUDIT_TRIGGERS_SQL);
    audit.append({
      actor,
      action: 'audit.checkpoint',
      details: { anchorSeq: last.seq, anchorHash: last.hash.toString('hex'), removed, keepDays },
    });
    return { removed };
  })();
}
