import { JiuzhuError } from '../../../../common/contract/errors';
import { caseBlobPath } from '../../../../common/sync/attachments';
import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import type { Db } from '../../kernel/store/types';
import { BLOB_TAG_BYTES, decryptBlob, encryptedBlobSize } from '../../../../sync-protocol/blobCipher';
import { pinnedSuite } from '../../../../sync-protocol/parties';
import { auth } from './blobs';
import type { RunContext } from './context';
import { HttpClient, PlatformError, TransportError } from './http';
import { announcedMarker } from './announcedBlobRepo';
import { downloadChunks, downloadChunkWriter, downloadedBytes, dropDownloadChunks } from './downloadChunkRepo';
import { localAttachmentId, remoteBlob, setRemoteBlobState, type RemoteBlobRow } from './remoteBlobRepo';
import { sleep } from './throttle';

/** Ciphertext kept in the store is flushed in pieces of about this size (and whatever arrived before a cut). */
const FLUSH_BYTES = 256 * 1024;

export type DownloadOutcome =
  | { state: 'stored'; attachmentId: string }
  | { state: 'failed'; code: 'SYNC_BLOB_HASH_MISMATCH' }
  | { state: 'missing'; code: 'SYNC_BLOB_NOT_ON_PLATFORM' };

/**
 * Fetch one blob of a station case from the platform (docs/sync-protocol.md §6.1) and keep it in
 * the encrypted attachment store:
 * - `GET /v1/cases/{caseId}/blobs/{sha256}` with the blob session; the ciphertext (encrypted to this
 *   device) is written to `sync_download_chunk` as it arrives, so after a cut the next request asks
 *   `Range: bytes=<what arrived>-` and nothing is fetched twice;
 * - when every byte is here: decrypt, check the GCM tag and the SHA-256 of the plaintext, and store
 *   it (one transaction: the attachment, the reference's state, the partial download dropped). A
 *   mismatch is refused: nothing stored, partial dropped, state `failed` (校验失败) — the next try
 *   starts from zero;
 * - 404: the platform does not hold it for this station (yet): state unchanged, `missing`.
 * Transport failures are retried up to `attempts` times with short backoff, resuming each time;
 * after the last one the TransportError is thrown (the caller shows "offline").
 */
export async function downloadRemoteBlob(
  ctx: RunContext,
  ref: RemoteBlobRow,
  options: { attempts?: number; delayMs?: (attempt: number) => number } = {},
): Promise<DownloadOutcome> {
  const { db } = ctx;
  const sha256 = ref.sha256;
  const already = localAttachmentId(db, sha256);
  if (already) {
    db.transaction(() => {
      setRemoteBlobState(db, sha256, 'stored', already, null);
      announcedMarker(db)(already, null, ctx.clock.now().toISOString());
    })();
    return { state: 'stored', attachmentId: already };
  }
  const total = encryptedBlobSize(ref.size);
  const url = `${ctx.baseUrl}${caseBlobPath(ref.caseId, sha256)}`;
  const attempts = options.attempts ?? 6;
  for (let attempt = 0; ; attempt++) {
    let offset = downloadedBytes(db, sha256);
    if (offset > total) {
      dropDownloadChunks(db, sha256);
      offset = 0;
    }
    if (offset < total) {
      try {
        const outcome = await fetchFrom(ctx, url, sha256, offset, total);
        if (outcome === 'missing') return { state: 'missing', code: 'SYNC_BLOB_NOT_ON_PLATFORM' };
        if (outcome === 'restart') continue;
      } catch (e) {
        if (!(e instanceof TransportError) || attempt + 1 >= attempts) throw e;
        ctx.summary.retries++;
        await sleep(attempt === 0 ? 0 : (options.delayMs ?? ((n) => Math.min(5_000, 200 * 2 ** n)))(attempt), ctx.signal);
        continue;
      }
      if (downloadedBytes(db, sha256) < total) continue;
    }
    return verifyAndStore(ctx, ref, total);
  }
}

