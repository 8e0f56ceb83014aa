import { z } from 'zod';
import { defineMethod } from '../../define';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const syncSettingsSchema = z.object({
  windows: z.array(hhmm).max(12),
  jitterMinutes: z.number().int().min(0).max(120),
  bandwidthKbps: z.number().int().positive().max(1_000_000).nullable(),
  staleDays: z.number().int().min(1).max(365),
  bundleTargetBytes: z
    .number()
    .int()
    .min(4096)
    .max(16 * 1024 * 1024),
  /** Blobs of station cases pulled within this many days are fetched at the end of a run; 0 = only when opened. */
  prefetchDays: z.number().int().min(0).max(90),
});

/**
 * `partial`: the run went through but not everything arrived — records the platform sent back
 * (conflict, rejected) or blobs that failed or were deferred; the summary's counts say which.
 * `pending`: the run stopped because the platform's admin has not yet confirmed this re-enrolled machine (not a failure).
 */
export const syncOutcomeSchema = z.enum(['running', 'ok', 'partial', 'failed', 'cancelled', 'pending']);

export const syncSummarySchema = z.object({
  pushed: z.number(),
  acknowledged: z.number(),
  rejected: z.number(),
  conflicts: z.number(),
  blobsSent: z.number(),
  blobsSkipped: z.number(),
  /** Blobs the platform deferred (its upload quota): still queued, tried again at their retry time. */
  blobsDeferred: z.number(),
  bytesSent: z.number(),
  bytesReceived: z.number(),
  pulled: z.number(),
  retries: z.number(),
});

const runSchema = z.object({
  id: z.number(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: syncOutcomeSchema,
  summary: syncSummarySchema,
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});

/** The city platform's anchor of this workstation's audit chain (docs/sync-protocol.md §5.4), and its flags. */
export const syncAuditAnchorSchema = z.object({
  anchoredSeq: z.number().nullable(),
  anchoredAt: z.string().nullable(),
  /** Newest first. kind: fork | backwards | early-prune (others shown as generic). */
  flags: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      reason: z.string(),
      /** Platform time the bundle that raised it arrived (ISO). */
      at: z.string(),
      bundleSeq: z.number(),
      anchoredSeq: z.number(),
      headSeq: z.number().nullable(),
      receivedAt: z.string(),
    }),
  ),
});

export const syncStatus = defineMethod({
  summary:
    'Where sync stands: registration, queue counts, blobs, the run under way, history, last success, next window, clock skew, the audit anchor and its flags.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.object({
    registered: z.boolean(),
    registration: z
      .object({
        deviceId: z.string(),
        stationId: z.string(),
        regionCode: z.string(),
        platformUrl: z.string(),
        fingerprint: z.string(),
        /** pending: the platform waits for its admin to confirm this machine's re-enrolment (SYNC_DEVICE_PENDING); syncing resumes by itself once confirmed. */
        status: z.enum(['active', 'revoked', 'unknown', 'pending']),
        registeredAt: z.string(),
      })
      .nullable(),
    running: z
      .object({ trigger: z.string(), startedAt: z.string(), phase: z.enum(['push', 'blobs', 'pull']), fraction: z.number() })
      .nullable(),
    outbox: z.object({ queued: z.number(), inFlight: z.number(), acknowledged: z.number(), rejected: z.number(), conflict: z.number() }),
    /** deferred: queued blobs the platform will not take before their retry time (its upload quota). */
    blobs: z.object({ queued: z.number(), stored: z.number(), failed: z.number(), deferred: z.number() }),
    /** The deferred blobs, soonest first: the platform's zh-CN reason and when the engine tries again (ISO). */
    deferredBlobs: z.array(z.object({ sha256: z.string(), retryAt: z.string(), reason: z.string().nullable() })),
    lastSuccessAt: z.string().nullable(),
    nextWindowAt: z.string().nullable(),
    /** True when the last success is older than settings.staleDays (or there never was one since registration). */
    stale: z.boolean(),
    /** Platform clock minus ours, ms, from the last authenticated answer. */
    skewMs: z.number().nullable(),
    settings: syncSettingsSchema,
    runs: z.array(runSchema),
    auditAnchor: syncAuditAnchorSchema,
    /** None of the network cards recorded at enrolment is in this PC: a copied disk image? Nothing syncs until re-enrolled or confirmed. */
    cloneSuspected: z.boolean(),
  }),
});

