import { randomBytes } from 'node:crypto';
import type { ZodType } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import type { BundleAudit } from '../common/sync/auditAnchor';
import { bundleResultSchema, type BundlePayload, type BundleResult, type OutboxRecord } from '../common/sync/push';
import { pullItemSchema, pullPageSchema, type PullItem, type PullPage } from '../common/sync/pull';
import { sessionSchema, type Session } from '../common/sync/session';
import { open, seal, sealSigned, type SealParams, type Signer } from './envelope';
import { newMessageId, platformAddress } from './keys';
import { DEFAULT_ANSWER_LIMIT, pinnedSuite, type DeviceContext } from './parties';
import { firstIssue, issueText } from './records/issue';

/** Workstation side of the codec: build what is sent, open what comes back. */

export interface BuiltBundle {
  bytes: Buffer;
  bundleId: string;
  payload: BundlePayload;
}

interface BundleInput {
  bundleSeq: number;
  records: OutboxRecord[];
  bundleId?: string;
  audit?: BundleAudit;
}

function bundleParams(device: DeviceContext, input: BundleInput): { params: SealParams; bundleId: string; payload: BundlePayload } {
  const bundleId = input.bundleId ?? newMessageId();
  const payload: BundlePayload = {
    deviceId: device.deviceId,
    bundleId,
    bundleSeq: input.bundleSeq,
    records: input.records,
    ...(input.audit ? { audit: input.audit } : {}),
  };
  const params: SealParams = {
    kind: 'bundle',
    from: device.deviceId,
    to: platformAddress(device.platform.platformId),
    id: bundleId,
    seq: input.bundleSeq,
    payload,
    recipientKey: device.platform.encryptionKey,
    suite: pinnedSuite(device.platform),
    ...(device.compression ? { compression: device.compression } : {}),
  };
  return { params, bundleId, payload };
}

/**
 * Seal outbox records (and the audit head, §5.4) into one bundle, signed by the device's signer
 * (its KeyProvider). Keep the bytes: a retry must resend exactly these.
 */
export async function sealBundle(device: DeviceContext, sign: Signer, input: BundleInput): Promise<BuiltBundle> {
  const { params, bundleId, payload } = bundleParams(device, input);
  return { bytes: await sealSigned(params, sign), bundleId, payload };
}

/** `sealBundle` with the software signing key in `device.keys` (the platform's test client, the bench). */
export function buildBundle(device: DeviceContext, input: BundleInput): BuiltBundle {
  const { params, bundleId, payload } = bundleParams(device, input);
  return { bytes: seal({ ...params, signer: device.keys.signing }), bundleId, payload };
}

function openFromPlatform<T>(device: DeviceContext, bytes: Buffer, kind: 'bundle-result' | 'session' | 'pull-page', schema: ZodType<T>): T {
  const platform = platformAddress(device.platform.platformId);
  return open(bytes, {
    schema,
    kind,
    to: device.deviceId,
    recipient: device.keys.encryption,
    senderSigningKey: (from) => {
      if (from !== platform) throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'sender', from });
      return device.platform.signingKey;
    },
    senderSuite: () => pinnedSuite(device.platform).id,
    maxPayloadBytes: device.maxPayloadBytes ?? DEFAULT_ANSWER_LIMIT,
  }).payload;
}

/** Open the platform's answer to a bundle; only this verified answer may clear records from the outbox. */
export function openBundleResult(device: DeviceContext, bytes: Buffer, bundleId: string): BundleResult {
  const result = openFromPlatform(device, bytes, 'bundle-result', bundleResultSchema);
  if (result.bundleId !== bundleId)
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: `answer for bundle ${result.bundleId}, expected ${bundleId}` });
  return result;
}

const nonce = (): string => randomBytes(18).toString('base64url');

const requestParams = (device: DeviceContext, kind: 'session-request' | 'pull-request', payload: unknown): SealParams => ({
  kind,
  from: device.deviceId,
  to: platformAddress(device.platform.platformId),
  id: newMessageId(),
  payload,
  recipientKey: device.platform.encryptionKey,
  suite: pinnedSuite(device.platform),
});

const sessionPayload = () => ({ nonce: nonce() });

