import { z } from 'zod';
import { serverTimeSchema, seqSchema, sha256HexSchema } from './primitives';

/**
 * The audit anchor (docs/sync-protocol.md §5.4): every bundle carries the head of the
 * workstation's hash-chained audit log, and the platform keeps each device's heads, so a chain
 * rewritten, cut or rolled back on the workstation no longer matches what the platform holds.
 */

/** A point of the audit chain: a row's `seq` and its stored 32-byte hash in lower-case hex. Seq 0 is the genesis (64 zeros). */
export const auditPointSchema = z.object({
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  hash: sha256HexSchema,
});
export type AuditPoint = z.infer<typeof auditPointSchema>;

export const AUDIT_GENESIS_HASH_HEX = '0'.repeat(64);

/** The `audit` field of a bundle payload. */
export const bundleAuditSchema = z.object({
  /** The newest row of the chain when the bundle was built. */
  head: auditPointSchema,
  /** Where the kept chain starts: the pruning anchor (the last removed row), or the genesis (0). */
  base: auditPointSchema,
  /**
   * The platform's last anchored head for this device (from the previous bundle answer) as the
   * workstation's chain has it now: the hash of its row at that seq (or of the pruning anchor when
   * it is that row); `null` when the chain no longer has that seq. Absent before the first anchor.
   */
  anchored: z.object({ seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), hash: sha256HexSchema.nullable() }).optional(),
});
export type BundleAudit = z.infer<typeof bundleAuditSchema>;

/** Flag kinds the reference platform raises. Readers keep kinds they do not know and show them as generic. */
export const AUDIT_FLAG_KINDS = ['fork', 'backwards', 'early-prune'] as const;
export type AuditFlagKind = (typeof AUDIT_FLAG_KINDS)[number];

/** Why a flag was raised. */
export const AUDIT_FLAG_REASONS = [
  /** The chain's hash at the anchored seq (or at its head, when that is the anchored seq) differs. */
  'hash-mismatch',
  /** The bundle could not show its chain at the anchored seq (no `anchored`, another seq, or `null`). */
  'not-shown',
  /** The bundle carried no `audit` although the platform holds heads of this device. */
  'absent',
  /** The chain now starts at a base that is not an anchored head of this chain. */
  'base-unknown',
  /** The head is below the anchored seq. */
  'head-lower',
  /** The chain was pruned through a head the platform anchored too recently for the 180-day retention. */
  'pruned-recent',
] as const;

/** One flag as the platform records it and sends it back. */
export const auditFlagSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(32),
  reason: z.string().min(1).max(32),
  /** Platform time the bundle that raised it arrived. */
  at: serverTimeSchema,
  bundleSeq: seqSchema,
  /** The anchored seq the bundle was checked against (for early-prune: the base it pruned through). */
  anchoredSeq: z.number().int().nonnegative(),
  /** The bundle's head seq; null when it carried no audit head. */
  headSeq: z.number().int().nonnegative().nullable(),
});
export type AuditFlag = z.infer<typeof auditFlagSchema>;

/** The `audit` field of a bundle result. */
export const bundleAuditAnswerSchema = z.object({
  /** The device's anchored head after this bundle (null when none). The next bundle shows its chain at this seq. */
  anchored: auditPointSchema.nullable(),
  /** The device's flags on record, newest first (at most 20). */
  flags: z.array(auditFlagSchema).max(20),
});
export type BundleAuditAnswer = z.infer<typeof bundleAuditAnswerSchema>;
