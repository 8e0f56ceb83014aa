import Database from 'better-sqlite3-multiple-ciphers';
import type { RecordAnswer, BundleResult } from '../../common/sync/push';
import { wireError } from '../errors';
import { blob, device, onlineApplication, remoteCertification, upload, usage, type Row } from './rows';
import { chooseCounterNo } from './counter';
import { answerSeenRecord, attachmentsFeedItem, refuseCaseEdit, refuseDocumentMeta } from './verdicts';
import { MIGRATIONS } from './schema';
import {
  addVerificationReport,
  LIST_VERIFICATION_REPORTS_SQL,
  runVerificationSync,
  verificationReportRow,
  type VerificationStep,
} from './verificationSql';
import { noteCaseStatus, recordStatusEvent, type FeedItem } from './caseStatusSql';
import type { CaseStatusEvent } from '../apply/caseStatus';
import { remoteCertificationFeedBody } from '../feed/certificationRemote';
import { onlineApplicationFeedBody } from '../feed/applicationOnline';
import { APPLICATION_ONLINE, CERTIFICATION_REMOTE } from '../../sync-protocol/records/index';
import { anchorAuditHead, anchorRow, AUDIT_ANCHORS_SQL, AUDIT_FLAGS_SQL, flagRow, runSync, type Statement } from './auditAnchorsSql';
import { applyRosterImported, putRecipient, RECIPIENT_SQL } from './recipientsSql';
import { recipientFeedItem, recipientRow, type RecipientBody } from '../apply/rosterImported';
import { ROSTER_IMPORTED } from '../../sync-protocol/records/rosterImported';
import { ROSTER_RECIPIENT } from '../../sync-protocol/records/rosterRecipientItem';
import type {
  BlobRow,
  BundleApplyOutcome,
  BundleToApply,
  CaseRow,
  FeedRow,
  NewDevice,
  OnlineApplicationRow,
  PlatformStore,
  RecordRow,
  RecordValidator,
  RegisterOutcome,
  RemoteCertificationRow,
  UploadRow,
} from './types';

