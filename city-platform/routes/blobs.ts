import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { JiuzhuError } from '../../common/contract/errors';
import { encryptBlobFrom, encryptedBlobSize } from '../../sync-protocol/blobCipher';
import { blobPath } from '../blob/paths';
import { sessionDevice, type PlatformDeps } from '../context';
import { deviceBlobKey } from '../keys';
import { header, sendEmpty } from '../http/respond';
import { raw } from '../http/raw';
import { drainOrClose } from '../http/drain';

/**
 * HEAD /v1/blobs/{sha256} — does the device's station hold this blob (then never send it again)?
 * GET /v1/blobs/{sha256} — a blob of the device's station, encrypted to that device ("down"
 * direction), resumable with `Range: bytes=N-`. A blob another station holds is a 404 for both:
 * a station holds a hash only once one of its devices has sent the bytes.
 */
export function blobRoutes(app: FastifyInstance, deps: PlatformDeps) {
  const path = '/v1/blobs/:sha256([0-9a-f]{64})';
  app.head(
    path,
    raw(deps.log, async (req, res, { sha256 }) => {
      const device = await sessionDevice(deps, req);
      const blob = await deps.store.getBlob(sha256!, device.stationId);
      sendEmpty(res, blob ? 200 : 404, blob ? { 'Jiuzhu-Blob-Size': String(blob.size), 'Jiuzhu-Blob-Status': 'stored' } : {});
    }),
  );

  app.get(
    path,
    raw(deps.log, async (req, res, { sha256 }) => {
      const device = await sessionDevice(deps, req);
      const blob = await deps.store.getBlob(sha256!, device.stationId);
      if (!blob) throw new JiuzhuError('NOT_FOUND');
      const total = encryptedBlobSize(blob.size);
      const range = /^bytes=(\d+)-$/.exec(header(req, 'range') ?? '');
      const from = range ? Number(range[1]) : 0;
      if (from > total) throw new JiuzhuError('INVALID_INPUT', { path: 'Range', detail: 'beyond the end' });
      res.writeHead(range ? 206 : 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(total - from),
        'Accept-Ranges': 'bytes',
        'Jiuzhu-Blob-Size': String(blob.size),
        ...(range ? { 'Content-Range': `bytes ${from}-${total - 1}/${total}` } : {}),
      });
      const key = deviceBlobKey(deps.codec, device, sha256!, 'down');
      for await (const part of encryptBlobFrom(createReadStream(blobPath(deps.dataDir, sha256!)), key, from)) {
        if (res.destroyed) return;
        if (!res.write(part)) await drainOrClose(res);
      }
      res.end();
    }),
  );
}
