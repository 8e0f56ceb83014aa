import pg from 'pg';
import type { BundleResult, RecordAnswer } from '../../common/sync/push';
import { wireError } from '../errors';
import { chooseCounterNo } from './counter';
import { answerSeenRecord, attachmentsFeedItem, refuseCaseEdit, refuseDocumentMeta } from './verdicts';
import { PG_MIGRATIONS } from './pgSchema';
import {
  addVerificationReport,
  LIST_VERIFICATION_REPORTS_SQL,
  runVerificationAsync,
  verificationReportRow,
  type VerificationStep,
} from './verificationSql';
import { noteCaseStatus, recordStatusEvent, type FeedItem } from './caseStatusSql';
import type { CaseStatusEvent } from '../apply/caseStatus';
import { anchorAuditHead, anchorRow, AUDIT_ANCHORS_SQL, AUDIT_FLAGS_SQL, flagRow, numbered, runAsync } from './auditAnchorsSql';
import { applyRosterImported, putRecipient, RECIPIENT_SQL } from './recipientsSql';
import { recipientFeedItem, recipientRow, type RecipientBody } from '../apply/rosterImported';
import { ROSTER_IMPORTED } from '../../sync-protocol/records/rosterImported';
import { ROSTER_RECIPIENT } from '../../sync-protocol/records/rosterRecipientItem';
import { blob, device, onlineApplication, remoteCertification, upload, usage, type Row } from './rows';
import { remoteCertificationFeedBody } from '../feed/certificationRemote';
import { onlineApplicationFeedBody } from '../feed/applicationOnline';
import { APPLICATION_ONLINE, CERTIFICATION_REMOTE } from '../../sync-protocol/records/index';
import type {
  BlobRow,
  BundleApplyOutcome,
  BundleToApply,
  CaseRow,
  FeedRow,
  NewDevice,
  PlatformStore,
  RecordRow,
  RecordValidator,
  RegisterOutcome,
  OnlineApplicationRow,
  RemoteCertificationRow,
  UploadRow,
} from './types';

type Client = pg.PoolClient;

/** Advisory lock keys (arbitrary constants): migrations, and the feed's commit order. */
const MIGRATION_LOCK = 0x6a7a_0001;
const FEED_LOCK = 0x6a7a_0002;
/** Two-key advisory lock class of a station's counter numbers (second key: hashtext(station id)). */
const STATION_LOCK = 0x6a7a;

/**
 * The PostgreSQL store (`--pg URL`), how a city runs the platform for thousands of stations.
 * Same semantics as the SQLite store, with the concurrency SQLite gets for free made explicit:
 * - a bundle locks its device row (`FOR UPDATE`), so two copies of one bundle arriving at once
 *   apply once and the second gets the stored answer;
 * - a registration locks its enrolment code row;
 * - every feed insert takes a transaction-scoped advisory lock, so feed `seq` order is commit order
 *   and a cursor never skips an item that committed late.
 */