/** A session request (§8) signed by the device's signer. */
export async function sealSessionRequest(device: DeviceContext, sign: Signer): Promise<{ bytes: Buffer; nonce: string }> {
  const payload = sessionPayload();
  return { bytes: await sealSigned(requestParams(device, 'session-request', payload), sign), nonce: payload.nonce };
}

/** `sealSessionRequest` with the software signing key in `device.keys`. */
export function buildSessionRequest(device: DeviceContext): { bytes: Buffer; nonce: string } {
  const payload = sessionPayload();
  return { bytes: seal({ ...requestParams(device, 'session-request', payload), signer: device.keys.signing }), nonce: payload.nonce };
}

export function openSession(device: DeviceContext, bytes: Buffer, expectedNonce: string): Session {
  const session = openFromPlatform(device, bytes, 'session', sessionSchema);
  if (session.nonce !== expectedNonce) throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'session nonce mismatch' });
  return session;
}

interface PullInput {
  cursor?: string | undefined;
  limit: number;
}

const pullPayload = (input: PullInput) => ({ ...(input.cursor ? { cursor: input.cursor } : {}), limit: input.limit, nonce: nonce() });

/** A pull request (§6) signed by the device's signer. */
export async function sealPullRequest(
  device: DeviceContext,
  sign: Signer,
  input: PullInput,
): Promise<{ bytes: Buffer; nonce: string; cursor: string | null }> {
  const payload = pullPayload(input);
  return {
    bytes: await sealSigned(requestParams(device, 'pull-request', payload), sign),
    nonce: payload.nonce,
    cursor: input.cursor ?? null,
  };
}

/** `sealPullRequest` with the software signing key in `device.keys`. */
export function buildPullRequest(device: DeviceContext, input: PullInput): { bytes: Buffer; nonce: string; cursor: string | null } {
  const payload = pullPayload(input);
  return {
    bytes: seal({ ...requestParams(device, 'pull-request', payload), signer: device.keys.signing }),
    nonce: payload.nonce,
    cursor: input.cursor ?? null,
  };
}

export interface OpenedPullPage extends Omit<PullPage, 'items'> {
  items: PullItem[];
  /** Items of kinds this build does not know: skipped, reported, the cursor still advances past them. */
  unknownItems: unknown[];
  /** Every item in the page's (the feed's) order: the known ones parsed, the unknown ones as they came. Apply in this order. */
  inFeedOrder: unknown[];
}

/**
 * Open and check a pull page. Anything wrong — forged, for another device, answering another
 * request, an item of a known kind that fails its schema — throws SYNC_PULL_PAGE_INVALID and the
 * caller keeps its cursor.
 */
export function openPullPage(device: DeviceContext, bytes: Buffer, request: { nonce: string; cursor: string | null }): OpenedPullPage {
  const invalid = (detail: string) => new JiuzhuError('SYNC_PULL_PAGE_INVALID', { detail });
  let page: PullPage;
  try {
    page = openFromPlatform(device, bytes, 'pull-page', pullPageSchema);
  } catch (e) {
    // A page in another suite is a downgrade attempt, not a bad page: it stops the run as such.
    if (e instanceof JiuzhuError && e.code === 'SYNC_SUITE_MISMATCH') throw e;
    throw invalid(e instanceof JiuzhuError ? e.code : 'unreadable');
  }
  if (page.nonce !== request.nonce) throw invalid('nonce mismatch');
  if (page.requestCursor !== request.cursor) throw invalid('answers another cursor');
  const items: PullItem[] = [];
  const unknownItems: unknown[] = [];
  const inFeedOrder: unknown[] = [];
  const known = new Set(pullItemSchema.options.map((o) => o.shape.kind.value));
  for (const raw of page.items) {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !known.has(kind as PullItem['kind'])) {
      unknownItems.push(raw);
      inFeedOrder.push(raw);
      continue;
    }
    const parsed = pullItemSchema.safeParse(raw);
    if (!parsed.success) throw invalid(issueText(firstIssue(kind, parsed.error)));
    items.push(parsed.data);
    inFeedOrder.push(parsed.data);
  }
  return { ...page, items, unknownItems, inFeedOrder };
}
