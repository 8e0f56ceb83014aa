import type { IncomingMessage } from 'node:http';
import { JiuzhuError } from '../common/contract/errors';
import type { Limits } from '../common/sync/registration';
import { peekHeader } from '../main/core/sync/protocol/envelope';
import type { KnownDevice, PlatformContext } from '../main/core/sync/protocol/parties';
import { header } from './http/respond';
import type { PlatformIdentity } from './keys';
import type { DeviceRow, PlatformStore } from './store/types';

export interface Timing {
  /** Lifetime of a blob session token, seconds. */
  sessionTtlSeconds: number;
  /** Lifetime of an unfinished tus upload, seconds. */
  uploadTtlSeconds: number;
}

/** What every route needs; built once by startPlatform. */
export interface PlatformDeps {
  identity: PlatformIdentity;
  codec: PlatformContext;
  store: PlatformStore;
  limits: Limits;
  timing: Timing;
  dataDir: string;
  /** The platform's clock (ms). Tests skew it; nothing ever reads the device's clock. */
  now: () => number;
  log: (line: string) => void;
  adminToken: string;
  /** SPKI pins of the platform's TLS keys, signed into every registration (HTTPS deployments). */
  tlsSpkiPins: string[];
}

export const DEFAULT_LIMITS: Limits = {
  maxBundleBytes: 2 * 1024 * 1024,
  maxRecordsPerBundle: 500,
  maxPayloadBytes: 16 * 1024 * 1024,
  maxBlobBytes: 64 * 1024 * 1024,
  maxPullLimit: 500,
};

/** The active device behind a sealed message; unknown and revoked devices are refused before any crypto. */
export async function senderOf(deps: PlatformDeps, body: Buffer): Promise<{ row: DeviceRow; known: KnownDevice }> {
  const from = peekHeader(body).from;
  const row = await deps.store.getDevice(from);
  if (!row) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId: from });
  if (row.status !== 'active') throw new JiuzhuError('SYNC_DEVICE_REVOKED', { deviceId: from });
  return { row, known: { deviceId: row.deviceId, signingKey: row.signingKey, encryptionKey: row.encryptionKey } };
}

/** A lookup for the codec that only ever answers for the device already checked. */
export const onlyDevice = (known: KnownDevice) => (deviceId: string): KnownDevice => {
  if (deviceId !== known.deviceId) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId });
  return known;
};

/** The device behind a bearer session token (blob endpoints). */
export async function sessionDevice(deps: PlatformDeps, req: IncomingMessage): Promise<DeviceRow> {
  const auth = header(req, 'authorization');
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const session = token ? await deps.store.getSession(token, deps.now()) : undefined;
  if (!session) throw new JiuzhuError('SYNC_SESSION_EXPIRED');
  const row = await deps.store.getDevice(session.deviceId);
  if (!row) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId: session.deviceId });
  if (row.status !== 'active') throw new JiuzhuError('SYNC_DEVICE_REVOKED', { deviceId: row.deviceId });
  return row;
}
