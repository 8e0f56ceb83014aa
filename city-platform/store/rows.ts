import type { BlobRow, DeviceRow, OnlineApplicationRow, RemoteCertificationRow, UploadRow, UploadUsage } from './types';

/** Row → object mappers shared by both stores (PostgreSQL returns BIGINT as a string: Number() it). */
export type Row = Record<string, unknown>;

export const device = (r: Row): DeviceRow => ({
  deviceId: String(r['device_id']),
  stationId: String(r['station_id']),
  regionCode: String(r['region_code']),
  machineIdHash: String(r['machine_id_hash']),
  signingKey: String(r['signing_key']),
  encryptionKey: String(r['encryption_key']),
  name: String(r['name']),
  appVersion: String(r['app_version']),
  status: r['status'] === 'revoked' ? 'revoked' : r['replaces'] ? 'pending' : 'active',
  replaces: r['status'] !== 'revoked' && r['replaces'] ? String(r['replaces']) : null,
  registeredAt: Number(r['registered_at']),
  lastBundleSeq: Number(r['last_bundle_seq']),
  lastRecordSeq: Number(r['last_record_seq']),
  counterNo: r['counter_no'] === null || r['counter_no'] === undefined ? null : Number(r['counter_no']),
});

export const upload = (r: Row): UploadRow => ({
  uploadId: String(r['upload_id']),
  deviceId: String(r['device_id']),
  sha256: String(r['sha256']),
  length: Number(r['length']),
  contentType: (r['content_type'] as string | null) ?? null,
  createdAt: Number(r['created_at']),
  expiresAt: Number(r['expires_at']),
  status: r['status'] === 'done' ? 'done' : 'open',
});

export const blob = (r: Row): BlobRow => ({
  sha256: String(r['sha256']),
  size: Number(r['size']),
  stationId: String(r['station_id']),
  deviceId: String(r['device_id']),
  contentType: (r['content_type'] as string | null) ?? null,
  storedAt: Number(r['stored_at']),
});

const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The two aggregate rows of `uploadUsage` (open uploads; blobs stored since) as one object. */
export const usage = (open: Row, stored: Row): UploadUsage => ({
  openCount: Number(open['n']),
  openBytes: Number(open['bytes']),
  openEarliestExpiry: numberOrNull(open['earliest']),
  storedBytes: Number(stored['bytes']),
  storedOldest: numberOrNull(stored['oldest']),
});

export const remoteCertification = (r: Row): RemoteCertificationRow => ({
  id: String(r['id']),
  stationId: String(r['station_id']),
  idNumber: String(r['id_number']),
  certifiedAt: String(r['certified_at']),
  method: String(r['method']) as RemoteCertificationRow['method'],
  recordedAt: Number(r['recorded_at']),
  feedSeq: Number(r['feed_seq']),
});

export const onlineApplication = (r: Row): OnlineApplicationRow => ({
  id: String(r['id']),
  stationId: String(r['station_id']),
  submittedAt: String(r['submitted_at']),
  type: String(r['type']),
  applicantIdNumber: String(r['applicant_id_number']),
  body: JSON.parse(String(r['body'])) as OnlineApplicationRow['body'],
  recordedAt: Number(r['recorded_at']),
  feedSeq: Number(r['feed_seq']),
});
