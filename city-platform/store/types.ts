import type { RecipientBody, RecipientRow } from '../apply/rosterImported';
import type { ErrorCode } from '../../common/contract/errors';
import type { SealedHeader } from '../../common/sync/envelope';
import type { BundlePayload, BundleResult } from '../../common/sync/push';
import type { VerificationReportBody } from '../../sync-protocol/records/verificationReport';
import type { addVerificationReport } from './verificationSql';
import type { FeedItem } from './caseStatusSql';
import type { CaseStatusEvent } from '../apply/caseStatus';
import type { ApplicationOnlineBody } from '../../sync-protocol/records/index';

export interface DeviceRow {
  deviceId: string;
  stationId: string;
  regionCode: string;
  machineIdHash: string;
  signingKey: string;
  encryptionKey: string;
  name: string;
  appVersion: string;
  /** `pending`: registered, but waiting for a platform admin to confirm it replaces `replaces`; it cannot sync yet. */
  status: 'active' | 'revoked' | 'pending';
  /** The device of the same station and machine this one is to replace once an admin confirms (pending only). */
  replaces: string | null;
  registeredAt: number;
  lastBundleSeq: number;
  lastRecordSeq: number;
  /** 窗口号: unique within the station, kept by the same machine on re-enrolment (store/counter.ts). */
  counterNo: number | null;
}

export interface NewDevice {
  deviceId: string;
  machineIdHash: string;
  signingKey: string;
  encryptionKey: string;
  name: string;
  appVersion: string;
  /** The counter number the workstation already issues case numbers with, if any. */
  counterNo?: number;
}

export type RegisterOutcome =
  | { ok: true; deviceId: string; stationId: string; regionCode: string; counterNo: number; pendingReplacementOf?: string }
  | { ok: false; counterTaken?: { counterNo: number; deviceName: string } };

/** How much a device has put on the platform recently: what its upload quota counts. */
export interface UploadUsage {
  /** Its unfinished, unexpired uploads: how many, their declared lengths, the earliest expiry. */
  openCount: number;
  openBytes: number;
  openEarliestExpiry: number | null;
  /** Bytes of blobs it stored since `since`, and when the oldest of them was stored. */
  storedBytes: number;
  storedOldest: number | null;
}

export interface UploadRow {
  uploadId: string;
  deviceId: string;
  sha256: string;
  length: number;
  contentType: string | null;
  createdAt: number;
  expiresAt: number;
  status: 'open' | 'done';
}

export interface BlobRow {
  sha256: string;
  size: number;
  stationId: string;
  deviceId: string;
  contentType: string | null;
  storedAt: number;
}

export interface FeedRow {
  seq: number;
  kind: string;
  stationId: string | null;
  regionCode: string | null;
  body: Record<string, unknown>;
  at: number;
}

export interface RecordRow {
  recordId: string;
  deviceId: string;
  seq: number;
  kind: string;
  caseId: string | null;
  bundleId: string;
  status: string;
  blobs: string[];
  receivedAt: number;
  /** The record's body as received (admin.records shows it only for the kinds it names, apply/decisionRecords.ts). */
  body?: Record<string, unknown>;
}

/** A 资格认证 made elsewhere (table remote_certifications; feed/certificationRemote.ts). */
export interface RemoteCertificationRow {
  id: string;
  stationId: string;
  idNumber: string;
  /** ISO time with its offset, as the channel reported it. */
  certifiedAt: string;
  method: 'face' | 'video' | 'other';
  recordedAt: number;
  feedSeq: number;
}

/** An application made online (table online_applications; feed/applicationOnline.ts). */
export interface OnlineApplicationRow {
  id: string;
  stationId: string;
  /** ISO time with its offset, as the applicant submitted it. */
  submittedAt: string;
  type: string;
  applicantIdNumber: string;
  body: ApplicationOnlineBody;
  recordedAt: number;
  feedSeq: number;
}

/** A household economic verification report posted for a case (table verification_reports; feed/verificationReport.ts). */
export interface VerificationReportRow {
  /** The platform's id of the report (the pull item's `id`). */
  id: string;
  stationId: string;
  caseId: string;
  reportNo: string;
  issuedOn: string;
  body: VerificationReportBody;
  recordedAt: number;
  feedSeq: number;
  /** The later report of the case that replaced this one; null while it is the current one. */
  supersededBy: string | null;
}

