import type { ZodType } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import type { SealedHeader, SealedKind } from '../common/sync/envelope';
import { pullRequestSchema, type PullPage, type PullRequest } from '../common/sync/pull';
import { bundlePayloadSchema, type BundlePayload, type BundleResult } from '../common/sync/push';
import { sessionRequestSchema, type Session, type SessionRequest } from '../common/sync/session';
import { open, peekHeader, seal } from './envelope';
import { newMessageId, platformAddress } from './keys';
import { deviceSuite, platformKeysFor, type KnownDevice, type PlatformContext } from './parties';

/** Platform side of the codec: open what devices send, seal the answers to them. */

export type DeviceLookup = (deviceId: string) => KnownDevice;

function openFromDevice<T>(platform: PlatformContext, bytes: Buffer, kind: SealedKind, schema: ZodType<T>, lookup: DeviceLookup) {
  return open(bytes, {
    schema,
    kind,
    to: platformAddress(platform.platformId),
    recipient: (suite) => platformKeysFor(platform, suite).encryption,
    senderSigningKey: (from) => lookup(from).signingKey,
    senderSuite: (from) => deviceSuite(lookup(from)).id,
    maxPayloadBytes: platform.maxPayloadBytes,
  });
}

/**
 * Open a pushed bundle. `lookup` throws SYNC_DEVICE_UNKNOWN / SYNC_DEVICE_REVOKED itself. The
 * payload must repeat the header's device, id and sequence.
 */
export function openBundle(
  platform: PlatformContext,
  bytes: Buffer,
  lookup: DeviceLookup,
): { header: SealedHeader; payload: BundlePayload } {
  const opened = openFromDevice(platform, bytes, 'bundle', bundlePayloadSchema, lookup);
  const { header, payload } = opened;
  if (payload.deviceId !== header.from || payload.bundleId !== header.id || payload.bundleSeq !== header.seq)
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'payload does not match its header' });
  return opened;
}

export const openSessionRequest = (
  platform: PlatformContext,
  bytes: Buffer,
  lookup: DeviceLookup,
): { header: SealedHeader; payload: SessionRequest } => openFromDevice(platform, bytes, 'session-request', sessionRequestSchema, lookup);

export const openPullRequest = (
  platform: PlatformContext,
  bytes: Buffer,
  lookup: DeviceLookup,
): { header: SealedHeader; payload: PullRequest } => openFromDevice(platform, bytes, 'pull-request', pullRequestSchema, lookup);

function sealToDevice(platform: PlatformContext, device: KnownDevice, kind: SealedKind, payload: unknown): Buffer {
  const suite = deviceSuite(device);
  return seal({
    kind,
    from: platformAddress(platform.platformId),
    to: device.deviceId,
    id: newMessageId(),
    payload,
    signer: platformKeysFor(platform, suite.id).signing,
    recipientKey: device.encryptionKey,
    suite,
  });
}

export const sealBundleResult = (platform: PlatformContext, device: KnownDevice, result: BundleResult): Buffer =>
  sealToDevice(platform, device, 'bundle-result', result);

export const sealSession = (platform: PlatformContext, device: KnownDevice, session: Session): Buffer =>
  sealToDevice(platform, device, 'session', session);

export const sealPullPage = (platform: PlatformContext, device: KnownDevice, page: PullPage): Buffer =>
  sealToDevice(platform, device, 'pull-page', page);

export { peekHeader };
