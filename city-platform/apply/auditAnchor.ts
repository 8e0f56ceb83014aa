import type { AuditFlagKind, BundleAudit } from '../../common/sync/auditAnchor';
import type { AuditAnchorRow } from '../store/types';

/** A head the platform anchored for a device (one per bundle that carried `audit`). */
export type StoredAnchor = Omit<AuditAnchorRow, 'deviceId'>;

/** The workstation's retention floor (main/core/kernel/audit/prune.ts). */
export const AUDIT_RETENTION_DAYS = 180;
/**
 * Margin for the early-prune check: the head anchored at a new base must have been received at
 * least (180 − 30) days ago. The head row is written shortly before its bundle is built, but a
 * bundle can wait offline before it arrives, and the workstation's clock can be off: 30 days of
 * slack keep an honest station from being flagged, and still catch a prefix deleted within weeks.
 */
export const EARLY_PRUNE_MARGIN_DAYS = 30;
const DAY = 86_400_000;

export interface AuditVerdict {
  /** The flag to record, if any. */
  flag?: { kind: AuditFlagKind; reason: string; anchoredSeq: number; headSeq: number | null };
  /** Whether the bundle's head becomes the device's newest anchor (always when the bundle carried one: accept, flag, re-anchor). */
  anchor: boolean;
}

/**
 * Judge a bundle's audit head against what the platform holds for the device (pure).
 *
 * - `latest`: the device's newest anchor (none before the first bundle with `audit`);
 * - `atBase`: the earliest anchor of the device whose head is the claim's base (seq and hash),
 *   looked up only when the base moved since `latest`.
 *
 * Order of checks: absent, head lower (backwards), chain at the anchored seq (fork), base.
 */
export function judgeAuditHead(input: {
  claim: BundleAudit | undefined;
  latest: StoredAnchor | undefined;
  atBase: StoredAnchor | undefined;
  now: number;
}): AuditVerdict {
  const { claim, latest, atBase, now } = input;
  if (!claim)
    return latest
      ? { anchor: false, flag: { kind: 'fork', reason: 'absent', anchoredSeq: latest.headSeq, headSeq: null } }
      : { anchor: false };
  if (!latest) return { anchor: true };
  const flag = (kind: AuditFlagKind, reason: string, anchoredSeq = latest.headSeq): AuditVerdict => ({
    anchor: true,
    flag: { kind, reason, anchoredSeq, headSeq: claim.head.seq },
  });
  if (claim.head.seq < latest.headSeq) return flag('backwards', 'head-lower');
  if (claim.head.seq === latest.headSeq && claim.head.hash !== latest.headHash) return flag('fork', 'hash-mismatch');
  const shown = claim.anchored;
  if (!shown || shown.seq !== latest.headSeq || shown.hash === null) return flag('fork', 'not-shown');
  if (shown.hash !== latest.headHash) return flag('fork', 'hash-mismatch');
  if (baseMoved(claim, latest)) {
    if (claim.base.seq === 0) return { anchor: true };
    if (!atBase || atBase.headSeq !== claim.base.seq || atBase.headHash !== claim.base.hash)
      return flag('fork', 'base-unknown', claim.base.seq);
    if (now - atBase.receivedAt < (AUDIT_RETENTION_DAYS - EARLY_PRUNE_MARGIN_DAYS) * DAY)
      return flag('early-prune', 'pruned-recent', claim.base.seq);
  }
  return { anchor: true };
}

/** The claim's base differs from the one the newest anchor recorded (the workstation pruned since). */
export const baseMoved = (claim: BundleAudit, latest: StoredAnchor | undefined): boolean =>
  !latest || claim.base.seq !== latest.baseSeq || claim.base.hash !== latest.baseHash;
