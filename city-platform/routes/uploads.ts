import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { BLOB_HEADERS as H, BLOB_METADATA, TUS_EXTENSIONS, TUS_VERSION } from '../../common/sync/blobs';
import { sha256HexSchema } from '../../common/sync/primitives';
import { encryptedBlobSize } from '../../sync-protocol/blobCipher';
import { deviceSuite } from '../../sync-protocol/parties';
import { decodeUploadMetadata } from '../../sync-protocol/tusMetadata';
import { finishUpload } from '../blob/finish';
import { uploadPath } from '../blob/paths';
import { bodyPace, sessionDevice, type PlatformDeps } from '../context';
import { checkUploadQuota } from '../guard/quota';
import { pacedChunks } from '../http/body';
import { header, sendEmpty, sendError, sendJson } from '../http/respond';
import { raw } from '../http/raw';
import type { DeviceRow, UploadRow } from '../store/types';
import { wireError } from '../errors';

const fileSize = async (path: string) => (await stat(path).catch(() => ({ size: 0 }))).size;

function requireTus(req: IncomingMessage, res: ServerResponse): boolean {
  if (header(req, H.tusResumable) === TUS_VERSION) return true;
  sendJson(res, 412, wireError('SYNC_PROTOCOL_UNSUPPORTED', { version: header(req, H.tusResumable) ?? '-' }), {
    'Tus-Version': TUS_VERSION,
  });
  return false;
}

/**
 * The tus 1.0.0 subset the protocol uses: creation, HEAD, PATCH from the server's offset,
 * expiration, termination. Bytes of a broken PATCH are kept. The sha256 from Upload-Metadata is
 * checked when the last byte arrives.
 */
