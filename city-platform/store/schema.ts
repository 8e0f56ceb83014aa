/**
 * Numbered migrations of the reference platform's SQLite store, run in one transaction each.
 * `user_version` records how far a database has come; a newer database than this code is refused.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE enrolment_codes (
    code TEXT PRIMARY KEY, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_by TEXT, used_at INTEGER);
  CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, region_code TEXT NOT NULL,
    machine_id_hash TEXT NOT NULL, signing_key TEXT NOT NULL, encryption_key TEXT NOT NULL,
    name TEXT NOT NULL, app_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    registered_at INTEGER NOT NULL, revoked_at INTEGER,
    last_bundle_seq INTEGER NOT NULL DEFAULT 0, last_record_seq INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX devices_machine ON devices (machine_id_hash);
  CREATE TABLE bundles (
    device_id TEXT NOT NULL, bundle_id TEXT NOT NULL, bundle_seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL, record_count INTEGER NOT NULL, result TEXT NOT NULL,
    PRIMARY KEY (device_id, bundle_id));
  CREATE TABLE records (
    record_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
    case_id TEXT, bundle_id TEXT NOT NULL, status TEXT NOT NULL, answer TEXT NOT NULL,
    body TEXT NOT NULL, blobs TEXT, received_at INTEGER NOT NULL,
    UNIQUE (device_id, seq));
  CREATE TABLE cases (
    case_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL);
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, station_id TEXT NOT NULL, device_id TEXT NOT NULL,
    content_type TEXT, stored_at INTEGER NOT NULL);
  CREATE TABLE uploads (
    upload_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, sha256 TEXT NOT NULL, length INTEGER NOT NULL,
    content_type TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done')));
  CREATE INDEX uploads_device_sha ON uploads (device_id, sha256);
  CREATE TABLE sessions (token TEXT PRIMARY KEY, device_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
  CREATE TABLE feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, station_id TEXT, region_code TEXT,
    body TEXT NOT NULL, at INTEGER NOT NULL);
  `,
  // 2: counter numbers (窗口号, unique per station; existing devices numbered by registration order)
  // and the blob references of each case, for the station-scoped download.
  `
  ALTER TABLE devices ADD COLUMN counter_no INTEGER;
  UPDATE devices SET counter_no = (
    SELECT n FROM (SELECT device_id, row_number() OVER (PARTITION BY station_id ORDER BY registered_at, device_id) AS n FROM devices) x
    WHERE x.device_id = devices.device_id);
  CREATE INDEX devices_station_counter ON devices (station_id, counter_no);
  CREATE TABLE case_blobs (
    case_id TEXT NOT NULL, sha256 TEXT NOT NULL, station_id TEXT NOT NULL, PRIMARY KEY (case_id, sha256));
  `,
  // 3: the audit anchor (docs/sync-protocol.md §5.4): every audit head a device's bundles carried,
  // and the flags raised when a chain went backwards, forked or was pruned too early.
  `
  CREATE TABLE IF NOT EXISTS audit_anchors (
    device_id TEXT NOT NULL, bundle_seq INTEGER NOT NULL, head_seq INTEGER NOT NULL, head_hash TEXT NOT NULL,
    base_seq INTEGER NOT NULL, base_hash TEXT NOT NULL, received_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, bundle_seq));
  CREATE INDEX IF NOT EXISTS audit_anchors_head ON audit_anchors (device_id, head_seq);
  CREATE TABLE IF NOT EXISTS audit_flags (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, station_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
    at INTEGER NOT NULL, bundle_seq INTEGER NOT NULL, anchored_seq INTEGER NOT NULL, head_seq INTEGER);
  CREATE INDEX IF NOT EXISTS audit_flags_device ON audit_flags (device_id, at);
  `,
  // 4: a blob is held per station (a station holds a hash only after one of its devices sent the
  // bytes); a device's registration may wait for an admin to confirm it replaces another
  // (`replaces`); indexes for the upload quota and the sweeper.
  `
  CREATE TABLE station_blobs (
    sha256 TEXT NOT NULL, size INTEGER NOT NULL, station_id TEXT NOT NULL, device_id TEXT NOT NULL,
    content_type TEXT, stored_at INTEGER NOT NULL, PRIMARY KEY (sha256, station_id));
  INSERT INTO station_blobs SELECT sha256, size, station_id, device_id, content_type, stored_at FROM blobs;
  DROP TABLE blobs;
  ALTER TABLE station_blobs RENAME TO blobs;
  CREATE INDEX blobs_device_stored ON blobs (device_id, stored_at);
  ALTER TABLE devices ADD COLUMN replaces TEXT;
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE INDEX uploads_expiry ON uploads (expires_at);
  `,
  // 5: 资格认证 made elsewhere (the mini-program's face check, …), each also a `certification.remote`
  // item in its station's feed (docs/sync-protocol.md §7).
  `
  CREATE TABLE remote_certifications (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, id_number TEXT NOT NULL, certified_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('face', 'video', 'other')), recorded_at INTEGER NOT NULL, feed_seq INTEGER NOT NULL);
  CREATE INDEX remote_certifications_person ON remote_certifications (station_id, id_number);
  `,
  // 6: applications made online (the 救助通 mini-program, 网格员 phones), each also an
  // `application.online` item in its station's feed (docs/sync-protocol.md §7.2); the papers are
  // blobs held for the station and referenced in case_blobs under the application id.
  `
  CREATE TABLE online_applications (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, submitted_at TEXT NOT NULL, type TEXT NOT NULL,
    applicant_id_number TEXT NOT NULL, body TEXT NOT NULL, recorded_at INTEGER NOT NULL, feed_seq INTEGER NOT NULL);
  CREATE INDEX online_applications_station ON online_applications (station_id, feed_seq);
  `,
  // 7: household economic verification reports (核对报告) posted for a case, each also a
  // `verification.report` item in its station's feed (docs/sync-protocol.md §7.3).
  `
  CREATE TABLE verification_reports (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, case_id TEXT NOT NULL, report_no TEXT NOT NULL, issued_on TEXT NOT NULL,
    body TEXT NOT NULL, recorded_at INTEGER NOT NULL, feed_seq INTEGER NOT NULL, superseded_by TEXT);
  CREATE INDEX verification_reports_case ON verification_reports (case_id, feed_seq);
  `,
  // 8: the platform's current recipients, one household per head's ID number, each of one station
  // and matched to the station's case once its `roster.imported` record names it (docs/sync-protocol.md §5.10).
  `
  CREATE TABLE recipients (
    id_number TEXT PRIMARY KEY, station_id TEXT NOT NULL, case_id TEXT, body TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('platform', 'station')), updated_at INTEGER NOT NULL);
  CREATE INDEX recipients_station ON recipients (station_id, id_number);
  CREATE UNIQUE INDEX recipients_case ON recipients (case_id) WHERE case_id IS NOT NULL;
  `,
  // 9: each case's platform status (received, verifying, …) and how many changes it had; every
  // change is also a `case.status` item in the case's station feed (docs/sync-protocol.md §7.5).
  `
  CREATE TABLE case_statuses (
    case_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, status TEXT NOT NULL, changes INTEGER NOT NULL,
    at INTEGER NOT NULL, feed_seq INTEGER NOT NULL);
  `,
];
