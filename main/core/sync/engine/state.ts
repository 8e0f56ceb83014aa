import { suiteIdSchema, type SuiteId } from '../../../../common/sync/primitives';
import type { Limits } from '../../../../common/sync/registration';
import type { PartyKeys } from '../../../../sync-protocol/suite';
import type { DeviceContext } from '../../../../sync-protocol/parties';
import type { Clock, Db } from '../../kernel/store/types';
import { forgetAnchors } from './auditAnchor';
import { DEFAULT_SYNC_SETTINGS, syncSettingsSchema, type SyncSettings } from './settings';

export interface RegistrationRow {
  deviceId: string;
  stationId: string;
  regionCode: string;
  platformUrl: string;
  platformId: string;
  platformSigningKey: string;
  platformEncryptionKey: string;
  platformFingerprint: string;
  /** The crypto suite pinned at enrolment: every message is sealed with it, any other is refused. */
  suite: SuiteId;
  limits: Limits;
  registeredAt: string;
  lastBundleSeq: number;
  /** `pending`: the platform holds this re-enrolled machine until its admin confirms the replacement (SYNC_DEVICE_PENDING). */
  status: 'active' | 'revoked' | 'unknown' | 'pending';
}

export interface InflightBundle {
  bundleId: string;
  bundleSeq: number;
  bytes: Buffer;
  recordIds: string[];
}

export interface BlobRow {
  sha256: string;
  state: 'queued' | 'stored' | 'failed';
  priority: number;
  knownMissing: boolean;
  uploadUrl: string | null;
  bytesSent: number;
  attempts: number;
  error: string | null;
  /** A blob the platform deferred (upload quota): not tried again before this time (ISO). */
  retryAt: string | null;
}

/**
 * `partial`: the cycle finished but records came back (conflict, rejected) or blobs failed or were
 * deferred. `pending`: stopped because the platform's admin has not confirmed this device yet (not a failure).
 */
export type RunOutcome = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'pending';

export interface RunSummary {
  pushed: number;
  acknowledged: number;
  rejected: number;
  conflicts: number;
  blobsSent: number;
  blobsSkipped: number;
  /** Blobs the platform deferred in this run (upload quota); they stay queued until their retry time. */
  blobsDeferred: number;
  bytesSent: number;
  bytesReceived: number;
  pulled: number;
  retries: number;
}

export const emptySummary = (): RunSummary => ({
  pushed: 0,
  acknowledged: 0,
  rejected: 0,
  conflicts: 0,
  blobsSent: 0,
  blobsSkipped: 0,
  blobsDeferred: 0,
  bytesSent: 0,
  bytesReceived: 0,
  pulled: 0,
  retries: 0,
});

export interface RunRow {
  id: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  summary: RunSummary;
  errorCode: string | null;
  errorMessage: string | null;
}

type Row = Record<string, unknown>;

/**
 * The engine's persistent state, one small repository over the 0200-sync tables. Every method is
 * a single statement or its own transaction; the engine composes them into larger transactions
 * where an answer must change several tables at once.
 */
