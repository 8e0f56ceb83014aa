import type { IncomingMessage, ServerResponse } from 'node:http';
import { JiuzhuError } from '../common/contract/errors';
import { SEALED_MAGIC } from '../common/sync/envelope';
import type { Limits } from '../common/sync/registration';
import { peekHeader } from '../sync-protocol/envelope';
import type { KnownDevice, PlatformContext } from '../sync-protocol/parties';
import type { UploadLocks } from './blob/locks';
import type { RateLimiter, RateRule } from './guard/rateLimit';
import { readBody, refuseUnread, type BodyPace } from './http/body';
import { header } from './http/respond';
import type { PlatformIdentity } from './keys';
import type { DeviceRow, PlatformStore } from './store/types';

export interface Timing {
  /** Lifetime of a blob session token, seconds. */
  sessionTtlSeconds: number;
  /** Lifetime of an unfinished tus upload, seconds. */
  uploadTtlSeconds: number;
}

/**
 * What the platform does against clients that waste its resources: timeouts, body pace, rate
 * limits on guessing (enrolment codes, sessions), an upload quota per device and the sweeper.
 * Every value can be set per platform (`guards` option); tests make them small.
 */
export interface Guards {
  /** The request line and headers must be in within this, ms (else 408 and the connection closed). */
  headersTimeoutMs: number;
  /** A connection with no byte either way for this long is closed, ms (also in the middle of a request). */
  idleTimeoutMs: number;
  /** Every body: at least this many bytes/s in each window of `bodyWindowMs` while it is read. */
  minBodyBytesPerSecond: number;
  bodyWindowMs: number;
  /** Small bodies (registration, session, pull, admin JSON) must be complete within this, ms. */
  smallBodyTimeoutMs: number;
  /** Failed registrations per source address, and per enrolment code. */
  enrolPerSource: RateRule;
  enrolPerCode: RateRule;
  /** Failed session requests per source address; sessions issued per device. */
  sessionFailuresPerSource: RateRule;
  sessionsPerDevice: RateRule;
  /** Unfinished uploads a device may have at once. */
  maxOpenUploadsPerDevice: number;
  /** Bytes a device may put on the platform per 24 h: its unfinished uploads' lengths plus the blobs it stored. */
  uploadBytesPerDevicePerDay: number;
  /** How often expired uploads (with their partial files) and sessions are deleted, ms; 0 = never (tests call `sweep`). */
  sweepIntervalMs: number;
  /**
   * Header that carries the client's address when a trusted reverse proxy (the TLS front) sits in
   * front, e.g. `x-forwarded-for` (its last address is taken: the one the proxy added). Unset: the
   * socket's address.
   */
  clientAddressHeader?: string;
}

export const DEFAULT_GUARDS: Guards = {
  headersTimeoutMs: 20_000,
  // Above the workstation's own 60 s idle timeout, so the platform never closes first on a slow link.
  idleTimeoutMs: 90_000,
  // Far below the slowest cap a workstation can set (1 kbit/s = 125 B/s).
  minBodyBytesPerSecond: 32,
  bodyWindowMs: 15_000,
  smallBodyTimeoutMs: 60_000,
  enrolPerSource: { max: 10, windowSeconds: 15 * 60 },
  enrolPerCode: { max: 5, windowSeconds: 15 * 60 },
  sessionFailuresPerSource: { max: 30, windowSeconds: 15 * 60 },
  sessionsPerDevice: { max: 120, windowSeconds: 3600 },
  maxOpenUploadsPerDevice: 64,
  uploadBytesPerDevicePerDay: 2 * 1024 ** 3,
  sweepIntervalMs: 10 * 60_000,
};

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
  guards: Guards;
  /** Counters of the rate limits in `guards`, on the platform's clock. */
  limiter: RateLimiter;
  /** One request at a time per tus upload; the sweeper leaves uploads in use alone. */
  uploadLocks: UploadLocks;
}

export const DEFAULT_LIMITS: Limits = {
  maxBundleBytes: 2 * 1024 * 1024,
  maxRecordsPerBundle: 500,
  maxPayloadBytes: 16 * 1024 * 1024,
  maxBlobBytes: 64 * 1024 * 1024,
  maxPullLimit: 500,
};

/** Unknown, revoked and pending (replacement not yet confirmed) devices are refused. */
function requireActive(row: DeviceRow | undefined, deviceId: string): DeviceRow {
  if (!row) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId });
  if (row.status === 'revoked') throw new JiuzhuError('SYNC_DEVICE_REVOKED', { deviceId });
  if (row.status === 'pending') throw new JiuzhuError('SYNC_DEVICE_PENDING', { deviceId });
  return row;
}

const knownDevice = (row: DeviceRow): KnownDevice => ({
  deviceId: row.deviceId,
  signingKey: row.signingKey,
  encryptionKey: row.encryptionKey,
});