export function uploadRoutes(app: FastifyInstance, deps: PlatformDeps) {
  const one = '/v1/uploads/:id([A-Za-z0-9_-]{22})';
  const locks = deps.uploadLocks;
  const expiryHeaders = (u: UploadRow): Record<string, string> => ({
    [H.uploadExpires]: new Date(u.expiresAt).toUTCString(),
    [H.expiresIn]: String(Math.max(0, Math.floor((u.expiresAt - deps.now()) / 1000))),
  });

  /** The device's live upload, or a typed refusal (unknown / other device's → 404, expired → 410). */
  async function ownUpload(id: string, device: DeviceRow): Promise<UploadRow> {
    const upload = await deps.store.getUpload(id);
    if (!upload || upload.deviceId !== device.deviceId) throw new JiuzhuError('SYNC_UPLOAD_NOT_FOUND');
    if (upload.status === 'open' && upload.expiresAt <= deps.now()) {
      await rm(uploadPath(deps.dataDir, id), { force: true });
      await deps.store.deleteUpload(id);
      throw new JiuzhuError('SYNC_UPLOAD_NOT_FOUND', {}, { expired: true });
    }
    return upload;
  }
  const offsetOf = async (u: UploadRow) => (u.status === 'done' ? u.length : await fileSize(uploadPath(deps.dataDir, u.uploadId)));

  app.options(
    '/v1/uploads',
    raw(deps.log, async (_req, res) =>
      sendEmpty(res, 204, {
        'Tus-Resumable': TUS_VERSION,
        'Tus-Version': TUS_VERSION,
        'Tus-Extension': TUS_EXTENSIONS,
        'Tus-Max-Size': String(encryptedBlobSize(deps.limits.maxBlobBytes)),
      }),
    ),
  );

  app.post(
    '/v1/uploads',
    raw(deps.log, async (req, res) => {
      if (!requireTus(req, res)) return;
      const device = await sessionDevice(deps, req);
      req.resume();
      const length = Number(header(req, H.uploadLength));
      if (!Number.isSafeInteger(length) || length < 16)
        throw new JiuzhuError('INVALID_INPUT', { path: H.uploadLength, detail: 'required (Upload-Defer-Length is not supported)' });
      if (length > encryptedBlobSize(deps.limits.maxBlobBytes))
        throw new JiuzhuError('SYNC_BLOB_TOO_LARGE', { size: length - 16, limit: deps.limits.maxBlobBytes });
      let meta: Record<string, string>;
      try {
        meta = decodeUploadMetadata(header(req, H.uploadMetadata));
      } catch (e) {
        throw new JiuzhuError('INVALID_INPUT', { path: H.uploadMetadata, detail: (e as Error).message });
      }
      const sha256 = meta[BLOB_METADATA.sha256] ?? '';
      if (!sha256HexSchema.safeParse(sha256).success)
        throw new JiuzhuError('INVALID_INPUT', { path: 'Upload-Metadata.sha256', detail: 'lower-case hex SHA-256 required' });
      if (meta[BLOB_METADATA.cipher] !== deviceSuite(device).blobCipher)
        throw new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: meta[BLOB_METADATA.cipher] ?? '-' });
      if (Number(meta[BLOB_METADATA.size]) + 16 !== length)
        throw new JiuzhuError('INVALID_INPUT', { path: 'Upload-Metadata.size', detail: 'must equal Upload-Length − 16' });
      const now = deps.now();
      const location = (u: UploadRow) => `/v1/uploads/${u.uploadId}`;
      // Only a blob this station holds skips the bytes; another station's copy proves nothing.
      const existing = await deps.store.getBlob(sha256, device.stationId);
      const earlier = existing ? undefined : await deps.store.findOpenUpload(device.deviceId, sha256, now);
      if (earlier && earlier.length === length) {
        // The device lost the URL of its unfinished upload: give it back instead of starting over.
        return sendEmpty(res, 201, {
          Location: location(earlier),
          [H.uploadOffset]: String(await offsetOf(earlier)),
          [H.blobStatus]: 'partial',
          ...expiryHeaders(earlier),
        });
      }
      if (!existing) await checkUploadQuota(deps, device.deviceId, length);
      const upload: UploadRow = {
        uploadId: randomBytes(16).toString('base64url'),
        deviceId: device.deviceId,
        sha256,
        length,
        contentType: meta[BLOB_METADATA.contentType] ?? null,
        createdAt: now,
        expiresAt: now + deps.timing.uploadTtlSeconds * 1000,
        status: existing ? 'done' : 'open',
      };
      if (!existing) {
        const path = uploadPath(deps.dataDir, upload.uploadId);
        await mkdir(dirname(path), { recursive: true });
        await (await open(path, 'w')).close();
      }
      await deps.store.createUpload(upload);
      sendEmpty(res, 201, {
        Location: location(upload),
        [H.uploadOffset]: String(existing ? length : 0),
        [H.blobStatus]: existing ? 'stored' : 'partial',
        ...(existing ? {} : expiryHeaders(upload)),
      });
    }),
  );

  app.head(
    one,
    raw(deps.log, async (req, res, { id }) => {
      if (!requireTus(req, res)) return;
      const device = await sessionDevice(deps, req);
      const release = await locks.acquire(id!, req);
      try {
        const upload = await ownUpload(id!, device);
        sendEmpty(res, 200, {
          'Tus-Resumable': TUS_VERSION,
          [H.uploadOffset]: String(await offsetOf(upload)),
          [H.uploadLength]: String(upload.length),
          [H.blobStatus]: upload.status === 'done' ? 'stored' : 'partial',
          ...(upload.status === 'open' ? expiryHeaders(upload) : {}),
        });
      } finally {
        release();
      }
    }),
  );

  app.patch(
    one,
    raw(deps.log, async (req, res, { id }) => {
      if (!requireTus(req, res)) return;
      const device = await sessionDevice(deps, req);
      if (header(req, 'content-type') !== 'application/offset+octet-stream')
        return sendJson(res, 415, wireError('INVALID_INPUT', { path: 'Content-Type', detail: 'application/offset+octet-stream' }));
      const release = await locks.acquire(id!, req);
      try {
        const upload = await ownUpload(id!, device);
        const offset = await offsetOf(upload);
        const claimed = Number(header(req, H.uploadOffset));
        if (claimed !== offset) {
          // Don't drain a body that will not be written: answer and close (as tusd does).
          res.setHeader('Connection', 'close');
          res.setHeader(H.uploadOffset, String(offset));
          throw new JiuzhuError('SYNC_UPLOAD_OFFSET_MISMATCH', { offset }, { offset });
        }
        let written = offset;
        const file = await open(uploadPath(deps.dataDir, id!), 'a');
        try {
          for await (const chunk of pacedChunks(req, bodyPace(deps, false))) {
            if (written + chunk.length > upload.length) {
              res.setHeader('Connection', 'close');
              throw new JiuzhuError('INVALID_INPUT', { path: 'body', detail: 'beyond Upload-Length' });
            }
            await file.write(chunk);
            written += chunk.length;
          }
        } catch (e) {
          if (e instanceof JiuzhuError) throw e;
          return; // The connection broke: what arrived is kept; the client will HEAD and resume.
        } finally {
          await file.close();
        }
        if (written === upload.length) {
          await finishUpload(deps, upload, device);
          return sendEmpty(res, 204, { 'Tus-Resumable': TUS_VERSION, [H.uploadOffset]: String(written), [H.blobStatus]: 'stored' });
        }
        sendEmpty(res, 204, {
          'Tus-Resumable': TUS_VERSION,
          [H.uploadOffset]: String(written),
          [H.blobStatus]: 'partial',
          ...expiryHeaders(upload),
        });
      } catch (e) {
        sendError(res, e, deps.log);
        if (res.getHeader('Connection') === 'close') res.on('finish', () => req.destroy());
      } finally {
        release();
      }
    }),
  );

  app.delete(
    one,
    raw(deps.log, async (req, res, { id }) => {
      if (!requireTus(req, res)) return;
      const device = await sessionDevice(deps, req);
      const release = await locks.acquire(id!, req);
      try {
        await ownUpload(id!, device);
        await rm(uploadPath(deps.dataDir, id!), { force: true });
        await deps.store.deleteUpload(id!);
        sendEmpty(res, 204, { 'Tus-Resumable': TUS_VERSION });
      } finally {
        release();
      }
    }),
  );
}
