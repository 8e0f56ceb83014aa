import { JiuzhuError } from '../../../../common/contract/errors';
import type { Clock, Db } from '../store/types';
import type { AuditLog } from './auditLog';
import { cutAuditChain, lastAuditSeqBefore, maxAuditSeq, auditRowSeqHash } from './auditRepo';

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
    const old = lastAuditSeqBefore(db, cutoff);
    // Never remove the newest row: the chain head must stay in the table.
    const head = maxAuditSeq(db);
    if (old === undefined || head === null || (!options.cutPoints && old === head)) return { removed: 0 };
    const limit = Math.min(old, head - 1);
    const cut = options.cutPoints ? Math.max(-1, ...options.cutPoints.filter((s) => s <= limit)) : old;
    const last = auditRowSeqHash(db, cut);
    if (!last) return { removed: 0 };
    const removed = cutAuditChain(db, last);
    audit.append({
      actor,
      action: 'audit.checkpoint',
      details: { anchorSeq: last.seq, anchorHash: last.hash.toString('hex'), removed, keepDays },
    });
    return { removed };
  })();
}