/** The active device behind a sealed message; unknown, revoked and pending devices are refused before any crypto. */
export async function senderOf(deps: PlatformDeps, body: Buffer): Promise<{ row: DeviceRow; known: KnownDevice }> {
  const from = peekHeader(body).from;
  const row = requireActive(await deps.store.getDevice(from), from);
  return { row, known: knownDevice(row) };
}

/** The sealed format's limit on its clear-text header (docs/sync-protocol.md §3.3); a longer one is malformed. */
const SEALED_HEADER_MAX = 2048;

/** Bytes of a sealed message up to the end of its clear-text header (plus the 16 its parser wants to see beyond). */
function sealedHeadReady(head: Buffer): boolean {
  if (head.length < 8) return false;
  if (head.subarray(0, 4).toString('latin1') !== SEALED_MAGIC) return true;
  const headerLength = head.readUInt32BE(4);
  return headerLength > SEALED_HEADER_MAX || head.length >= 8 + headerLength + 16;
}

/** The pace of a body: small ones also have a deadline. */
export const bodyPace = (deps: PlatformDeps, small: boolean): BodyPace => ({
  minBytesPerSecond: deps.guards.minBodyBytesPerSecond,
  windowMs: deps.guards.bodyWindowMs,
  ...(small ? { deadlineMs: deps.guards.smallBodyTimeoutMs } : {}),
});

/**
 * Read a sealed request whose sender is checked before its body is (`POST /v1/session`, the one
 * sealed request that comes without a session): once the clear-text header is in (the first
 * ~1 KB), a message that is not sealed, or comes from a device that is unknown, revoked or
 * pending, is refused on the spot and the rest is never read. Its signature is checked after,
 * when the message is opened. Bundles and pulls need a session besides (`readSessionSealed`).
 */
export async function readSealed(
  deps: PlatformDeps,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<{ body: Buffer; row: DeviceRow; known: KnownDevice }> {
  let sender: Awaited<ReturnType<typeof senderOf>> | undefined;
  const body = await readBody(req, res, limit, {
    pace: bodyPace(deps, limit <= 64 * 1024),
    early: {
      ready: sealedHeadReady,
      check: async (head) => {
        sender = await senderOf(deps, head);
      },
    },
  });
  return { body, ...sender! };
}

/** The client's address: the socket's, or the one a trusted front proxy put in `guards.clientAddressHeader`. */
export function clientAddress(deps: PlatformDeps, req: IncomingMessage): string {
  const name = deps.guards.clientAddressHeader;
  const forwarded = name ? header(req, name)?.split(',').at(-1)?.trim() : undefined;
  return forwarded || req.socket.remoteAddress || 'unknown';
}

/** A lookup for the codec that only ever answers for the device already checked. */
export const onlyDevice =
  (known: KnownDevice) =>
  (deviceId: string): KnownDevice => {
    if (deviceId !== known.deviceId) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId });
    return known;
  };

/** The bearer token of a request (`Authorization: Bearer <token>`), if it has one. */
function bearerToken(req: IncomingMessage): string | undefined {
  const auth = header(req, 'authorization');
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  return token || undefined;
}

/**
 * The device behind a bearer session token (blob endpoints, bundles, pull). A missing, unknown
 * or expired token is `401 SYNC_SESSION_EXPIRED` (`details.reason`); a revoked or pending device
 * is refused as on every other route.
 */
export async function sessionDevice(deps: PlatformDeps, req: IncomingMessage): Promise<DeviceRow> {
  const token = bearerToken(req);
  if (!token) throw new JiuzhuError('SYNC_SESSION_EXPIRED', {}, { reason: 'missing' });
  const session = await deps.store.getSession(token, deps.now());
  if (!session) throw new JiuzhuError('SYNC_SESSION_EXPIRED', {}, { reason: 'unknown-or-expired' });
  return requireActive(await deps.store.getDevice(session.deviceId), session.deviceId);
}

/**
 * Read a sealed request that must come with a live session (`POST /v1/bundles`, `/v1/pull`):
 * the bearer token is checked from the request's headers before a single byte of the body is
 * read, and the sealed message's sender (its clear-text header, the first ~1 KB) must be the
 * session's device — another device's id, which a station's other counters can see, is not
 * enough. Either refusal is `401 SYNC_SESSION_EXPIRED`, answered at once with the connection
 * closed (`closeUnread`); the rest of the body is never read. Only then is the body read up to
 * `limit`; its signature is checked when it is opened.
 */
export async function readSessionSealed(
  deps: PlatformDeps,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<{ body: Buffer; row: DeviceRow; known: KnownDevice }> {
  let row: DeviceRow | undefined;
  await refuseUnread(req, res, async () => {
    row = await sessionDevice(deps, req);
  });
  const device = row!;
  const body = await readBody(req, res, limit, {
    pace: bodyPace(deps, limit <= 64 * 1024),
    early: {
      ready: sealedHeadReady,
      check: async (head) => {
        if (peekHeader(head).from !== device.deviceId) throw new JiuzhuError('SYNC_SESSION_EXPIRED', {}, { reason: 'other-device' });
      },
    },
  });
  return { body, row: device, known: knownDevice(device) };
}