export class SyncState {
  constructor(
    readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  get(key: string): string | undefined {
    const r = this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as Row | undefined;
    return r ? String(r['value']) : undefined;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
    else
      this.db
        .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(key, value);
  }

  settings(): SyncSettings {
    const raw = this.get('settings');
    if (!raw) return DEFAULT_SYNC_SETTINGS;
    const parsed = syncSettingsSchema.safeParse({ ...DEFAULT_SYNC_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_SYNC_SETTINGS;
  }

  saveSettings(settings: SyncSettings): void {
    this.set('settings', JSON.stringify(syncSettingsSchema.parse(settings)));
  }

  /** The device keys: made once, kept until a registration with a new code replaces them. */
  keys(): PartyKeys | undefined {
    const r = this.db.prepare('SELECT * FROM sync_keys WHERE id = 1').get() as Row | undefined;
    if (!r) return undefined;
    return {
      signing: { publicKey: String(r['signing_public']), privateKey: String(r['signing_private']) },
      encryption: { publicKey: String(r['encryption_public']), privateKey: String(r['encryption_private']) },
    };
  }

  saveKeys(keys: PartyKeys): void {
    this.db
      .prepare(
        `INSERT INTO sync_keys (id, signing_public, signing_private, encryption_public, encryption_private, created_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET signing_public = excluded.signing_public, signing_private = excluded.signing_private,
           encryption_public = excluded.encryption_public, encryption_private = excluded.encryption_private, created_at = excluded.created_at`,
      )
      .run(keys.signing.publicKey, keys.signing.privateKey, keys.encryption.publicKey, keys.encryption.privateKey, this.now());
  }

  registration(): RegistrationRow | undefined {
    const r = this.db.prepare('SELECT * FROM sync_registration WHERE id = 1').get() as Row | undefined;
    if (!r) return undefined;
    return {
      deviceId: String(r['device_id']),
      stationId: String(r['station_id']),
      regionCode: String(r['region_code']),
      platformUrl: String(r['platform_url']),
      platformId: String(r['platform_id']),
      platformSigningKey: String(r['platform_signing_key']),
      platformEncryptionKey: String(r['platform_encryption_key']),
      platformFingerprint: String(r['platform_fingerprint']),
      suite: suiteIdSchema.parse(r['suite']),
      limits: JSON.parse(String(r['limits'])) as Limits,
      registeredAt: String(r['registered_at']),
      lastBundleSeq: Number(r['last_bundle_seq']),
      status: r['status'] as RegistrationRow['status'],
    };
  }

  /** The platform's TLS SPKI pins from the signed registration (empty when it sent none). */
  tlsPins(): string[] {
    const r = this.db.prepare('SELECT tls_spki_pins FROM sync_registration WHERE id = 1').get() as Row | undefined;
    return r ? (JSON.parse(String(r['tls_spki_pins'])) as string[]) : [];
  }

  saveRegistration(reg: Omit<RegistrationRow, 'lastBundleSeq' | 'status' | 'registeredAt'>, tlsSpkiPins: string[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sync_registration').run();
      this.db
        .prepare(
          `INSERT INTO sync_registration (id, device_id, station_id, region_code, platform_url, platform_id, platform_signing_key,
             platform_encryption_key, platform_fingerprint, suite, tls_spki_pins, limits, registered_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          reg.deviceId,
          reg.stationId,
          reg.regionCode,
          reg.platformUrl,
          reg.platformId,
          reg.platformSigningKey,
          reg.platformEncryptionKey,
          reg.platformFingerprint,
          reg.suite,
          JSON.stringify(tlsSpkiPins),
          JSON.stringify(reg.limits),
          this.now(),
        );
      // A new device starts a new conversation: its bundle sequence, cursor, uploads and audit anchors are its own.
      this.db.prepare('DELETE FROM sync_inflight').run();
      this.db.prepare("UPDATE sync_blob SET upload_url = NULL, retry_at = NULL WHERE state = 'queued'").run();
      this.db.prepare("UPDATE outbox SET state = 'queued', bundle_id = NULL WHERE state = 'sent'").run();
      this.set('cursor', null);
      forgetAnchors(this.db);
    })();
  }

  setRegistrationStatus(status: RegistrationRow['status']): void {
    this.db.prepare('UPDATE sync_registration SET status = ?').run(status);
  }

  setLastBundleSeq(seq: number): void {
    this.db.prepare('UPDATE sync_registration SET last_bundle_seq = ?').run(seq);
  }

  deviceContext(): DeviceContext | undefined {
    const reg = this.registration();
    const keys = this.keys();
    if (!reg || !keys) return undefined;
    return {
      deviceId: reg.deviceId,
      keys,
      platform: {
        platformId: reg.platformId,
        signingKey: reg.platformSigningKey,
        encryptionKey: reg.platformEncryptionKey,
        suite: reg.suite,
      },
      compression: 'gzip',
    };
  }

  inflight(): InflightBundle | undefined {
    const r = this.db.prepare('SELECT * FROM sync_inflight WHERE id = 1').get() as Row | undefined;
    if (!r) return undefined;
    return {
      bundleId: String(r['bundle_id']),
      bundleSeq: Number(r['bundle_seq']),
      bytes: r['bytes'] as Buffer,
      recordIds: JSON.parse(String(r['record_ids'])) as string[],
    };
  }

  saveInflight(b: InflightBundle): void {
    this.db
      .prepare('INSERT OR REPLACE INTO sync_inflight (id, bundle_id, bundle_seq, bytes, record_ids, created_at) VALUES (1, ?, ?, ?, ?, ?)')
      .run(b.bundleId, b.bundleSeq, b.bytes, JSON.stringify(b.recordIds), this.now());
  }

  clearInflight(): void {
    this.db.prepare('DELETE FROM sync_inflight').run();
  }

  queueBlob(sha256: string, priority: number, knownMissing: boolean): void {
    this.db
      .prepare(
        `INSERT INTO sync_blob (sha256, priority, known_missing, queued_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(sha256) DO UPDATE SET known_missing = MAX(known_missing, excluded.known_missing),
           priority = MIN(priority, excluded.priority),
           state = CASE WHEN state = 'stored' AND excluded.known_missing = 1 THEN 'queued' ELSE state END`,
      )
      .run(sha256, priority, knownMissing ? 1 : 0, this.now());
  }

  /** Queued blobs due now: those the platform deferred wait for their retry time. */
  queuedBlobs(): BlobRow[] {
    return (
      this.db
        .prepare(
          "SELECT * FROM sync_blob WHERE state = 'queued' AND (retry_at IS NULL OR retry_at <= ?) ORDER BY priority, queued_at, sha256",
        )
        .all(this.now()) as Row[]
    ).map(blobRow);
  }

  /** Queued blobs the platform deferred and that are not due yet, soonest first. */
  deferredBlobs(limit = 50): BlobRow[] {
    return (
      this.db
        .prepare("SELECT * FROM sync_blob WHERE state = 'queued' AND retry_at > ? ORDER BY retry_at, sha256 LIMIT ?")
        .all(this.now(), limit) as Row[]
    ).map(blobRow);
  }

  /** When the earliest deferred blob is due (ISO), or undefined when none is deferred. */
  nextBlobRetryAt(): string | undefined {
    const r = this.db.prepare("SELECT min(retry_at) AS at FROM sync_blob WHERE state = 'queued' AND retry_at IS NOT NULL").get() as Row;
    return (r['at'] as string | null) ?? undefined;
  }

  blob(sha256: string): BlobRow | undefined {
    const r = this.db.prepare('SELECT * FROM sync_blob WHERE sha256 = ?').get(sha256) as Row | undefined;
    return r ? blobRow(r) : undefined;
  }

  updateBlob(
    sha256: string,
    change: Partial<Pick<BlobRow, 'state' | 'uploadUrl' | 'error' | 'retryAt'>> & { addBytes?: number; addAttempt?: boolean },
  ): void {
    const cur = this.blob(sha256);
    if (!cur) return;
    this.db
      .prepare(
        'UPDATE sync_blob SET state = ?, upload_url = ?, error = ?, retry_at = ?, bytes_sent = bytes_sent + ?, attempts = attempts + ?, done_at = ? WHERE sha256 = ?',
      )
      .run(
        change.state ?? cur.state,
        change.uploadUrl !== undefined ? change.uploadUrl : cur.uploadUrl,
        change.error !== undefined ? change.error : cur.error,
        change.retryAt !== undefined ? change.retryAt : change.state && change.state !== 'queued' ? null : cur.retryAt,
        change.addBytes ?? 0,
        change.addAttempt ? 1 : 0,
        change.state && change.state !== 'queued' ? this.now() : null,
        sha256,
      );
  }

  /** Blobs by state; `deferred` are the queued ones the platform deferred that are not due yet. */
  blobCounts(): Record<BlobRow['state'] | 'deferred', number> {
    const out = { queued: 0, stored: 0, failed: 0, deferred: 0 };
    for (const r of this.db.prepare('SELECT state, count(*) AS n FROM sync_blob GROUP BY state').all() as Row[])
      out[r['state'] as BlobRow['state']] = Number(r['n']);
    out.deferred = Number(
      (this.db.prepare("SELECT count(*) AS n FROM sync_blob WHERE state = 'queued' AND retry_at > ?").get(this.now()) as Row)['n'],
    );
    return out;
  }

  startRun(trigger: string): number {
    return Number(this.db.prepare('INSERT INTO sync_run (trigger, started_at) VALUES (?, ?)').run(trigger, this.now()).lastInsertRowid);
  }

  finishRun(id: number, outcome: RunOutcome, summary: RunSummary, error?: { code: string; message: string }): void {
    this.db
      .prepare('UPDATE sync_run SET finished_at = ?, outcome = ?, summary = ?, error_code = ?, error_message = ? WHERE id = ?')
      .run(this.now(), outcome, JSON.stringify(summary), error?.code ?? null, error?.message ?? null, id);
    // A partial run reached the platform and finished its cycle: what it left is in the run's counts.
    if (outcome === 'ok' || outcome === 'partial') this.set('lastSuccessAt', this.now());
  }

  runs(limit: number): RunRow[] {
    return (this.db.prepare('SELECT * FROM sync_run ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map((r) => ({
      id: Number(r['id']),
      trigger: String(r['trigger']),
      startedAt: String(r['started_at']),
      finishedAt: (r['finished_at'] as string | null) ?? null,
      outcome: r['outcome'] as RunOutcome,
      summary: { ...emptySummary(), ...(JSON.parse(String(r['summary'])) as Partial<RunSummary>) },
      errorCode: (r['error_code'] as string | null) ?? null,
      errorMessage: (r['error_message'] as string | null) ?? null,
    }));
  }

  /** Runs left 'running' by a crash or a closed store are closed as cancelled at the next start. */
  closeAbandonedRuns(): void {
    this.db.prepare("UPDATE sync_run SET outcome = 'cancelled', finished_at = ? WHERE outcome = 'running'").run(this.now());
  }
}

function blobRow(r: Row): BlobRow {
  return {
    sha256: String(r['sha256']),
    state: r['state'] as BlobRow['state'],
    priority: Number(r['priority']),
    knownMissing: Number(r['known_missing']) === 1,
    uploadUrl: (r['upload_url'] as string | null) ?? null,
    bytesSent: Number(r['bytes_sent']),
    attempts: Number(r['attempts']),
    error: (r['error'] as string | null) ?? null,
    retryAt: (r['retry_at'] as string | null) ?? null,
  };
}
