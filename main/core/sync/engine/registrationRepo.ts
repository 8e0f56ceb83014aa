import type { Db } from '../../kernel/store/types';

/** The device's keys, its registration with the platform and the one in-flight bundle (sync_keys, sync_registration, sync_inflight). */

type Row = Record<string, unknown>;

export interface KeysRow {
  signingPublic: string;
  signingPrivate: string;
  encryptionPublic: string;
  encryptionPrivate: string;
}

export function deviceKeysRow(db: Db): Row | undefined {
  return db.prepare('SELECT * FROM sync_keys WHERE id = 1').get() as Row | undefined;
}

export function upsertDeviceKeys(db: Db, keys: KeysRow, createdAt: string): void {
  db.prepare(
    `INSERT INTO sync_keys (id, signing_public, signing_private, encryption_public, encryption_private, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET signing_public = excluded.signing_public, signing_private = excluded.signing_private,
       encryption_public = excluded.encryption_public, encryption_private = excluded.encryption_private, created_at = excluded.created_at`,
  ).run(keys.signingPublic, keys.signingPrivate, keys.encryptionPublic, keys.encryptionPrivate, createdAt);
}

export function registrationRow(db: Db): Row | undefined {
  return db.prepare('SELECT * FROM sync_registration WHERE id = 1').get() as Row | undefined;
}

export function isRegistered(db: Db): boolean {
  return db.prepare('SELECT 1 FROM sync_registration WHERE id = 1').get() !== undefined;
}

export function tlsPinsJson(db: Db): string | undefined {
  const r = db.prepare('SELECT tls_spki_pins FROM sync_registration WHERE id = 1').get() as Row | undefined;
  return r ? String(r['tls_spki_pins']) : undefined;
}

export interface RegistrationInsert {
  deviceId: string;
  stationId: string;
  regionCode: string;
  platformUrl: string;
  platformId: string;
  platformSigningKey: string;
  platformEncryptionKey: string;
  platformFingerprint: string;
  suite: string;
  tlsSpkiPinsJson: string;
  limitsJson: string;
  registeredAt: string;
}

/** Replace the one registration row. */
export function replaceRegistration(db: Db, reg: RegistrationInsert): void {
  db.prepare('DELETE FROM sync_registration').run();
  db.prepare(
    `INSERT INTO sync_registration (id, device_id, station_id, region_code, platform_url, platform_id, platform_signing_key,
       platform_encryption_key, platform_fingerprint, suite, tls_spki_pins, limits, registered_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    reg.deviceId,
    reg.stationId,
    reg.regionCode,
    reg.platformUrl,
    reg.platformId,
    reg.platformSigningKey,
    reg.platformEncryptionKey,
    reg.platformFingerprint,
    reg.suite,
    reg.tlsSpkiPinsJson,
    reg.limitsJson,
    reg.registeredAt,
  );
}

export function updateRegistrationStatus(db: Db, status: string): void {
  db.prepare('UPDATE sync_registration SET status = ?').run(status);
}

export function updateLastBundleSeq(db: Db, seq: number): void {
  db.prepare('UPDATE sync_registration SET last_bundle_seq = ?').run(seq);
}

export function inflightRow(db: Db): Row | undefined {
  return db.prepare('SELECT * FROM sync_inflight WHERE id = 1').get() as Row | undefined;
}

export function replaceInflight(
  db: Db,
  b: { bundleId: string; bundleSeq: number; bytes: Buffer; recordIdsJson: string },
  createdAt: string,
): void {
  db.prepare(
    'INSERT OR REPLACE INTO sync_inflight (id, bundle_id, bundle_seq, bytes, record_ids, created_at) VALUES (1, ?, ?, ?, ?, ?)',
  ).run(b.bundleId, b.bundleSeq, b.bytes, b.recordIdsJson, createdAt);
}

export function deleteInflight(db: Db): void {
  db.prepare('DELETE FROM sync_inflight').run();
}
