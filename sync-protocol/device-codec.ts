import { randomBytes } from 'node:crypto';
import type { ZodType } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import type { BundleAudit } from '../common/sync/audit-anchor';
import { bundleResultSchema, type BundlePayload, type BundleResult, type OutboxRecord } from '../common/sync/push';
import { pullItemSchema, pullPageSchema, type PullItem, type PullPage } from '../common/sync/pull';
import { sessionSchema, type Session } from '../common/sync/session';
import { open, seal } from './envelope';
import { newMessageId, platformAddress } from './keys';
import { DEFAULT_ANSWER_LIMIT, pinnedSuite, type DeviceContext } from './parties';
import { firstIssue, issueText } from './records/issue';

/** Workstation side of the codec: build what is sent, open what comes back. */

export interface BuiltBundle {
  bytes: Buffer;
  bundleId: string;
  payload: BundlePayload;
}

/** Seal outbox records (and the audit head, §5.4) into one bundle. Keep the bytes: a retry must resend exactly these. */
export function buildBundle(
  device: DeviceContext,
  input: { bundleSeq: number; records: OutboxRecord[]; bundleId?: string; audit?: BundleAudit },
): BuiltBundle {
  const bundleId = input.bundleId ?? newMessageId();
  const payload: BundlePayload = {
    deviceId: device.deviceId,
    bundleId,
    bundleSeq: input.bundleSeq,
    records: input.records,
    ...(input.audit ? { audit: input.audit } : {}),
  };
  const bytes = seal({
    kind: 'bundle',
    from: device.deviceId,
    to: platformAddress(device.platform.platformId),
    id: bundleId,
    seq: input.bundleSeq,
    payload,
    signer: device.keys.signing,
    recipientKey: device.platform.encryptionKey,
    suite: pinnedSuite(device.platform),
    ...(device.compression ? { compression: device.compression } : {}),
  });
  return { bytes, bundleId, payload };
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

function sealRequest(device: DeviceContext, kind: 'session-request' | 'pull-request', payload: unknown): Buffer {
  return seal({
    kind,
    from: device.deviceId,
    to: platformAddress(device.platform.platformId),
    id: newMessageId(),
    payload,
    signer: device.keys.signing,
    recipientKey: device.platform.encryptionKey,
    suite: pinnedSuite(device.platform),
  });
}

export function buildSessionRequest(device: DeviceContext): { bytes: Buffer; nonce: string } {
  const n = nonce();
  return { bytes: sealRequest(device, 'session-request', { nonce: n }), nonce: n };
}

export function openSession(device: DeviceContext, bytes: Buffer, expectedNonce: string): Session {
  const session = openFromPlatform(device, bytes, 'session', sessionSchema);
  if (session.nonce !== expectedNonce) throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'session nonce mismatch' });
  return session;
}

export function buildPullRequest(
  device: DeviceContext,
  input: { cursor?: string | undefined; limit: number },
): { bytes: Buffer; nonce: string; cursor: string | null } {
  const n = nonce();
  const payload = { ...(input.cursor ? { cursor: input.cursor } : {}), limit: input.limit, nonce: n };
  return { bytes: sealRequest(device, 'pull-request', payload), nonce: n, cursor: input.cursor ?? null };
}

export interface OpenedPullPage extends Omit<PullPage, 'items'> {
  items: PullItem[];
  /** Items of kinds this build does not know: skipped, reported, the cursor still advances past them. */
  unknownItems: unknown[];
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
  const known = new Set(pullItemSchema.options.map((o) => o.shape.kind.value));
  for (const raw of page.items) {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !known.has(kind as PullItem['kind'])) {
      unknownItems.push(raw);
      continue;
    }
    const parsed = pullItemSchema.safeParse(raw);
    if (!parsed.success) throw invalid(issueText(firstIssue(kind, parsed.error)));
    items.push(parsed.data);
  }
  return { ...page, items, unknownItems };
}
