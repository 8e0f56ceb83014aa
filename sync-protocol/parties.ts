import type { Compression } from '../common/sync/envelope';
import type { PartyKeys } from './suite';

/** The platform as a registered workstation knows it: its keys pinned at registration. */
export interface PinnedPlatform {
  platformId: string;
  signingKey: string;
  encryptionKey: string;
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
  keys: PartyKeys;
  maxPayloadBytes: number;
}

/** A device as the platform's registry holds it. */
export interface KnownDevice {
  deviceId: string;
  signingKey: string;
  encryptionKey: string;
}

export const DEFAULT_ANSWER_LIMIT = 32 * 1024 * 1024;