export class PgPlatformStore implements PlatformStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connect, create or upgrade the schema (idempotent), and return the store. */
  static async open(url: string, options: { max?: number } = {}): Promise<PgPlatformStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
    // An idle client losing its server (restart, failover) must not crash the platform process.
    pool.on('error', () => {});
    const store = new PgPlatformStore(pool);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  private async migrate() {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await c.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
      const version = Number(rows[0]['v']);
      if (version > PG_MIGRATIONS.length)
        throw new Error(`platform database is version ${version}, newer than this program (${PG_MIGRATIONS.length}); upgrade the platform`);
      for (let i = version; i < PG_MIGRATIONS.length; i++) {
        await c.query(PG_MIGRATIONS[i]!);
        await c.query('INSERT INTO schema_version (version) VALUES ($1)', [i + 1]);
      }
    });
  }

  /** One transaction on one pooled connection; rolled back on any error. */
  private async tx<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private async one(sql: string, params: unknown[], c: Client | pg.Pool = this.pool): Promise<Row | undefined> {
    return (await c.query(sql, params)).rows[0] as Row | undefined;
  }

  async getMeta(key: string) {
    const r = await this.one('SELECT value FROM meta WHERE key = $1', [key]);
    return r ? String(r['value']) : undefined;
  }

  async setMeta(key: string, value: string) {
    await this.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  async createEnrolmentCode(input: { code: string; stationId: string; regionCode: string; now: number; expiresAt: number }) {
    await this.pool.query(
      'INSERT INTO enrolment_codes (code, station_id, region_code, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [input.code, input.stationId, input.regionCode, input.now, input.expiresAt],
    );
  }

  async registerDevice(code: string, d: NewDevice, now: number): Promise<RegisterOutcome> {
    return this.tx(async (c): Promise<RegisterOutcome> => {
      const row = await this.one('SELECT * FROM enrolment_codes WHERE code = $1 FOR UPDATE', [code], c);
      if (!row) return { ok: false };
      const stationId = String(row['station_id']);
      const regionCode = String(row['region_code']);
      if (row['used_by'] !== null) {
        const same = await this.one(
          "SELECT device_id, counter_no FROM devices WHERE device_id = $1 AND signing_key = $2 AND machine_id_hash = $3 AND status = 'active'",
          [row['used_by'], d.signingKey, d.machineIdHash],
          c,
        );
        return same
          ? { ok: true, deviceId: String(same['device_id']), stationId, regionCode, counterNo: Number(same['counter_no']) }
          : { ok: false };
      }
      if (Number(row['expires_at']) < now) return { ok: false };
      // Two devices of one station enrolling at once (two codes) must not pick the same counter number.
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STATION_LOCK, stationId]);
      const held = (
        await c.query(
          'SELECT counter_no, machine_id_hash, name FROM devices WHERE station_id = $1 AND counter_no IS NOT NULL ORDER BY registered_at',
          [stationId],
        )
      ).rows.map((r: Row) => ({
        counterNo: Number(r['counter_no']),
        machineIdHash: String(r['machine_id_hash']),
        name: String(r['name']),
      }));
      const counter = chooseCounterNo(d.counterNo, d.machineIdHash, held);
      if (!counter.ok) return { ok: false, counterTaken: { counterNo: counter.counterNo, deviceName: counter.takenBy } };
      // Only the code's own station is looked at; the new device waits for an admin to confirm.
      const earlier = await this.one(
        "SELECT device_id FROM devices WHERE station_id = $1 AND machine_id_hash = $2 AND status = 'active' AND replaces IS NULL ORDER BY registered_at DESC LIMIT 1",
        [stationId, d.machineIdHash],
        c,
      );
      const replaces = earlier ? String(earlier['device_id']) : null;
      await c.query(
        `INSERT INTO devices (device_id, station_id, region_code, machine_id_hash, signing_key, encryption_key, name, app_version, status, registered_at, counter_no, replaces)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11)`,
        [
          d.deviceId,
          stationId,
          regionCode,
          d.machineIdHash,
          d.signingKey,
          d.encryptionKey,
          d.name,
          d.appVersion,
          now,
          counter.counterNo,
          replaces,
        ],
      );
      await c.query('UPDATE enrolment_codes SET used_by = $1, used_at = $2 WHERE code = $3', [d.deviceId, now, code]);
      return {
        ok: true,
        deviceId: d.deviceId,
        stationId,
        regionCode,
        counterNo: counter.counterNo,
        ...(replaces ? { pendingReplacementOf: replaces } : {}),
      };
    });
  }

  async getDevice(deviceId: string) {
    const r = await this.one('SELECT * FROM devices WHERE device_id = $1', [deviceId]);
    return r ? device(r) : undefined;
  }

  async revokeDevice(deviceId: string, now: number) {
    const r = await this.pool.query("UPDATE devices SET status = 'revoked', revoked_at = $1 WHERE device_id = $2", [now, deviceId]);
    return r.rowCount === 1;
  }

  async listPendingDevices() {
    const { rows } = await this.pool.query(
      'SELECT * FROM devices WHERE status = \'active\' AND replaces IS NOT NULL ORDER BY registered_at, device_id COLLATE "C"',
    );
    return (rows as Row[]).map(device);
  }

  async confirmReplacement(deviceId: string, now: number) {
    return this.tx(async (c): Promise<{ replacedDeviceId: string } | undefined> => {
      const r = await this.one(
        "SELECT replaces FROM devices WHERE device_id = $1 AND status = 'active' AND replaces IS NOT NULL FOR UPDATE",
        [deviceId],
        c,
      );
      if (!r) return undefined;
      const replaced = String(r['replaces']);
      await c.query(
        "UPDATE devices SET status = 'revoked', revoked_at = $1 WHERE status = 'active' AND (device_id = $2 OR (replaces = $2 AND device_id <> $3))",
        [now, replaced, deviceId],
      );
      await c.query('UPDATE devices SET replaces = NULL WHERE device_id = $1', [deviceId]);
      return { replacedDeviceId: replaced };
    });
  }

  async applyBundle(b: BundleToApply, validate: RecordValidator): Promise<BundleApplyOutcome> {
    return this.tx(async (c): Promise<BundleApplyOutcome> => {
      const { deviceId } = b.device;
      // Lock first: every bundle of this device waits here, so the checks below see committed state.
      const dev = device((await this.one('SELECT * FROM devices WHERE device_id = $1 FOR UPDATE', [deviceId], c))!);
      const seen = await this.one('SELECT result FROM bundles WHERE device_id = $1 AND bundle_id = $2', [deviceId, b.payload.bundleId], c);
      if (seen) return { kind: 'duplicate', result: { ...(JSON.parse(String(seen['result'])) as BundleResult), duplicate: true } };
      if (b.payload.bundleSeq <= dev.lastBundleSeq)
        return { kind: 'replayed', lastBundleSeq: dev.lastBundleSeq, lastRecordSeq: dev.lastRecordSeq };
      if (b.payload.bundleSeq > dev.lastBundleSeq + 1)
        return { kind: 'out-of-order', expected: dev.lastBundleSeq + 1, lastRecordSeq: dev.lastRecordSeq };

      let lastRecordSeq = dev.lastRecordSeq;
      const answers: RecordAnswer[] = [];
      for (const record of b.payload.records) {
        const earlier = await this.one('SELECT device_id, answer FROM records WHERE record_id = $1', [record.id], c);
        const seen = answerSeenRecord(record, earlier ?? undefined, deviceId, lastRecordSeq);
        if (seen) {
          answers.push(seen);
          continue;
        }
        let answer: RecordAnswer;
        const verdict = validate(record);
        if (!verdict.ok) answer = { id: record.id, seq: record.seq, status: 'rejected', error: wireError(verdict.code, verdict.params) };
        else if (record.kind === 'case.upsert') answer = await this.upsertCase(c, b, record);
        else if (record.kind === 'document.meta') answer = await this.recordCaseBlobs(c, b, record);
        else if (record.kind === ROSTER_IMPORTED)
          answer = await runAsync(applyRosterImported(b, record), async (st) => (await c.query(numbered(st.sql), st.params)).rows as Row[]);
        else answer = { id: record.id, seq: record.seq, status: 'acknowledged' };
        const statusEvent = answer.status === 'acknowledged' && record.caseId ? recordStatusEvent(record) : null;
        if (statusEvent) await runVerificationAsync(noteCaseStatus(record.caseId!, statusEvent, b.receivedAt), (st) => this.step(c, st));
        if (answer.status === 'acknowledged' && record.blobs?.length) {
          const held = await c.query('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[]) AND station_id = $2', [
            record.blobs,
            b.device.stationId,
          ]);
          const have = new Set(held.rows.map((r: Row) => String(r['sha256'])));
          const missing = record.blobs.filter((sha) => !have.has(sha));
          if (missing.length) answer.missingBlobs = missing;
        }
        await c.query(
          `INSERT INTO records (record_id, device_id, seq, kind, case_id, bundle_id, status, answer, body, blobs, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            record.id,
            deviceId,
            record.seq,
            record.kind,
            record.caseId ?? null,
            b.payload.bundleId,
            answer.status,
            JSON.stringify(answer),
            JSON.stringify(record.body),
            record.blobs ? JSON.stringify(record.blobs) : null,
            b.receivedAt,
          ],
        );
        lastRecordSeq = record.seq;
        answers.push(answer);
      }
      const result: BundleResult = {
        bundleId: b.payload.bundleId,
        bundleSeq: b.payload.bundleSeq,
        duplicate: false,
        answers,
        lastRecordSeq,
        receivedAt: b.receivedAt,
        serverTime: b.receivedAt,
        audit: await runAsync(anchorAuditHead(b), async (st) => (await c.query(numbered(st.sql), st.params)).rows as Row[]),
      };
      await c.query(
        'INSERT INTO bundles (device_id, bundle_id, bundle_seq, received_at, record_count, result) VALUES ($1, $2, $3, $4, $5, $6)',
        [deviceId, b.payload.bundleId, b.payload.bundleSeq, b.receivedAt, b.payload.records.length, JSON.stringify(result)],
      );
      await c.query('UPDATE devices SET last_bundle_seq = $1, last_record_seq = $2 WHERE device_id = $3', [
        b.payload.bundleSeq,
        lastRecordSeq,
        deviceId,
      ]);
      return { kind: 'applied', result };
    });
  }

  /** A case edit applies only on the version it was based on; otherwise both versions go back as a conflict. */
  private async upsertCase(c: Client, b: BundleToApply, record: BundleToApply['payload']['records'][number]): Promise<RecordAnswer> {
    const caseId = record.caseId!;
    // Devices of one station edit the same cases: lock the case row (if any) for the version check.
    const current = await this.one('SELECT * FROM cases WHERE case_id = $1 FOR UPDATE', [caseId], c);
    const refused = refuseCaseEdit(record, current ?? undefined, b.device.stationId);
    if (refused) return refused;
    const version = current ? Number(current['version']) : 0;
    const next = version + 1;
    // Two first versions of one new case racing: the loser's insert does nothing and it conflicts.
    const written = await c.query(
      `INSERT INTO cases (case_id, station_id, version, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       WHERE cases.version = $7`,
      [caseId, b.device.stationId, next, JSON.stringify(record.body), b.device.deviceId, b.receivedAt, version],
    );
    if (written.rowCount !== 1) {
      const now = (await this.one('SELECT version, body FROM cases WHERE case_id = $1', [caseId], c))!;
      const serverVersion = Number(now['version']);
      return {
        id: record.id,
        seq: record.seq,
        status: 'conflict',
        error: wireError('SYNC_RECORD_CONFLICT', { caseId, serverVersion, baseVersion: record.baseVersion ?? 0 }),
        server: { version: serverVersion, body: JSON.parse(String(now['body'])) as Record<string, unknown> },
      };
    }
    const item = {
      kind: 'case',
      caseId,
      version: next,
      body: record.body,
      ...(record.blobs ? { blobs: record.blobs } : {}),
      updatedBy: b.device.deviceId,
    };
    await this.insertFeed(c, { kind: 'case', stationId: b.device.stationId, regionCode: null, body: item, at: b.receivedAt });
    return { id: record.id, seq: record.seq, status: 'acknowledged', version: next };
  }

  /** A case's blob references: kept for the station-scoped download and fed to the station's workstations. */
  private async recordCaseBlobs(c: Client, b: BundleToApply, record: BundleToApply['payload']['records'][number]): Promise<RecordAnswer> {
    const current = await this.one('SELECT station_id FROM cases WHERE case_id = $1', [record.caseId!], c);
    const refused = refuseDocumentMeta(record, current ?? undefined, b.device.stationId);
    if (refused) return refused;
    for (const sha of record.blobs ?? [])
      await c.query('INSERT INTO case_blobs (case_id, sha256, station_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        record.caseId!,
        sha,
        b.device.stationId,
      ]);
    await this.insertFeed(c, {
      kind: 'attachments',
      stationId: b.device.stationId,
      regionCode: null,
      body: attachmentsFeedItem(record, b.device.deviceId),
      at: b.receivedAt,
    });
    return { id: record.id, seq: record.seq, status: 'acknowledged' };
  }

  private async insertFeed(
    c: Client,
    item: { kind: string; stationId: string | null; regionCode: string | null; body: Record<string, unknown>; at: number },
  ) {
    await c.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const r = await this.one(
      'INSERT INTO feed (kind, station_id, region_code, body, at) VALUES ($1, $2, $3, $4, $5) RETURNING seq',
      [item.kind, item.stationId, item.regionCode, JSON.stringify(item.body), item.at],
      c,
    );
    return Number(r!['seq']);
  }

  async createSession(token: string, deviceId: string, expiresAt: number) {
    await this.pool.query('INSERT INTO sessions (token, device_id, expires_at) VALUES ($1, $2, $3)', [token, deviceId, expiresAt]);
  }

  async getSession(token: string, now: number) {
    const r = await this.one('SELECT device_id FROM sessions WHERE token = $1 AND expires_at > $2', [token, now]);
    return r ? { deviceId: String(r['device_id']) } : undefined;
  }

  async createUpload(u: UploadRow) {
    await this.pool.query(
      'INSERT INTO uploads (upload_id, device_id, sha256, length, content_type, created_at, expires_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [u.uploadId, u.deviceId, u.sha256, u.length, u.contentType, u.createdAt, u.expiresAt, u.status],
    );
  }

  async getUpload(uploadId: string) {
    const r = await this.one('SELECT * FROM uploads WHERE upload_id = $1', [uploadId]);
    return r ? upload(r) : undefined;
  }

  async uploadUsage(deviceId: string, now: number, since: number) {
    const open = await this.one(
      "SELECT count(*) AS n, coalesce(sum(length), 0) AS bytes, min(expires_at) AS earliest FROM uploads WHERE device_id = $1 AND status = 'open' AND expires_at > $2",
      [deviceId, now],
    );
    const stored = await this.one(
      'SELECT coalesce(sum(size), 0) AS bytes, min(stored_at) AS oldest FROM blobs WHERE device_id = $1 AND stored_at > $2',
      [deviceId, since],
    );
    return usage(open!, stored!);
  }

  async findOpenUpload(deviceId: string, sha256: string, now: number) {
    const r = await this.one(
      "SELECT * FROM uploads WHERE device_id = $1 AND sha256 = $2 AND status = 'open' AND expires_at > $3 ORDER BY created_at DESC LIMIT 1",
      [deviceId, sha256, now],
    );
    return r ? upload(r) : undefined;
  }

  async finishUpload(uploadId: string, b: BlobRow | undefined) {
    await this.tx(async (c) => {
      await c.query("UPDATE uploads SET status = 'done' WHERE upload_id = $1", [uploadId]);
      if (b)
        await c.query(
          'INSERT INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256, station_id) DO NOTHING',
          [b.sha256, b.size, b.stationId, b.deviceId, b.contentType, b.storedAt],
        );
    });
  }

  async deleteUpload(uploadId: string) {
    await this.pool.query('DELETE FROM uploads WHERE upload_id = $1', [uploadId]);
  }

  async getBlob(sha256: string, stationId: string) {
    const r = await this.one('SELECT * FROM blobs WHERE sha256 = $1 AND station_id = $2', [sha256, stationId]);
    return r ? blob(r) : undefined;
  }

  async getCaseBlob(caseId: string, sha256: string, stationId: string) {
    const r = await this.one(
      `SELECT b.* FROM case_blobs cb JOIN blobs b ON b.sha256 = cb.sha256 AND b.station_id = cb.station_id
       WHERE cb.case_id = $1 AND cb.sha256 = $2 AND cb.station_id = $3`,
      [caseId, sha256, stationId],
    );
    return r ? blob(r) : undefined;
  }

  async heldBlobs(sha256s: readonly string[]) {
    const { rows } = await this.pool.query('SELECT DISTINCT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [[...sha256s]]);
    return (rows as Array<{ sha256: string }>).map((r) => r.sha256);
  }

  async knowsStation(stationId: string) {
    return !!(await this.one(
      'SELECT 1 FROM devices WHERE station_id = $1 UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = $1 LIMIT 1',
      [stationId],
    ));
  }

  async sweepExpired(now: number, keep: readonly string[]) {
    return this.tx(async (c) => {
      const sessions = (await c.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
      const { rows } = await c.query(
        'DELETE FROM uploads WHERE expires_at <= $1 AND NOT (upload_id = ANY($2::text[])) RETURNING upload_id, status',
        [now, [...keep]],
      );
      const openUploads = (rows as Row[]).filter((r) => r['status'] === 'open').map((r) => String(r['upload_id']));
      return { sessions, openUploads, doneUploads: rows.length - openUploads.length };
    });
  }

  async appendFeed(item: { kind: string; stationId: string | null; regionCode: string | null; body: Record<string, unknown>; at: number }) {
    return this.tx((c) => this.insertFeed(c, item));
  }

  async readFeed(q: { stationId: string; regionCode: string; afterSeq: number; limit: number }): Promise<FeedRow[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM feed WHERE seq > $1 AND (station_id IS NULL OR station_id = $2)
         AND (region_code IS NULL OR substr($3, 1, length(region_code)) = region_code)
       ORDER BY seq LIMIT $4`,
      [q.afterSeq, q.stationId, q.regionCode, q.limit],
    );
    return (rows as Row[]).map((r) => ({
      seq: Number(r['seq']),
      kind: String(r['kind']),
      stationId: (r['station_id'] as string | null) ?? null,
      regionCode: (r['region_code'] as string | null) ?? null,
      body: JSON.parse(String(r['body'])) as Record<string, unknown>,
      at: Number(r['at']),
    }));
  }

  async addRemoteCertification(r: Omit<RemoteCertificationRow, 'feedSeq'>) {
    return this.tx(async (c) => {
      const known = await this.one(
        'SELECT 1 FROM devices WHERE station_id = $1 UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = $1 LIMIT 1',
        [r.stationId],
        c,
      );
      if (!known) return undefined;
      const feedSeq = await this.insertFeed(c, {
        kind: CERTIFICATION_REMOTE,
        stationId: r.stationId,
        regionCode: null,
        body: remoteCertificationFeedBody(r),
        at: r.recordedAt,
      });
      await c.query(
        'INSERT INTO remote_certifications (id, station_id, id_number, certified_at, method, recorded_at, feed_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [r.id, r.stationId, r.idNumber, r.certifiedAt, r.method, r.recordedAt, feedSeq],
      );
      return feedSeq;
    });
  }

  async listRemoteCertifications(stationId: string) {
    const { rows } = await this.pool.query('SELECT * FROM remote_certifications WHERE station_id = $1 ORDER BY feed_seq', [stationId]);
    return (rows as Row[]).map(remoteCertification);
  }

  async addOnlineApplication(
    r: Omit<OnlineApplicationRow, 'feedSeq'>,
    blobs: ReadonlyArray<{ sha256: string; size: number; contentType: string }>,
  ) {
    return this.tx(async (c) => {
      const known = await this.one(
        'SELECT 1 FROM devices WHERE station_id = $1 UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = $1 LIMIT 1',
        [r.stationId],
        c,
      );
      if (!known) return undefined;
      const feedSeq = await this.insertFeed(c, {
        kind: APPLICATION_ONLINE,
        stationId: r.stationId,
        regionCode: null,
        body: onlineApplicationFeedBody(r),
        at: r.recordedAt,
      });
      await c.query(
        'INSERT INTO online_applications (id, station_id, submitted_at, type, applicant_id_number, body, recorded_at, feed_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [r.id, r.stationId, r.submittedAt, r.type, r.applicantIdNumber, JSON.stringify(r.body), r.recordedAt, feedSeq],
      );
      for (const b of blobs) {
        await c.query(
          "INSERT INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES ($1, $2, $3, 'platform', $4, $5) ON CONFLICT DO NOTHING",
          [b.sha256, b.size, r.stationId, b.contentType, r.recordedAt],
        );
        await c.query('INSERT INTO case_blobs (case_id, sha256, station_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          r.id,
          b.sha256,
          r.stationId,
        ]);
      }
      return feedSeq;
    });
  }

  async listOnlineApplications(stationId: string) {
    const { rows } = await this.pool.query('SELECT * FROM online_applications WHERE station_id = $1 ORDER BY feed_seq', [stationId]);
    return (rows as Row[]).map(onlineApplication);
  }

  async addVerificationReport(caseRef: string, report: Parameters<PlatformStore['addVerificationReport']>[1]) {
    return this.tx((c) => runVerificationAsync(addVerificationReport(caseRef, report), (st) => this.step(c, st)));
  }

  async noteCaseStatus(caseId: string, event: CaseStatusEvent, at: number, before?: FeedItem) {
    return this.tx(async (c) => {
      const first = before ? [await this.insertFeed(c, { ...before, regionCode: null, at })] : [];
      return [...first, ...(await runVerificationAsync(noteCaseStatus(caseId, event, at), (st) => this.step(c, st)))];
    });
  }

  /** One step of the shared SQL generators on the transaction's client: a statement, or a feed item appended (answered with its `seq`). */
  private async step(c: Client, st: VerificationStep): Promise<Row[]> {
    if ('feed' in st) return [{ seq: await this.insertFeed(c, { ...st.feed, regionCode: null }) }];
    return (await c.query(numbered(st.sql), st.params)).rows as Row[];
  }

  async listVerificationReports(caseId: string) {
    return ((await this.pool.query(numbered(LIST_VERIFICATION_REPORTS_SQL), [caseId])).rows as Row[]).map(verificationReportRow);
  }

  async getCase(caseId: string): Promise<CaseRow | undefined> {
    const r = await this.one('SELECT * FROM cases WHERE case_id = $1', [caseId]);
    return r
      ? {
          caseId: String(r['case_id']),
          stationId: String(r['station_id']),
          version: Number(r['version']),
          body: JSON.parse(String(r['body'])) as Record<string, unknown>,
          updatedBy: String(r['updated_by']),
          updatedAt: Number(r['updated_at']),
        }
      : undefined;
  }

  async putRecipient(input: { idNumber: string; stationId: string; body: RecipientBody }, now: number) {
    return this.tx(async (c): Promise<number | undefined> => {
      if (!(await runAsync(putRecipient(input, now), async (st) => (await c.query(numbered(st.sql), st.params)).rows as Row[])))
        return undefined;
      return this.insertFeed(c, {
        kind: ROSTER_RECIPIENT,
        stationId: input.stationId,
        regionCode: null,
        body: recipientFeedItem(input.idNumber, input.body),
        at: now,
      });
    });
  }

  async getRecipient(idNumber: string) {
    const r = await this.one(numbered(RECIPIENT_SQL), [idNumber]);
    return r ? recipientRow(r) : undefined;
  }

  async listRecords(): Promise<RecordRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM records ORDER BY device_id COLLATE "C", seq');
    return (rows as Row[]).map((r) => ({
      recordId: String(r['record_id']),
      deviceId: String(r['device_id']),
      seq: Number(r['seq']),
      kind: String(r['kind']),
      caseId: (r['case_id'] as string | null) ?? null,
      bundleId: String(r['bundle_id']),
      status: String(r['status']),
      blobs: r['blobs'] ? (JSON.parse(String(r['blobs'])) as string[]) : [],
      receivedAt: Number(r['received_at']),
      body: JSON.parse(String(r['body'])) as Record<string, unknown>,
    }));
  }

  async listAuditFlags() {
    return ((await this.pool.query(AUDIT_FLAGS_SQL)).rows as Row[]).map(flagRow);
  }

  async listAuditAnchors(deviceId: string) {
    return ((await this.pool.query(numbered(AUDIT_ANCHORS_SQL), [deviceId])).rows as Row[]).map(anchorRow);
  }

  async listBlobs(): Promise<BlobRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM blobs ORDER BY stored_at, sha256 COLLATE "C", station_id COLLATE "C"');
    return (rows as Row[]).map(blob);
  }

  async close() {
    await this.pool.end();
  }
}