/** The embedded store (default): one SQLite file in the data directory, WAL, synchronous=FULL. */
export class SqlitePlatformStore implements PlatformStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    const version = Number(this.db.pragma('user_version', { simple: true }));
    if (version > MIGRATIONS.length)
      throw new Error(`platform database is version ${version}, newer than this program (${MIGRATIONS.length}); upgrade the platform`);
    MIGRATIONS.slice(version).forEach((sql, i) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${version + i + 1}`);
      })();
    });
  }

  async getMeta(key: string) {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined;
    return r ? String(r['value']) : undefined;
  }

  async setMeta(key: string, value: string) {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async createEnrolmentCode(input: { code: string; stationId: string; regionCode: string; now: number; expiresAt: number }) {
    this.db
      .prepare('INSERT INTO enrolment_codes (code, station_id, region_code, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.code, input.stationId, input.regionCode, input.now, input.expiresAt);
  }

  async registerDevice(code: string, d: NewDevice, now: number): Promise<RegisterOutcome> {
    return this.db.transaction((): RegisterOutcome => {
      const c = this.db.prepare('SELECT * FROM enrolment_codes WHERE code = ?').get(code) as Row | undefined;
      if (!c) return { ok: false };
      const stationId = String(c['station_id']);
      const regionCode = String(c['region_code']);
      if (c['used_by'] !== null) {
        const same = this.db
          .prepare(
            "SELECT device_id, counter_no FROM devices WHERE device_id = ? AND signing_key = ? AND machine_id_hash = ? AND status = 'active'",
          )
          .get(c['used_by'], d.signingKey, d.machineIdHash) as Row | undefined;
        return same
          ? { ok: true, deviceId: String(same['device_id']), stationId, regionCode, counterNo: Number(same['counter_no']) }
          : { ok: false };
      }
      if (Number(c['expires_at']) < now) return { ok: false };
      const held = (
        this.db
          .prepare(
            'SELECT counter_no, machine_id_hash, name FROM devices WHERE station_id = ? AND counter_no IS NOT NULL ORDER BY registered_at',
          )
          .all(stationId) as Row[]
      ).map((r) => ({ counterNo: Number(r['counter_no']), machineIdHash: String(r['machine_id_hash']), name: String(r['name']) }));
      const counter = chooseCounterNo(d.counterNo, d.machineIdHash, held);
      if (!counter.ok) return { ok: false, counterTaken: { counterNo: counter.counterNo, deviceName: counter.takenBy } };
      // Only the code's own station is looked at; the new device waits for an admin to confirm.
      const earlier = this.db
        .prepare(
          "SELECT device_id FROM devices WHERE station_id = ? AND machine_id_hash = ? AND status = 'active' AND replaces IS NULL ORDER BY registered_at DESC",
        )
        .get(stationId, d.machineIdHash) as Row | undefined;
      const replaces = earlier ? String(earlier['device_id']) : null;
      this.db
        .prepare(
          `INSERT INTO devices (device_id, station_id, region_code, machine_id_hash, signing_key, encryption_key, name, app_version, status, registered_at, counter_no, replaces)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        )
        .run(
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
        );
      this.db.prepare('UPDATE enrolment_codes SET used_by = ?, used_at = ? WHERE code = ?').run(d.deviceId, now, code);
      return {
        ok: true,
        deviceId: d.deviceId,
        stationId,
        regionCode,
        counterNo: counter.counterNo,
        ...(replaces ? { pendingReplacementOf: replaces } : {}),
      };
    })();
  }

  async getDevice(deviceId: string) {
    const r = this.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as Row | undefined;
    return r ? device(r) : undefined;
  }

  async revokeDevice(deviceId: string, now: number) {
    return this.db.prepare("UPDATE devices SET status = 'revoked', revoked_at = ? WHERE device_id = ?").run(now, deviceId).changes === 1;
  }

  async listPendingDevices() {
    return (
      this.db
        .prepare("SELECT * FROM devices WHERE status = 'active' AND replaces IS NOT NULL ORDER BY registered_at, device_id")
        .all() as Row[]
    ).map(device);
  }

  async confirmReplacement(deviceId: string, now: number) {
    return this.db.transaction((): { replacedDeviceId: string } | undefined => {
      const r = this.db
        .prepare("SELECT replaces FROM devices WHERE device_id = ? AND status = 'active' AND replaces IS NOT NULL")
        .get(deviceId) as Row | undefined;
      if (!r) return undefined;
      const replaced = String(r['replaces']);
      this.db
        .prepare(
          "UPDATE devices SET status = 'revoked', revoked_at = ? WHERE status = 'active' AND (device_id = ? OR (replaces = ? AND device_id <> ?))",
        )
        .run(now, replaced, replaced, deviceId);
      this.db.prepare('UPDATE devices SET replaces = NULL WHERE device_id = ?').run(deviceId);
      return { replacedDeviceId: replaced };
    })();
  }

  async applyBundle(b: BundleToApply, validate: RecordValidator): Promise<BundleApplyOutcome> {
    return this.db.transaction((): BundleApplyOutcome => {
      const { deviceId } = b.device;
      const seen = this.db.prepare('SELECT result FROM bundles WHERE device_id = ? AND bundle_id = ?').get(deviceId, b.payload.bundleId) as
        Row | undefined;
      if (seen) return { kind: 'duplicate', result: { ...(JSON.parse(String(seen['result'])) as BundleResult), duplicate: true } };
      const dev = device(this.db.prepare('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as Row);
      if (b.payload.bundleSeq <= dev.lastBundleSeq)
        return { kind: 'replayed', lastBundleSeq: dev.lastBundleSeq, lastRecordSeq: dev.lastRecordSeq };
      if (b.payload.bundleSeq > dev.lastBundleSeq + 1)
        return { kind: 'out-of-order', expected: dev.lastBundleSeq + 1, lastRecordSeq: dev.lastRecordSeq };

      let lastRecordSeq = dev.lastRecordSeq;
      const answers: RecordAnswer[] = [];
      const findRecord = this.db.prepare('SELECT device_id, answer FROM records WHERE record_id = ?');
      const insertRecord = this.db.prepare(
        `INSERT INTO records (record_id, device_id, seq, kind, case_id, bundle_id, status, answer, body, blobs, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const hasBlob = this.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ? AND station_id = ?');
      for (const record of b.payload.records) {
        const earlier = findRecord.get(record.id) as Row | undefined;
        const seen = answerSeenRecord(record, earlier ?? undefined, deviceId, lastRecordSeq);
        if (seen) {
          answers.push(seen);
          continue;
        }
        let answer: RecordAnswer;
        const verdict = validate(record);
        if (!verdict.ok) {
          answer = { id: record.id, seq: record.seq, status: 'rejected', error: wireError(verdict.code, verdict.params) };
        } else if (record.kind === 'case.upsert') {
          answer = this.upsertCase(b, record);
        } else if (record.kind === 'document.meta') {
          answer = this.recordCaseBlobs(b, record);
        } else if (record.kind === ROSTER_IMPORTED) {
          answer = runSync(applyRosterImported(b, record), (st) => this.exec(st));
        } else {
          answer = { id: record.id, seq: record.seq, status: 'acknowledged' };
        }
        const statusEvent = answer.status === 'acknowledged' && record.caseId ? recordStatusEvent(record) : null;
        if (statusEvent) runVerificationSync(noteCaseStatus(record.caseId!, statusEvent, b.receivedAt), (st) => this.step(st));
        if (answer.status === 'acknowledged' && record.blobs?.length) {
          const missing = record.blobs.filter((sha) => !hasBlob.get(sha, b.device.stationId));
          if (missing.length) answer.missingBlobs = missing;
        }
        insertRecord.run(
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
        audit: runSync(anchorAuditHead(b), (st) => {
          const stmt = this.db.prepare(st.sql);
          return stmt.reader ? (stmt.all(...st.params) as Row[]) : (stmt.run(...st.params), []);
        }),
      };
      this.db
        .prepare('INSERT INTO bundles (device_id, bundle_id, bundle_seq, received_at, record_count, result) VALUES (?, ?, ?, ?, ?, ?)')
        .run(deviceId, b.payload.bundleId, b.payload.bundleSeq, b.receivedAt, b.payload.records.length, JSON.stringify(result));
      this.db
        .prepare('UPDATE devices SET last_bundle_seq = ?, last_record_seq = ? WHERE device_id = ?')
        .run(b.payload.bundleSeq, lastRecordSeq, deviceId);
      return { kind: 'applied', result };
    })();
  }

  /** A case edit applies only on the version it was based on; otherwise both versions go back as a conflict. */
  private upsertCase(b: BundleToApply, record: BundleToApply['payload']['records'][number]): RecordAnswer {
    const caseId = record.caseId!;
    const current = this.db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as Row | undefined;
    const refused = refuseCaseEdit(record, current ?? undefined, b.device.stationId);
    if (refused) return refused;
    const version = current ? Number(current['version']) : 0;
    const next = version + 1;
    this.db
      .prepare(
        `INSERT INTO cases (case_id, station_id, version, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(caseId, b.device.stationId, next, JSON.stringify(record.body), b.device.deviceId, b.receivedAt);
    const item = {
      kind: 'case',
      caseId,
      version: next,
      body: record.body,
      ...(record.blobs ? { blobs: record.blobs } : {}),
      updatedBy: b.device.deviceId,
    };
    this.db
      .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
      .run('case', b.device.stationId, JSON.stringify(item), b.receivedAt);
    return { id: record.id, seq: record.seq, status: 'acknowledged', version: next };
  }

  /** A case's blob references: kept for the station-scoped download and fed to the station's workstations. */
  private recordCaseBlobs(b: BundleToApply, record: BundleToApply['payload']['records'][number]): RecordAnswer {
    const current = this.db.prepare('SELECT station_id FROM cases WHERE case_id = ?').get(record.caseId!) as Row | undefined;
    const refused = refuseDocumentMeta(record, current ?? undefined, b.device.stationId);
    if (refused) return refused;
    const ins = this.db.prepare('INSERT OR IGNORE INTO case_blobs (case_id, sha256, station_id) VALUES (?, ?, ?)');
    for (const sha of record.blobs ?? []) ins.run(record.caseId!, sha, b.device.stationId);
    this.db
      .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
      .run('attachments', b.device.stationId, JSON.stringify(attachmentsFeedItem(record, b.device.deviceId)), b.receivedAt);
    return { id: record.id, seq: record.seq, status: 'acknowledged' };
  }

  async createSession(token: string, deviceId: string, expiresAt: number) {
    this.db.prepare('INSERT INTO sessions (token, device_id, expires_at) VALUES (?, ?, ?)').run(token, deviceId, expiresAt);
  }

  async getSession(token: string, now: number) {
    const r = this.db.prepare('SELECT device_id FROM sessions WHERE token = ? AND expires_at > ?').get(token, now) as Row | undefined;
    return r ? { deviceId: String(r['device_id']) } : undefined;
  }

  async createUpload(u: UploadRow) {
    this.db
      .prepare(
        'INSERT INTO uploads (upload_id, device_id, sha256, length, content_type, created_at, expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(u.uploadId, u.deviceId, u.sha256, u.length, u.contentType, u.createdAt, u.expiresAt, u.status);
  }

  async getUpload(uploadId: string) {
    const r = this.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as Row | undefined;
    return r ? upload(r) : undefined;
  }

  async uploadUsage(deviceId: string, now: number, since: number) {
    const open = this.db
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(length), 0) AS bytes, min(expires_at) AS earliest FROM uploads WHERE device_id = ? AND status = 'open' AND expires_at > ?",
      )
      .get(deviceId, now) as Row;
    const stored = this.db
      .prepare('SELECT coalesce(sum(size), 0) AS bytes, min(stored_at) AS oldest FROM blobs WHERE device_id = ? AND stored_at > ?')
      .get(deviceId, since) as Row;
    return usage(open, stored);
  }

  async findOpenUpload(deviceId: string, sha256: string, now: number) {
    const r = this.db
      .prepare("SELECT * FROM uploads WHERE device_id = ? AND sha256 = ? AND status = 'open' AND expires_at > ? ORDER BY created_at DESC")
      .get(deviceId, sha256, now) as Row | undefined;
    return r ? upload(r) : undefined;
  }

  async finishUpload(uploadId: string, b: BlobRow | undefined) {
    this.db.transaction(() => {
      this.db.prepare("UPDATE uploads SET status = 'done' WHERE upload_id = ?").run(uploadId);
      if (b)
        this.db
          .prepare('INSERT OR IGNORE INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(b.sha256, b.size, b.stationId, b.deviceId, b.contentType, b.storedAt);
    })();
  }

  async deleteUpload(uploadId: string) {
    this.db.prepare('DELETE FROM uploads WHERE upload_id = ?').run(uploadId);
  }

  async getBlob(sha256: string, stationId: string) {
    const r = this.db.prepare('SELECT * FROM blobs WHERE sha256 = ? AND station_id = ?').get(sha256, stationId) as Row | undefined;
    return r ? blob(r) : undefined;
  }

  async getCaseBlob(caseId: string, sha256: string, stationId: string) {
    const r = this.db
      .prepare(
        `SELECT b.* FROM case_blobs cb JOIN blobs b ON b.sha256 = cb.sha256 AND b.station_id = cb.station_id
         WHERE cb.case_id = ? AND cb.sha256 = ? AND cb.station_id = ?`,
      )
      .get(caseId, sha256, stationId) as Row | undefined;
    return r ? blob(r) : undefined;
  }

  async heldBlobs(sha256s: readonly string[]) {
    return this.db
      .prepare('SELECT DISTINCT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(sha256s)) as string[];
  }

  async knowsStation(stationId: string) {
    return !!this.db
      .prepare('SELECT 1 FROM devices WHERE station_id = ? UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = ? LIMIT 1')
      .get(stationId, stationId);
  }

  async sweepExpired(now: number, keep: readonly string[]) {
    return this.db.transaction(() => {
      const sessions = this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
      const busy = new Set(keep);
      const expired = (this.db.prepare('SELECT upload_id, status FROM uploads WHERE expires_at <= ?').all(now) as Row[]).filter(
        (r) => !busy.has(String(r['upload_id'])),
      );
      const remove = this.db.prepare('DELETE FROM uploads WHERE upload_id = ?');
      for (const r of expired) remove.run(r['upload_id']);
      const openUploads = expired.filter((r) => r['status'] === 'open').map((r) => String(r['upload_id']));
      return { sessions, openUploads, doneUploads: expired.length - openUploads.length };
    })();
  }

  async appendFeed(item: { kind: string; stationId: string | null; regionCode: string | null; body: Record<string, unknown>; at: number }) {
    const info = this.db
      .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, ?, ?, ?)')
      .run(item.kind, item.stationId, item.regionCode, JSON.stringify(item.body), item.at);
    return Number(info.lastInsertRowid);
  }

  async readFeed(q: { stationId: string; regionCode: string; afterSeq: number; limit: number }): Promise<FeedRow[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM feed WHERE seq > ? AND (station_id IS NULL OR station_id = ?)
           AND (region_code IS NULL OR substr(?, 1, length(region_code)) = region_code)
         ORDER BY seq LIMIT ?`,
      )
      .all(q.afterSeq, q.stationId, q.regionCode, q.limit) as Row[];
    return rows.map((r) => ({
      seq: Number(r['seq']),
      kind: String(r['kind']),
      stationId: (r['station_id'] as string | null) ?? null,
      regionCode: (r['region_code'] as string | null) ?? null,
      body: JSON.parse(String(r['body'])) as Record<string, unknown>,
      at: Number(r['at']),
    }));
  }

  async addRemoteCertification(r: Omit<RemoteCertificationRow, 'feedSeq'>) {
    return this.db.transaction((): number | undefined => {
      const known = this.db
        .prepare('SELECT 1 FROM devices WHERE station_id = ? UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = ? LIMIT 1')
        .get(r.stationId, r.stationId);
      if (!known) return undefined;
      const feedSeq = Number(
        this.db
          .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
          .run(CERTIFICATION_REMOTE, r.stationId, JSON.stringify(remoteCertificationFeedBody(r)), r.recordedAt).lastInsertRowid,
      );
      this.db
        .prepare(
          'INSERT INTO remote_certifications (id, station_id, id_number, certified_at, method, recorded_at, feed_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(r.id, r.stationId, r.idNumber, r.certifiedAt, r.method, r.recordedAt, feedSeq);
      return feedSeq;
    })();
  }

  async listRemoteCertifications(stationId: string) {
    return (this.db.prepare('SELECT * FROM remote_certifications WHERE station_id = ? ORDER BY feed_seq').all(stationId) as Row[]).map(
      remoteCertification,
    );
  }

  async addOnlineApplication(
    r: Omit<OnlineApplicationRow, 'feedSeq'>,
    blobs: ReadonlyArray<{ sha256: string; size: number; contentType: string }>,
  ) {
    return this.db.transaction((): number | undefined => {
      const known = this.db
        .prepare('SELECT 1 FROM devices WHERE station_id = ? UNION ALL SELECT 1 FROM enrolment_codes WHERE station_id = ? LIMIT 1')
        .get(r.stationId, r.stationId);
      if (!known) return undefined;
      const feedSeq = Number(
        this.db
          .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
          .run(APPLICATION_ONLINE, r.stationId, JSON.stringify(onlineApplicationFeedBody(r)), r.recordedAt).lastInsertRowid,
      );
      this.db
        .prepare(
          'INSERT INTO online_applications (id, station_id, submitted_at, type, applicant_id_number, body, recorded_at, feed_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(r.id, r.stationId, r.submittedAt, r.type, r.applicantIdNumber, JSON.stringify(r.body), r.recordedAt, feedSeq);
      const held = this.db.prepare(
        "INSERT OR IGNORE INTO blobs (sha256, size, station_id, device_id, content_type, stored_at) VALUES (?, ?, ?, 'platform', ?, ?)",
      );
      const named = this.db.prepare('INSERT OR IGNORE INTO case_blobs (case_id, sha256, station_id) VALUES (?, ?, ?)');
      for (const b of blobs) {
        held.run(b.sha256, b.size, r.stationId, b.contentType, r.recordedAt);
        named.run(r.id, b.sha256, r.stationId);
      }
      return feedSeq;
    })();
  }

  async listOnlineApplications(stationId: string) {
    return (this.db.prepare('SELECT * FROM online_applications WHERE station_id = ? ORDER BY feed_seq').all(stationId) as Row[]).map(
      onlineApplication,
    );
  }

  async addVerificationReport(caseRef: string, report: Parameters<PlatformStore['addVerificationReport']>[1]) {
    return this.db.transaction(() => runVerificationSync(addVerificationReport(caseRef, report), (st) => this.step(st)))();
  }

  async noteCaseStatus(caseId: string, event: CaseStatusEvent, at: number, before?: FeedItem) {
    return this.db.transaction(() => {
      const first = before ? this.step({ feed: { ...before, at } }) : [];
      return [...first.map((r) => Number(r['seq'])), ...runVerificationSync(noteCaseStatus(caseId, event, at), (st) => this.step(st))];
    })();
  }

  /** One step of the shared SQL generators: a statement, or a feed item appended (answered with its `seq`). */
  private step(st: VerificationStep): Row[] {
    if ('feed' in st) {
      const seq = this.db
        .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
        .run(st.feed.kind, st.feed.stationId, JSON.stringify(st.feed.body), st.feed.at).lastInsertRowid;
      return [{ seq: Number(seq) }];
    }
    return this.exec(st);
  }

  async listVerificationReports(caseId: string) {
    return (this.db.prepare(LIST_VERIFICATION_REPORTS_SQL).all(caseId) as Row[]).map(verificationReportRow);
  }

  async getCase(caseId: string): Promise<CaseRow | undefined> {
    const r = this.db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as Row | undefined;
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

  private exec(st: Statement): Row[] {
    const stmt = this.db.prepare(st.sql);
    return stmt.reader ? (stmt.all(...st.params) as Row[]) : (stmt.run(...st.params), []);
  }

  async putRecipient(input: { idNumber: string; stationId: string; body: RecipientBody }, now: number) {
    return this.db.transaction((): number | undefined => {
      if (!runSync(putRecipient(input, now), (st) => this.exec(st))) return undefined;
      const item = recipientFeedItem(input.idNumber, input.body);
      return Number(
        this.db
          .prepare('INSERT INTO feed (kind, station_id, region_code, body, at) VALUES (?, ?, NULL, ?, ?)')
          .run(ROSTER_RECIPIENT, input.stationId, JSON.stringify(item), now).lastInsertRowid,
      );
    })();
  }

  async getRecipient(idNumber: string) {
    const r = this.db.prepare(RECIPIENT_SQL).get(idNumber) as Row | undefined;
    return r ? recipientRow(r) : undefined;
  }

  async listRecords(): Promise<RecordRow[]> {
    return (this.db.prepare('SELECT * FROM records ORDER BY device_id, seq').all() as Row[]).map((r) => ({
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
    return (this.db.prepare(AUDIT_FLAGS_SQL).all() as Row[]).map(flagRow);
  }

  async listAuditAnchors(deviceId: string) {
    return (this.db.prepare(AUDIT_ANCHORS_SQL).all(deviceId) as Row[]).map(anchorRow);
  }

  async listBlobs(): Promise<BlobRow[]> {
    return (this.db.prepare('SELECT * FROM blobs ORDER BY stored_at, sha256, station_id').all() as Row[]).map(blob);
  }

  async close() {
    this.db.close();
  }
}
