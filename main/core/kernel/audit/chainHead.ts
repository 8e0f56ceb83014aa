import type { Db } from '../store/types';
import { GENESIS_HASH } from './canonical';
import { auditAnchorRow, auditHashOfSeq, newestAuditRow } from './auditRepo';

/** A point of the chain: a row's seq and its stored hash (lower-case hex). Seq 0 is the genesis. */
export interface AuditChainPoint {
  seq: number;
  hash: string;
}

const GENESIS: AuditChainPoint = { seq: 0, hash: GENESIS_HASH.toString('hex') };

/** Where the kept chain starts: the pruning anchor (the last row removed), or the genesis. */
export function auditChainBase(db: Db): AuditChainPoint {
  const a = auditAnchorRow(db);
  return a ? { seq: a.seq, hash: a.hash.toString('hex') } : GENESIS;
}

/** The newest row of the chain (the base when no row is left, the genesis on an empty log). */
export function auditChainHead(db: Db): AuditChainPoint {
  const r = newestAuditRow(db);
  return r ? { seq: r.seq, hash: r.hash.toString('hex') } : auditChainBase(db);
}

/**
 * The stored hash of the chain at `seq`: the row's, or the pruning anchor's when that is the row,
 * or the genesis at 0; null when the chain has no such row (pruned away, or past the head).
 * These are the hashes as stored: `verifyAuditChain` is what proves they follow from the rows.
 */
export function auditHashAt(db: Db, seq: number): string | null {
  if (seq === 0) return GENESIS.hash;
  const hash = auditHashOfSeq(db, seq);
  if (hash) return hash.toString('hex');
  const base = auditChainBase(db);
  return base.seq === seq ? base.hash : null;
}
