/**
 * Numbered migrations of the reference platform's PostgreSQL store. `schema_version` holds one row
 * per applied migration; they run under an advisory lock, one transaction each, so two platforms
 * starting on one database at once apply each migration once. Same tables as schema.ts (SQLite).
 */
export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE enrolment_codes (
    code TEXT PRIMARY KEY, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_by TEXT, used_at BIGINT);
  CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
    machine_id_hash TEXT NOT NULL, signing_key TEXT NOT NULL, encryption_key TEXT NOT NULL,
    name TEXT NOT NULL, app_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    registered_at BIGINT NOT NULL, revoked_at BIGINT,
    last_bundle_seq BIGINT NOT NULL DEFAULT 0, last_record_seq BIGINT NOT NULL DEFAULT 0);
  CREATE INDEX devices_machine ON devices (machine_id_hash);
  CREATE TABLE bundles (
    device_id TEXT NOT NULL, bundle_id TEXT NOT NULL, bundle_seq BIGINT NOT NULL,
    received_at BIGINT NOT NULL, record_count INTEGER NOT NULL, result TEXT NOT NULL,
    PRIMARY KEY (device_id, bundle_id));
  CREATE TABLE records (
    record_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL,
    case_id TEXT, bundle_id TEXT NOT NULL, status TEXT NOT NULL, answer TEXT NOT NULL,
    body TEXT NOT NULL, blobs TEXT, received_at BIGINT NOT NULL,
    UNIQUE (device_id, seq));
  CREATE TABLE cases (
    case_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, station_id TEXT NOT NULL, device_id TEXT NOT NULL,
    content_type TEXT, stored_at BIGINT NOT NULL);
  CREATE TABLE uploads (
    upload_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, sha256 TEXT NOT NULL, length BIGINT NOT NULL,
    content_type TEXT, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done')));
  CREATE INDEX uploads_device_sha ON uploads (device_id, sha256);
  CREATE TABLE sessions (token TEXT PRIMARY KEY, device_id TEXT NOT NULL, expires_at BIGINT NOT NULL);
  CREATE TABLE feed (
    seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, station_id TEXT, region_code TEXT,
    body TEXT NOT NULL, at BIGINT NOT NULL);
  `,
  // 2: as schema.ts migration 2 (counter numbers, case blob references).
  `
  ALTER TABLE devices ADD COLUMN counter_no INTEGER;
  UPDATE devices SET counter_no = x.n FROM (
    SELECT device_id, row_number() OVER (PARTITION BY station_id ORDER BY registered_at, device_id) AS n FROM devices) x
    WHERE x.device_id = devices.device_id;
  CREATE INDEX devices_station_counter ON devices (station_id, counter_no);
  CREATE TABLE case_blobs (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, station_id TEXT NOT NULL, PRIMARY KEY (case_id, sha256));
  `,
  // 3: as schema.ts migration 3 (audit anchors and flags).
  `
  CREATE TABLE IF NOT EXISTS audit_anchors (
    device_id TEXT NOT NULL, bundle_seq BIGINT NOT NULL, head_seq BIGINT NOT NULL, head_hash TEXT NOT NULL,
    base_seq BIGINT NOT NULL, base_hash TEXT NOT NULL, received_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, bundle_seq));
  CREATE INDEX IF NOT EXISTS audit_anchors_head ON audit_anchors (device_id, head_seq);
  CREATE TABLE IF NOT EXISTS audit_flags (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, station_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
    at BIGINT NOT NULL, bundle_seq BIGINT NOT NULL, anchored_seq BIGINT NOT NULL, head_seq BIGINT);
  CREATE INDEX IF NOT EXISTS audit_flags_device ON audit_flags (device_id, at);
  `,
  // 4: as schema.ts migration 4 (blobs held per station, pending replacements, quota and sweeper indexes).
  `
  ALTER TABLE blobs DROP CONSTRAINT blobs_pkey;
  ALTER TABLE blobs ADD PRIMARY KEY (sha256, station_id);
  CREATE INDEX blobs_device_stored ON blobs (device_id, stored_at);
  ALTER TABLE devices ADD COLUMN replaces TEXT;
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE INDEX uploads_expiry ON uploads (expires_at);
  `,
  // 5: as schema.ts migration 5 (remote 资格认证).
  `
  CREATE TABLE remote_certifications (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, id_number TEXT NOT NULL, certified_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('face', 'video', 'other')), recorded_at BIGINT NOT NULL, feed_seq BIGINT NOT NULL);
  CREATE INDEX remote_certifications_person ON remote_certifications (station_id, id_number);
  `,
  // 6: as schema.ts migration 6 (online applications).
  `
  CREATE TABLE online_applications (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, submitted_at TEXT NOT NULL, type TEXT NOT NULL,
    applicant_id_number TEXT NOT NULL, body TEXT NOT NULL, recorded_at BIGINT NOT NULL, feed_seq BIGINT NOT NULL);
  CREATE INDEX online_applications_station ON online_applications (station_id, feed_seq);
  `,
  // 7: as schema.ts migration 7 (核对报告).
  `
  CREATE TABLE verification_reports (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, case_id TEXT NOT NULL, report_no TEXT NOT NULL, issued_on TEXT NOT NULL,
    body TEXT NOT NULL, recorded_at BIGINT NOT NULL, feed_seq BIGINT NOT NULL, superseded_by TEXT);
  CREATE INDEX verification_reports_case ON verification_reports (case_id, feed_seq);
  `,
  // 8: as schema.ts migration 8 (current recipients).
  `
  CREATE TABLE recipients (
    id_number TEXT PRIMARY KEY, station_id TEXT NOT NULL, case_id TEXT, body TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('platform', 'station')), updated_at BIGINT NOT NULL);
  CREATE INDEX recipients_station ON recipients (station_id, id_number);
  CREATE UNIQUE INDEX recipients_case ON recipients (case_id) WHERE case_id IS NOT NULL;
  `,
  // 9: as schema.ts migration 9 (case statuses).
  `
  CREATE TABLE case_statuses (
    case_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, status TEXT NOT NULL, changes INTEGER NOT NULL,
    at BIGINT NOT NULL, feed_seq BIGINT NOT NULL);
  `,
];
