import { suiteIdSchema, type SuiteId } from '../../../../common/sync/primitives';
import type { Limits } from '../../../../common/sync/registration';
import type { PartyKeys } from '../../../../sync-protocol/suite';
import type { DeviceContext } from '../../../../sync-protocol/parties';
import type { Clock, Db } from '../../kernel/store/types';
import { requeueSentRecords } from '../outbox/outboxRepo';
import { forgetAnchors } from './auditAnchor';
import { forgetBlobUploads } from './blobQueueRepo';
import {
  deleteInflight,
  deviceKeysRow,
  inflightRow,
  registrationRow,
  replaceInflight,
  replaceRegistration,
  tlsPinsJson,
  updateLastBundleSeq,
  updateRegistrationStatus,
  upsertDeviceKeys,
} from './registrationRepo';
import { DEFAULT_SYNC_SETTINGS, syncSettingsSchema, type SyncSettings } from './settings';
import { readSyncValue, writeSyncValue } from './syncStateRepo';

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

/**
 * The engine's registration state: the device keys, the registration with the platform, the one
 * in-flight bundle and the named values of sync_state (cursor, settings…). Every method is a single
 * statement or its own transaction; the engine composes them into larger transactions where an
 * answer must change several tables at once.
 */
export class RegistrationState {
  constructor(
    readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private now = () => this.clock.now().toISOString();

  get(key: string): string | undefined {
    return readSyncValue(this.db, key);
  }

  set(key: string, value: string | null): void {
    writeSyncValue(this.db, key, value);
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
    const r = deviceKeysRow(this.db);
    if (!r) return undefined;
    return {
      signing: { publicKey: String(r['signing_public']), privateKey: String(r['signing_private']) },
      encryption: { publicKey: String(r['encryption_public']), privateKey: String(r['encryption_private']) },
    };
  }

  saveKeys(keys: PartyKeys): void {
    upsertDeviceKeys(
      this.db,
      {
        signingPublic: keys.signing.publicKey,
        signingPrivate: keys.signing.privateKey,
        encryptionPublic: keys.encryption.publicKey,
        encryptionPrivate: keys.encryption.privateKey,
      },
      this.now(),
    );
  }

  registration(): RegistrationRow | undefined {
    const r = registrationRow(this.db);
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
    const json = tlsPinsJson(this.db);
    return json ? (JSON.parse(json) as string[]) : [];
  }

  saveRegistration(reg: Omit<RegistrationRow, 'lastBundleSeq' | 'status' | 'registeredAt'>, tlsSpkiPins: string[]): void {
    this.db.transaction(() => {
      replaceRegistration(this.db, {
        deviceId: reg.deviceId,
        stationId: reg.stationId,
        regionCode: reg.regionCode,
        platformUrl: reg.platformUrl,
        platformId: reg.platformId,
        platformSigningKey: reg.platformSigningKey,
        platformEncryptionKey: reg.platformEncryptionKey,
        platformFingerprint: reg.platformFingerprint,
        suite: reg.suite,
        tlsSpkiPinsJson: JSON.stringify(tlsSpkiPins),
        limitsJson: JSON.stringify(reg.limits),
        registeredAt: this.now(),
      });
      // A new device starts a new conversation: its bundle sequence, cursor, uploads and audit anchors are its own.
      deleteInflight(this.db);
      forgetBlobUploads(this.db);
      requeueSentRecords(this.db);
      this.set('cursor', null);
      forgetAnchors(this.db);
    })();
  }

  setRegistrationStatus(status: RegistrationRow['status']): void {
    updateRegistrationStatus(this.db, status);
  }

  setLastBundleSeq(seq: number): void {
    updateLastBundleSeq(this.db, seq);
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
    const r = inflightRow(this.db);
    if (!r) return undefined;
    return {
      bundleId: String(r['bundle_id']),
      bundleSeq: Number(r['bundle_seq']),
      bytes: r['bytes'] as Buffer,
      recordIds: JSON.parse(String(r['record_ids'])) as string[],
    };
  }

  saveInflight(b: InflightBundle): void {
    replaceInflight(
      this.db,
      { bundleId: b.bundleId, bundleSeq: b.bundleSeq, bytes: b.bytes, recordIdsJson: JSON.stringify(b.recordIds) },
      this.now(),
    );
  }

  clearInflight(): void {
    deleteInflight(this.db);
  }
}