/** One GET from `offset`; the body goes straight to the store. 'restart' = start again from what is stored. */
async function fetchFrom(
  ctx: RunContext,
  url: string,
  sha256: string,
  offset: number,
  total: number,
): Promise<'ok' | 'missing' | 'restart'> {
  const { db } = ctx;
  let at = offset;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const insert = downloadChunkWriter(db);
  const flush = () => {
    if (!pendingBytes) return;
    insert(sha256, at, Buffer.concat(pending));
    at += pendingBytes;
    pending = [];
    pendingBytes = 0;
  };
  // Only a 200/206 answer's body reaches the sink (HttpClient), never an error body.
  const sink = (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= FLUSH_BYTES) flush();
  };
  for (let round = 0; ; round++) {
    const headers = { ...(await auth(ctx)), ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) };
    let answer;
    try {
      answer = await ctx.http.request(url, {
        method: 'GET',
        headers,
        signal: ctx.signal,
        sink,
      });
    } finally {
      // What arrived before a cut is kept: the next request resumes after it.
      flush();
    }
    ctx.madeProgress();
    if (answer.status === 206) {
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(answer.headers['content-range'] ?? ''));
      if (!range || Number(range[1]) !== offset || Number(range[3]) !== total) {
        dropDownloadChunks(db, sha256);
        return 'restart';
      }
      return 'ok';
    }
    if (answer.status === 200) {
      if (offset > 0) {
        // The platform ignored the Range: what it sent starts at 0 and was stored after our offset.
        dropDownloadChunks(db, sha256);
        return 'restart';
      }
      return 'ok';
    }
    if (answer.status === 416) {
      dropDownloadChunks(db, sha256);
      return 'restart';
    }
    try {
      HttpClient.expect(answer, 200, 206);
    } catch (e) {
      if (round === 0 && e instanceof PlatformError && e.code === 'SYNC_SESSION_EXPIRED') {
        delete ctx.session.token;
        continue;
      }
      if (e instanceof PlatformError && e.code === 'NOT_FOUND') return 'missing';
      throw e;
    }
    return 'ok';
  }
}

function verifyAndStore(ctx: RunContext, ref: RemoteBlobRow, total: number): DownloadOutcome {
  const { db } = ctx;
  const chunks = downloadChunks(db, ref.sha256);
  const ciphertext = Buffer.concat(chunks.map((c) => c.data));
  let plaintext: Buffer;
  try {
    if (ciphertext.length !== total || ciphertext.length < BLOB_TAG_BYTES)
      throw new JiuzhuError('SYNC_BLOB_HASH_MISMATCH', { expected: ref.sha256 });
    plaintext = decryptBlob(ciphertext, {
      mine: ctx.device.keys.encryption,
      peerKey: ctx.device.platform.encryptionKey,
      deviceId: ctx.device.deviceId,
      sha256: ref.sha256,
      direction: 'down',
      suite: pinnedSuite(ctx.device.platform),
    });
  } catch (e) {
    if (!(e instanceof JiuzhuError) || e.code !== 'SYNC_BLOB_HASH_MISMATCH') throw e;
    db.transaction(() => {
      dropDownloadChunks(db, ref.sha256);
      setRemoteBlobState(db, ref.sha256, 'failed', null, 'SYNC_BLOB_HASH_MISMATCH');
    })();
    ctx.logger.log('warn', 'sync.download.refused', { sha256: ref.sha256, reason: 'hash' });
    return { state: 'failed', code: 'SYNC_BLOB_HASH_MISMATCH' };
  }
  const attachmentId = db.transaction(() => {
    // The bytes are what the case references (their hash was checked as they were decrypted). The
    // store strips image metadata: a counter's bytes are already clean and keep their hash; a phone's
    // photo (an online application's paper) is kept without its EXIF under a new hash, and the remote
    // row maps the platform's hash to it.
    const info = new AttachmentStore(db, ctx.clock).put(storeKind(ref), plaintext, { createdBy: 'platform' });
    setRemoteBlobState(db, ref.sha256, 'stored', info.id, null);
    announcedMarker(db)(info.id, null, ctx.clock.now().toISOString());
    dropDownloadChunks(db, ref.sha256);
    return info.id;
  })();
  plaintext.fill(0);
  return { state: 'stored', attachmentId };
}

/** The attachment kind to store under: the sender's kind when this build knows it, else by role. */
function storeKind(ref: RemoteBlobRow): string {
  const known = ['face-photo', 'id-card-photo', 'document-scan', 'signature', 'generated-pdf'];
  if (known.includes(ref.kind)) return ref.kind;
  return ref.role === 'document'
    ? 'generated-pdf'
    : ref.role === 'signature'
      ? 'signature'
      : ref.role === 'face'
        ? 'face-photo'
        : 'document-scan';
}

/** The reference to fetch, or SYNC_BLOB_REF_UNKNOWN. */
export function mustRemoteBlob(db: Db, caseId: string, sha256: string): RemoteBlobRow {
  const r = remoteBlob(db, caseId, sha256);
  if (!r) throw new JiuzhuError('SYNC_BLOB_REF_UNKNOWN');
  return r;
}