/** What posting a 核对 report came to: kept and fed, or refused (the field at fault and why; nothing written). */
export type VerificationReportOutcome =
  | { ok: true; id: string; caseId: string; feedSeq: number }
  | { ok: false; path: string; reason: 'noCase' | 'noAuthorization' | 'notInHousehold' | 'memberNotAuthorized' };

export interface CaseRow {
  caseId: string;
  stationId: string;
  version: number;
  body: Record<string, unknown>;
  updatedBy: string;
  updatedAt: number;
}

/** A bundle that passed crypto checks, ready to apply. */
export interface BundleToApply {
  device: DeviceRow;
  header: SealedHeader;
  payload: BundlePayload;
  receivedAt: number;
}

export type BundleApplyOutcome =
  | { kind: 'applied'; result: BundleResult }
  | { kind: 'duplicate'; result: BundleResult }
  | { kind: 'replayed'; lastBundleSeq: number; lastRecordSeq: number }
  | { kind: 'out-of-order'; expected: number; lastRecordSeq: number };

/**
 * Everything the reference platform keeps, behind one interface so a PostgreSQL implementation
 * can stand beside the embedded SQLite one. Methods are async for that reason; each method that
 * changes more than one row is one transaction.
 */
export interface PlatformStore {
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  createEnrolmentCode(input: { code: string; stationId: string; regionCode: string; now: number; expiresAt: number }): Promise<void>;
  /**
   * Consume the code and insert the device in one transaction. It never revokes anything: when an
   * active device of the code's station claims the same machine, the new device is `pending` (it
   * replaces that one only when an admin confirms, `confirmReplacement`); devices of other stations
   * are never looked at. The same claim again (same code, same signing key) gets the same device
   * back, so a registration whose answer was lost can be retried.
   */
  registerDevice(code: string, device: NewDevice, now: number): Promise<RegisterOutcome>;
  getDevice(deviceId: string): Promise<DeviceRow | undefined>;
  revokeDevice(deviceId: string, now: number): Promise<boolean>;
  /** Devices waiting for an admin to confirm their replacement, oldest first. */
  listPendingDevices(): Promise<DeviceRow[]>;
  /**
   * An admin confirms a pending device, in one transaction: the device it replaces (and any other
   * device pending to replace that one) is revoked, and it becomes active. Undefined when not pending.
   */
  confirmReplacement(deviceId: string, now: number): Promise<{ replacedDeviceId: string } | undefined>;

  /** Apply a bundle exactly once: seen → stored answer; else every record answered, all in one transaction. */
  applyBundle(bundle: BundleToApply, validate: RecordValidator): Promise<BundleApplyOutcome>;

  createSession(token: string, deviceId: string, expiresAt: number): Promise<void>;
  getSession(token: string, now: number): Promise<{ deviceId: string } | undefined>;

  createUpload(row: UploadRow): Promise<void>;
  uploadUsage(deviceId: string, now: number, since: number): Promise<UploadUsage>;
  getUpload(uploadId: string): Promise<UploadRow | undefined>;
  findOpenUpload(deviceId: string, sha256: string, now: number): Promise<UploadRow | undefined>;
  finishUpload(uploadId: string, blob: BlobRow | undefined): Promise<void>;
  deleteUpload(uploadId: string): Promise<void>;
  /** The blob as held by this station (one of its devices sent the bytes), else undefined. */
  getBlob(sha256: string, stationId: string): Promise<BlobRow | undefined>;
  /** A blob this station holds and one of its cases references (document.meta), else undefined: the download's station scope. */
  getCaseBlob(caseId: string, sha256: string, stationId: string): Promise<BlobRow | undefined>;
  /** Of these hashes, those some station holds (a `blobs` row of any station): a blob file no row names belongs to no one. */
  heldBlobs(sha256s: readonly string[]): Promise<string[]>;
  /** Whether a device or an enrolment code names the station (what may be filed for it). */
  knowsStation(stationId: string): Promise<boolean>;

  appendFeed(item: {
    kind: string;
    stationId: string | null;
    regionCode: string | null;
    body: Record<string, unknown>;
    at: number;
  }): Promise<number>;
  readFeed(query: { stationId: string; regionCode: string; afterSeq: number; limit: number }): Promise<FeedRow[]>;

