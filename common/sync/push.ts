import { z } from 'zod';
import { bundleAuditAnswerSchema, bundleAuditSchema } from './auditAnchor';
import { wireErrorSchema } from './errors';
import { deviceIdSchema, serverTimeSchema, seqSchema, sha256HexSchema, uuidSchema } from './primitives';

/** Record kinds are dotted lower-case names; the platform answers SYNC_RECORD_UNKNOWN_KIND for one it does not apply. */
export const recordKindSchema = z
  .string()
  .regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/)
  .max(64);

/**
 * The kinds the reference platform applies, by name (the sync centre's words for them). Each has
 * its schema and builder in sync-protocol/records/, which registers exactly these.
 */
export const KNOWN_RECORD_KINDS = [
  'case.upsert',
  'document.meta',
  'certification.record',
  'change.proposal',
  'decision.refusal',
  'case.authorization',
  'case.amendment',
  'relief.payment',
  'monitoring.entry',
  'rating.record',
  'rating.follow-up',
  'roster.imported',
] as const;

/** One outbox record as it travels. */
export const outboxRecordSchema = z.object({
  /** Client-made UUID: the record's idempotency key for ever. */
  id: uuidSchema,
  /** Per-device monotonic sequence, strictly increasing across all bundles of the device. */
  seq: seqSchema,
  kind: recordKindSchema,
  /** The case this record belongs to, if any (station scope, conflict detection). */
  caseId: z.string().min(1).max(64).optional(),
  /** For kind case.upsert: the case version this edit was based on (0 for a new case). */
  baseVersion: z.number().int().nonnegative().optional(),
  /** SHA-256 of every blob the record references; the case counts as delivered when all are stored. */
  blobs: z.array(sha256HexSchema).max(64).optional(),
  /** The workstation's clock when the record was made. Informational only: the platform never orders by it. */
  madeAt: z.string().max(40),
  body: z.record(z.string(), z.unknown()),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

/** The decrypted, decompressed payload of a sealed message of kind "bundle". */
export const bundlePayloadSchema = z
  .object({
    deviceId: deviceIdSchema,
    bundleId: uuidSchema,
    bundleSeq: seqSchema,
    /** At least one record, unless the bundle carries only the audit head (an anchor-only bundle). */
    records: z.array(outboxRecordSchema),
    /** The head of the workstation's audit chain (§5.4). */
    audit: bundleAuditSchema.optional(),
  })
  .refine((p) => p.records.length > 0 || p.audit !== undefined, {
    path: ['records'],
    message: 'a bundle without records must carry audit',
  });
export type BundlePayload = z.infer<typeof bundlePayloadSchema>;

export const RECORD_STATUSES = ['acknowledged', 'rejected', 'conflict'] as const;

/** The platform's answer for one record. Only an answer inside a verified bundle-result may clear the outbox. */
export const recordAnswerSchema = z.object({
  id: uuidSchema,
  seq: seqSchema,
  status: z.enum(RECORD_STATUSES),
  /** True when this record id had been applied before (by an earlier bundle); nothing was applied now. */
  duplicate: z.boolean().optional(),
  /** Case version after an acknowledged case.upsert. */
  version: z.number().int().nonnegative().optional(),
  /** Why the record was rejected or conflicted. */
  error: wireErrorSchema.optional(),
  /** On conflict: the platform's current version and body, for the clerk to reconcile. */
  server: z.object({ version: z.number().int().nonnegative(), body: z.record(z.string(), z.unknown()) }).optional(),
  /** Referenced blobs the platform does not hold yet; upload them, then the case is delivered. */
  missingBlobs: z.array(sha256HexSchema).optional(),
});
export type RecordAnswer = z.infer<typeof recordAnswerSchema>;

/** The payload of a sealed "bundle-result", sent back to the device that pushed. */
export const bundleResultSchema = z.object({
  bundleId: uuidSchema,
  bundleSeq: seqSchema,
  /** True when this exact bundle had been received before: the stored answer is repeated, nothing applied. */
  duplicate: z.boolean(),
  answers: z.array(recordAnswerSchema),
  /** Highest record seq the platform holds for this device. */
  lastRecordSeq: z.number().int().nonnegative(),
  receivedAt: serverTimeSchema,
  serverTime: serverTimeSchema,
  /** The platform's audit anchor for this device after the bundle, and its flags (§5.4). */
  audit: bundleAuditAnswerSchema.optional(),
});
export type BundleResult = z.infer<typeof bundleResultSchema>;
