import type { AuditFlag, BundleAudit, BundleAuditAnswer } from '../../../../common/sync/auditAnchor';
import { auditChainBase, auditChainHead, auditHashAt } from '../../kernel/audit/chainHead';
import type { AuditLog } from '../../kernel/audit/auditLog';
import { pruneAudit } from '../../kernel/audit/prune';
import type { Clock, Db } from '../../kernel/store/types';

/**
 * The workstation's side of the audit anchor (docs/sync-protocol.md §5.4): what each bundle says
 * about the audit chain, what the platform answered, and pruning that keeps the platform able to
 * check the new base.
 */

const LAST_KEY = 'auditAnchored';

/** The platform's newest anchored head of this device, as its last answer gave it. */
export function lastAnchored(db: Db): { seq: number; hash: string; anchoredAt: string } | undefined {
  const r = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(LAST_KEY) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as { seq: number; hash: string; anchoredAt: string }) : undefined;
}

/** The `audit` field of the next bundle: head, base, and the chain at the platform's last anchored seq. */
export function auditClaim(db: Db): BundleAudit {
  const anchored = lastAnchored(db);
  return {
    head: auditChainHead(db),
    base: auditChainBase(db),
    ...(anchored ? { anchored: { seq: anchored.seq, hash: auditHashAt(db, anchored.seq) } } : {}),
  };
}

/** Whether the chain moved since the platform last anchored it (an anchor-only bundle is due). */
export function auditHeadMoved(db: Db): boolean {
  const anchored = lastAnchored(db);
  const head = auditChainHead(db);
  return !anchored || anchored.seq !== head.seq || anchored.hash !== head.hash;
}

/** Keep what a verified bundle result says: the newly anchored head and the device's flags. Runs in the caller's transaction. */
export function recordAuditAnswer(db: Db, answer: BundleAuditAnswer, receivedAt: string): void {
  if (answer.anchored) {
    const { seq, hash } = answer.anchored;
    db.prepare('INSERT OR REPLACE INTO sync_audit_anchor (seq, hash, anchored_at) VALUES (?, ?, ?)').run(seq, hash, receivedAt);
    db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)').run(
      LAST_KEY,
      JSON.stringify({ seq, hash, anchoredAt: receivedAt }),
    );
  }
  const ins = db.prepare(
    `INSERT OR IGNORE INTO sync_audit_flag (id, kind, reason, at, bundle_seq, anchored_seq, head_seq, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of answer.flags) ins.run(f.id, f.kind, f.reason, f.at, f.bundleSeq, f.anchoredSeq, f.headSeq, receivedAt);
}

/** A new registration is a new device on the platform: no heads anchored for it yet. Flags stay as history. */
export function forgetAnchors(db: Db): void {
  db.prepare('DELETE FROM sync_audit_anchor').run();
  db.prepare('DELETE FROM sync_state WHERE key = ?').run(LAST_KEY);
}

export interface AuditAnchorView {
  /** The platform's newest anchored head of this workstation's chain (null before the first). */
  anchoredSeq: number | null;
  anchoredAt: string | null;
  /** Flags the platform raised about this workstation's chain, newest first. */
  flags: Array<Omit<AuditFlag, 'at'> & { at: string; receivedAt: string }>;
}

/** What the sync centre (and the home page) shows about the anchor. */
export function auditAnchorView(db: Db): AuditAnchorView {
  const anchored = lastAnchored(db);
  const flags = (
    db.prepare('SELECT * FROM sync_audit_flag ORDER BY at DESC, bundle_seq DESC LIMIT 20').all() as Array<{
      id: string;
      kind: string;
      reason: string;
      at: number;
      bundle_seq: number;
      anchored_seq: number;
      head_seq: number | null;
      received_at: string;
    }>
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    at: new Date(r.at).toISOString(),
    bundleSeq: r.bundle_seq,
    anchoredSeq: r.anchored_seq,
    headSeq: r.head_seq,
    receivedAt: r.received_at,
  }));
  return { anchoredSeq: anchored?.seq ?? null, anchoredAt: anchored?.anchoredAt ?? null, flags };
}

/**
 * Prune the audit log (≥ 180 days) so that the city platform can still check it: once this
 * workstation is registered, the chain is cut only at a head the platform anchored and that the
 * chain still has with the same hash, so the new base is one the platform knows. Unregistered,
 * it prunes as `pruneAudit` does.
 */
export function pruneAuditAnchored(db: Db, audit: AuditLog, clock: Clock, keepDays: number, actor = 'system'): { removed: number } {
  const registered = db.prepare('SELECT 1 FROM sync_registration WHERE id = 1').get() !== undefined;
  if (!registered) return pruneAudit(db, audit, clock, keepDays, actor);
  const anchors = db.prepare('SELECT seq, hash FROM sync_audit_anchor').all() as Array<{ seq: number; hash: string }>;
  const cutPoints = anchors.filter((a) => a.seq > 0 && auditHashAt(db, a.seq) === a.hash).map((a) => a.seq);
  return pruneAudit(db, audit, clock, keepDays, actor, { cutPoints });
}