  /**
   * Delete expired sessions and expired uploads (open or done) except those in `keep` (in use);
   * answers how many sessions went and the ids of the open uploads whose partial files are to go.
   */
  sweepExpired(now: number, keep: readonly string[]): Promise<{ sessions: number; openUploads: string[]; doneUploads: number }>;

  /**
   * Keep a 资格认证 made elsewhere and put its `certification.remote` item into the station's feed,
   * in one transaction; answers the feed position, or undefined (nothing written) when no device or
   * enrolment code names the station.
   */
  addRemoteCertification(row: Omit<RemoteCertificationRow, 'feedSeq'>): Promise<number | undefined>;
  /** The station's remote certifications, oldest first. */
  listRemoteCertifications(stationId: string): Promise<RemoteCertificationRow[]>;

  /**
   * Keep an online application, its blobs as held by the station and referenced under the
   * application id, and its `application.online` feed item, in one transaction; returns the feed
   * seq, or undefined when no device or enrolment code names the station.
   */
  addOnlineApplication(
    row: Omit<OnlineApplicationRow, 'feedSeq'>,
    blobs: ReadonlyArray<{ sha256: string; size: number; contentType: string }>,
  ): Promise<number | undefined>;
  /** The station's online applications, oldest first. */
  listOnlineApplications(stationId: string): Promise<OnlineApplicationRow[]>;

  /**
   * Keep a 核对 report for a case (found by its id or its case number) whose authorizations the
   * platform holds, supersede the case's earlier reports and feed it to the case's station, in one
   * transaction; a refusal writes nothing.
   */
  addVerificationReport(caseRef: string, report: Parameters<typeof addVerificationReport>[1]): Promise<VerificationReportOutcome>;
  /** The case's 核对 reports, oldest first. */
  listVerificationReports(caseId: string): Promise<VerificationReportRow[]>;

  /**
   * Append `before` (if given) and the `case.status` items of the changes the event makes to the
   * case's platform status (store/caseStatusSql.ts), in one transaction; answers the feed positions,
   * `before`'s first. A case the platform does not hold gets no status.
   */
  noteCaseStatus(caseId: string, event: CaseStatusEvent, at: number, before?: FeedItem): Promise<number[]>;

  getCase(caseId: string): Promise<CaseRow | undefined>;
  /**
   * A current recipient of the platform's own (source `platform`), one household per head's ID
   * number, and its `roster.recipient` item in the station's feed, in one transaction: written, or
   * replaced while it is the station's and no `roster.imported` has matched it; answers the feed
   * position, or undefined (nothing written) when the household is another station's or matched.
   */
  putRecipient(input: { idNumber: string; stationId: string; body: RecipientBody }, now: number): Promise<number | undefined>;
  /** The recipient household whose head has this ID number, of whichever station. */
  getRecipient(idNumber: string): Promise<RecipientRow | undefined>;

  listRecords(): Promise<RecordRow[]>;
  listBlobs(): Promise<BlobRow[]>;
  /** Audit-anchor flags of every device, newest first (§5.4). */
  listAuditFlags(): Promise<AuditFlagRow[]>;
  /** The audit heads anchored for one device, in bundle order. */
  listAuditAnchors(deviceId: string): Promise<AuditAnchorRow[]>;
  close(): Promise<void>;
}

/** Decides a record's fate before it is applied; pure (see apply/validateRecord.ts). */
export type RecordValidator = (
  record: BundlePayload['records'][number],
) => { ok: true } | { ok: false; code: ErrorCode; params: Record<string, string | number>; detail?: string };

/** A head of a device's audit chain the platform anchored (§5.4): one per bundle that carried `audit`. */
export interface AuditAnchorRow {
  deviceId: string;
  bundleSeq: number;
  headSeq: number;
  headHash: string;
  baseSeq: number;
  baseHash: string;
  receivedAt: number;
}

/** A flag raised when a device's audit chain went backwards, forked or was pruned too early (§5.4). */
export interface AuditFlagRow {
  id: string;
  deviceId: string;
  stationId: string;
  kind: string;
  reason: string;
  at: number;
  bundleSeq: number;
  anchoredSeq: number;
  headSeq: number | null;
}