export const syncConfirmHardware = defineMethod({
  summary:
    'The admin confirms this is the enrolled PC after its network card was replaced: its cards become the recorded ones and syncing resumes (audited).',
  permission: 'sync.run',
  input: z.object({}).strict(),
  output: z.object({ cloneSuspected: z.boolean() }),
});

export const syncNow = defineMethod({
  summary: 'Run one full sync cycle now (push, blobs, pull); with wait (default) answer when it ends, with its summary.',
  permission: 'sync.run',
  input: z.object({ wait: z.boolean().default(true) }).strict(),
  output: z.object({
    runId: z.number().nullable(),
    outcome: syncOutcomeSchema,
    summary: syncSummarySchema,
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
});

export const syncCancel = defineMethod({
  summary: 'Cancel the run under way; what was done stays done, the rest resumes next time.',
  permission: 'sync.run',
  input: z.object({}).strict(),
  output: z.object({ cancelled: z.boolean() }),
});

export const syncRegister = defineMethod({
  summary: 'Enrol this workstation with the city platform using a one-time code; checks the platform fingerprint from the slip.',
  permission: 'sync.run',
  input: z
    .object({
      platformUrl: z.string().trim().min(8).max(300),
      code: z.string().trim().min(6).max(64),
      /** From the enrolment slip: the platform's key is checked against it before anything is sent (no trust on first use). */
      fingerprint: z.string().trim().min(1, '请填写登记单上印的平台指纹').max(64),
      deviceName: z.string().trim().min(1).max(64).optional(),
    })
    .strict(),
  output: z.object({
    deviceId: z.string(),
    stationId: z.string(),
    regionCode: z.string(),
    fingerprint: z.string(),
    counterNo: z.number().int().optional(),
  }),
});

export const syncSettings = defineMethod({
  summary: 'Read or change the sync settings (windows, jitter, bandwidth cap, stale warning).',
  permission: 'sync.run',
  input: syncSettingsSchema.partial().strict(),
  output: syncSettingsSchema,
});

export const quarantinedRecordSchema = z.object({
  recordId: z.string(),
  seq: z.number(),
  kind: z.string(),
  caseId: z.string().nullable(),
  /** The case number (案件编号) the sync centre shows instead of the case id. */
  caseNo: z.string().nullable(),
  status: z.enum(['rejected', 'conflict']),
  /** zh-CN: the platform's reason for a rejection; for a conflict, what the two versions say (case number, both versions). */
  reason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  baseVersion: z.number().nullable(),
  mine: z.record(z.string(), z.unknown()),
  /** On conflict: the platform's version of the case. */
  theirs: z.object({ version: z.number(), body: z.record(z.string(), z.unknown()) }).nullable(),
});

export const syncQuarantine = defineMethod({
  summary: 'Records the platform rejected (with its reason) or answered with a conflict (with both versions), not yet resolved.',
  permission: 'session',
  input: z.object({}).strict(),
  output: z.array(quarantinedRecordSchema),
});

export const syncResolve = defineMethod({
  summary: 'Resolve a quarantined record: resend (a conflict is resent on the platform version) or dismiss.',
  permission: 'case.write',
  input: z.object({ recordId: z.string().uuid(), action: z.enum(['resend', 'dismiss']) }).strict(),
  output: z.object({ newRecordId: z.string().nullable() }),
});

export const syncMethods = {
  'sync.status': syncStatus,
  'sync.now': syncNow,
  'sync.cancel': syncCancel,
  'sync.register': syncRegister,
  'sync.settings': syncSettings,
  'sync.quarantine': syncQuarantine,
  'sync.resolve': syncResolve,
  'sync.confirmHardware': syncConfirmHardware,
} as const;
