import type { Db } from '../store/types';
import { auditRowHash, GENESIS_HASH } from './canonical';
import { auditAnchorRow, auditRowCount, auditRowsInOrder } from './auditRepo';

export type AuditBreak =
  /** The row's stored hash does not match its own contents: it was edited. */
  | 'altered'
  /** The row is intact but does not follow the previous one: rows before it were removed or reordered. */
  | 'broken-link'
  /** A gap in sequence numbers: rows were removed. */
  | 'missing'
  /** The pruning anchor does not match the checkpoint recorded in the chain. */
  | 'anchor-mismatch';

export const AUDIT_BREAK_ZH: Record<AuditBreak, string> = {
  altered: '内容被改动',
  'broken-link': '与前一条记录衔接不上（之前的记录被删除或调换了顺序）',
  missing: '之前的记录缺失',
  'anchor-mismatch': '清理锚点与检查点不符',
};

export type AuditVerifyResult =
  | { ok: true; rows: number; headSeq: number; headHash: string }
  | { ok: false; rows: number; firstBad: { seq: number; reason: AuditBreak } };

/**
 * Walk the whole chain in sequence order and name the first bad row. Runs in one read
 * transaction so it sees a consistent snapshot while the app keeps appending.
 */
export function verifyAuditChain(db: Db, onProgress?: (done: number, total: number) => void): AuditVerifyResult {
  return db.transaction((): AuditVerifyResult => {
    const total = auditRowCount(db);
    const anchor = auditAnchorRow(db);
    let expectedSeq = anchor ? anchor.seq + 1 : 1;
    let prevHash: Buffer = anchor ? anchor.hash : GENESIS_HASH;
    let rows = 0;
    let lastCheckpoint: { anchorSeq: unknown; anchorHash: unknown; seq: number } | null = null;
    const bad = (seq: number, reason: AuditBreak): AuditVerifyResult => ({ ok: false, rows, firstBad: { seq, reason } });
    for (const r of auditRowsInOrder(db)) {
      const input = {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        workstation: r.workstation,
        details: r.details,
      };
      if (!auditRowHash(r.prev_hash, input).equals(r.hash)) return bad(r.seq, 'altered');
      if (r.seq !== expectedSeq) return bad(r.seq, r.seq > expectedSeq ? 'missing' : 'broken-link');
      if (!r.prev_hash.equals(prevHash)) return bad(r.seq, 'broken-link');
      if (r.action === 'audit.checkpoint') {
        try {
          const d = JSON.parse(r.details) as { anchorSeq?: unknown; anchorHash?: unknown };
          lastCheckpoint = { anchorSeq: d.anchorSeq, anchorHash: d.anchorHash, seq: r.seq };
        } catch {
          return bad(r.seq, 'altered');
        }
      }
      prevHash = r.hash;
      expectedSeq++;
      rows++;
      if (onProgress && rows % 5000 === 0) onProgress(rows, total);
    }
    if (anchor) {
      const cp = lastCheckpoint as { anchorSeq: unknown; anchorHash: unknown; seq: number } | null;
      if (!cp || cp.anchorSeq !== anchor.seq || cp.anchorHash !== anchor.hash.toString('hex'))
        return bad(anchor.seq + 1, 'anchor-mismatch');
    }
    onProgress?.(rows, total);
    return { ok: true as const, rows, headSeq: expectedSeq - 1, headHash: prevHash.toString('hex') };
  })();
}
