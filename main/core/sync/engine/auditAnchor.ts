import type { AuditFlag, BundleAudit, BundleAuditAnswer } from '../../../../common/sync/auditAnchor';
import { auditChainBase, auditChainHead, auditHashAt } from '../../kernel/audit/chainHead';
import type { AuditLog } from '../../kernel/audit/auditLog';
import { pruneAudit } from '../../kernel/audit/prune';
import type { Clock, Db } from '../../kernel/store/types';
import { anchors, deleteAnchors, recentFlags, saveAnchor, saveFlags } from './auditAnchorRepo';
import { isRegistered } from './registrationRepo';
import { readSyncValue, writeSyncValue } from './syncStateRepo';

/**
 * The workstation's side of the audit anchor (docs/sync-protocol.md §5.4): what each bundle says
 * about the audit chain, what the platform answered, and pruning that keeps the platform able to
 * check the new base.
 */

const LAST_KEY = 'auditAnchored';

/** The platform's newest anchored head of this device, as its last answer gave it. */
export function lastAnchored(db: Db): { seq: number; hash: string; anchoredAt: string } | undefined {
  const value = readSyncValue(db, LAST_KEY);
  return value ? (JSON.parse(value) as { seq: number; hash: string; anchoredAt: string }) : undefined;
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
    saveAnchor(db, seq, hash, receivedAt);
    writeSyncValue(db, LAST_KEY, JSON.stringify({ seq, hash, anchoredAt: receivedAt }));
  }
  saveFlags(
    db,
    answer.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      reason: f.reason,
      at: f.at,
      bundle_seq: f.bundleSeq,
      anchored_seq: f.anchoredSeq,
      head_seq: f.headSeq,
    })),
    receivedAt,
  );
}

/** A new registration is a new device on the platform: no heads anchored for it yet. Flags stay as history. */
export function forgetAnchors(db: Db): void {
  deleteAnchors(db);
  writeSyncValue(db, LAST_KEY, null);
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
  const flags = recentFlags(db, 20).map((r) => ({
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
  if (!isRegistered(db)) return pruneAudit(db, audit, clock, keepDays, actor);
  const cutPoints = anchors(db)
    .filter((a) => a.seq > 0 && auditHashAt(db, a.seq) === a.hash)
    .map((a) => a.seq);
  return pruneAudit(db, audit, clock, keepDays, actor, { cutPoints });
}
