import { BLOB_HEADERS as H, TUS_VERSION } from '../../../../common/sync/blobs';
import { encryptBlobFrom, encryptedBlobSize, sha256Hex, type BlobKeyInput } from '../../../../sync-protocol/blobCipher';
import { encodeUploadMetadata } from '../../../../sync-protocol/tusMetadata';
import { pinnedSuite } from '../../../../sync-protocol/parties';
import type { RunContext } from './context';
import { PlatformError, type HttpAnswer } from './http';
import { sessionToken, withSession } from './session';

/** The headers of the blob endpoints: the session (opened on demand) and tus. */
export async function auth(ctx: RunContext): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await sessionToken(ctx)}`, 'Tus-Resumable': TUS_VERSION };
}

/** A blob request with the session; an expired session is reopened and the request repeated once, at no cost. */
function blobRequest(
  ctx: RunContext,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: () => AsyncIterable<Buffer> },
  ...ok: number[]
): Promise<HttpAnswer> {
  return withSession(
    ctx,
    async (authorization) =>
      headAnswer(
        init.method,
        await ctx.http.request(url, {
          method: init.method,
          headers: { Authorization: authorization, 'Tus-Resumable': TUS_VERSION, ...init.headers },
          ...(init.body ? { body: init.body } : {}),
          signal: ctx.signal,
        }),
      ),
    ...ok,
  );
}

/** Answers to HEAD carry no body: give the platform's refusals their codes by status (docs §6, §8). */
const HEAD_CODES: Record<number, string> = {
  401: 'SYNC_SESSION_EXPIRED',
  403: 'SYNC_DEVICE_REVOKED',
  404: 'SYNC_UPLOAD_NOT_FOUND',
  410: 'SYNC_UPLOAD_NOT_FOUND',
};
function headAnswer(method: string, answer: HttpAnswer): HttpAnswer {
  const code = HEAD_CODES[answer.status];
  if (method !== 'HEAD' || answer.body.length > 0 || !code) return answer;
  return { ...answer, body: Buffer.from(JSON.stringify({ code, message: code })) };
}

/** A deferred blob is tried again after the platform's Retry-After, but never sooner than this. */
const MIN_DEFER_MS = 60_000;
/** Retry time of a deferral that came without Retry-After. */
const DEFAULT_DEFER_MS = 3600_000;

/**
 * Upload every queued blob that is due with tus, by priority: skip what the platform holds
 * (HEAD), create or reuse the upload, HEAD for the platform's offset and PATCH the rest of the
 * ciphertext from there. Upload URLs are kept in the store, so a restart resumes instead of
 * starting over; what arrived is never sent again. A blob the platform will not take now (its
 * upload quota, `429 SYNC_UPLOAD_QUOTA_EXCEEDED`) is deferred — kept queued with the platform's
 * reason and a retry time — and the run goes on with the other blobs and the pull: it never waits
 * out a Retry-After of hours.
 */
export async function uploadBlobs(ctx: RunContext): Promise<void> {
  const queue = ctx.blobs.due();
  let done = 0;
  for (const blob of queue) {
    ctx.progress('blobs', queue.length ? done / queue.length : 1);
    await uploadOne(ctx, blob.sha256);
    done++;
  }
  if (queue.length) ctx.progress('blobs', 1);
}

async function uploadOne(ctx: RunContext, sha256: string): Promise<void> {
  const source = ctx.blobSource(ctx.db, sha256);
  if (!source) {
    ctx.blobs.update(sha256, { state: 'failed', error: 'missing-locally' });
    return;
  }
  if (sha256Hex(source.bytes) !== sha256) {
    ctx.blobs.update(sha256, { state: 'failed', error: 'local-hash-mismatch' });
    return;
  }
  const row = ctx.blobs.get(sha256)!;
  if (!row.knownMissing && !row.uploadUrl) {
    const head = await blobRequest(ctx, `${ctx.baseUrl}/v1/blobs/${sha256}`, { method: 'HEAD' }, 200, 404);
    ctx.madeProgress();
    if (head.status === 200) {
      ctx.blobs.update(sha256, { state: 'stored', error: null });
      ctx.summary.blobsSkipped++;
      return;
    }
  }
  const length = encryptedBlobSize(source.bytes.length);
  const suite = pinnedSuite(ctx.device.platform);
  const key: BlobKeyInput = {
    mine: ctx.device.keys.encryption,
    peerKey: ctx.device.platform.encryptionKey,
    deviceId: ctx.device.deviceId,
    sha256,
    direction: 'up',
    suite,
  };
  let hashFailures = 0;
  /** The offset from a creation answer: the first PATCH needs no HEAD (one round trip less per blob). */
  let knownOffset: number | undefined;
  for (;;) {
    let path = ctx.blobs.get(sha256)!.uploadUrl;
    try {
      if (!path) {
        const created = await blobRequest(
          ctx,
          `${ctx.baseUrl}/v1/uploads`,
          {
            method: 'POST',
            headers: {
              [H.uploadLength]: String(length),
              [H.uploadMetadata]: encodeUploadMetadata({
                sha256,
                size: String(source.bytes.length),
                cipher: suite.blobCipher,
                contentType: source.contentType,
              }),
            },
          },
          201,
        );
        ctx.madeProgress();
        path = new URL(String(created.headers['location']), ctx.baseUrl).pathname;
        ctx.blobs.update(sha256, { uploadUrl: path });
        if (created.headers[H.blobStatus.toLowerCase()] === 'stored') return stored(ctx, sha256);
        const given = Number(created.headers['upload-offset']);
        if (Number.isSafeInteger(given) && given >= 0 && given <= length) knownOffset = given;
      }
      let offset: number;
      if (knownOffset !== undefined) {
        offset = knownOffset;
        knownOffset = undefined;
      } else {
        const head = await blobRequest(ctx, `${ctx.baseUrl}${path}`, { method: 'HEAD' }, 200);
        ctx.madeProgress();
        offset = Number(head.headers['upload-offset']);
        // Only the platform's word counts: every byte may have arrived (offset = length) while the
        // verification did not run (the connection broke first); an empty PATCH then finishes it.
        if (head.headers[H.blobStatus.toLowerCase()] === 'stored') return stored(ctx, sha256);
      }
      ctx.blobs.update(sha256, { addAttempt: true });
      const patched = await blobRequest(
        ctx,
        `${ctx.baseUrl}${path}`,
        {
          method: 'PATCH',
          headers: {
            'Content-Type': 'application/offset+octet-stream',
            [H.uploadOffset]: String(offset),
            'Content-Length': String(length - offset),
          },
          body: () => encryptBlobFrom([source.bytes], key, offset),
        },
        204,
      );
      ctx.madeProgress();
      ctx.blobs.update(sha256, { addBytes: length - offset });
      if (patched.headers[H.blobStatus.toLowerCase()] === 'stored') return stored(ctx, sha256);
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      if (e.code === 'SYNC_UPLOAD_OFFSET_MISMATCH') continue; // HEAD again and resume from there
      if (e.code === 'SYNC_UPLOAD_NOT_FOUND') {
        ctx.blobs.update(sha256, { uploadUrl: null }); // expired or cleaned: start a new upload
        continue;
      }
      if (e.code === 'SYNC_BLOB_HASH_MISMATCH') {
        ctx.blobs.update(sha256, { uploadUrl: null });
        if (++hashFailures < 2) continue;
        ctx.blobs.update(sha256, { state: 'failed', error: e.wire.message });
        return;
      }
      if (e.code === 'SYNC_BLOB_TOO_LARGE') {
        ctx.blobs.update(sha256, { state: 'failed', error: e.wire.message });
        return;
      }
      if (e.code === 'SYNC_UPLOAD_QUOTA_EXCEEDED') return defer(ctx, sha256, e);
      throw e;
    }
  }
}

function stored(ctx: RunContext, sha256: string): void {
  ctx.blobs.update(sha256, { state: 'stored', uploadUrl: null, error: null, retryAt: null });
  ctx.summary.blobsSent++;
}

/** Keep the blob queued, not to be tried before the platform's Retry-After; the platform's zh-CN reason is shown meanwhile. */
function defer(ctx: RunContext, sha256: string, e: PlatformError): void {
  const wait = Math.max(MIN_DEFER_MS, e.retryAfterMs ?? DEFAULT_DEFER_MS);
  const retryAt = new Date(ctx.clock.now().getTime() + wait).toISOString();
  ctx.blobs.update(sha256, { retryAt, error: e.wire.message });
  ctx.summary.blobsDeferred++;
  ctx.madeProgress();
  ctx.logger.log('info', 'sync.blob.deferred', { code: e.code, retryAt });
}
