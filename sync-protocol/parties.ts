import { JiuzhuError } from '../common/contract/errors';
import type { Compression } from '../common/sync/envelope';
import type { SuiteId } from '../common/sync/primitives';
import type { CryptoSuite, PartyKeys } from './suite';
import { DEFAULT_SUITE, suiteById, suiteOfPublicKey } from './suites';

/** The platform as a registered workstation knows it: its keys pinned at registration. */
export interface PinnedPlatform {
  platformId: string;
  signingKey: string;
  encryptionKey: string;
  /** The suite pinned at registration; absent on registrations older than the 国密 suite (international). */
  suite?: SuiteId;
}

/** What the workstation's codec calls need. */
export interface DeviceContext {
  deviceId: string;
  keys: PartyKeys;
  platform: PinnedPlatform;
  compression?: Compression;
  /** Upper bound for decompressed answers from the platform. */
  maxPayloadBytes?: number;
}

/** What the platform's codec calls need. */
export interface PlatformContext {
  platformId: string;
  /** The keys of the platform's preferred suite (the first it offers). */
  keys: PartyKeys;
  /** The keys of every suite the platform offers; without it, `keys` of the international suite only. */
  suiteKeys?: Partial<Record<SuiteId, PartyKeys>>;
  maxPayloadBytes: number;
}

/** A device as the platform's registry holds it. */
export interface KnownDevice {
  deviceId: string;
  signingKey: string;
  encryptionKey: string;
}

export const pinnedSuite = (platform: PinnedPlatform): CryptoSuite => suiteById(platform.suite ?? DEFAULT_SUITE.id);

/** The suite a device enrolled with follows from its keys (each suite has its own key format). */
export const deviceSuite = (device: KnownDevice): CryptoSuite => suiteOfPublicKey(device.signingKey);

/** The platform's keys for a suite; a suite it does not offer (any more) is refused, never replaced. */
export function platformKeysFor(platform: PlatformContext, suite: SuiteId): PartyKeys {
  const keys = platform.suiteKeys ? platform.suiteKeys[suite] : suite === DEFAULT_SUITE.id ? platform.keys : undefined;
  if (!keys) throw new JiuzhuError('SYNC_SUITE_NOT_OFFERED', {}, { suite });
  return keys;
}

export const DEFAULT_ANSWER_LIMIT = 32 * 1024 * 1024;
