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

/** `bytes=N-` or `bytes=N-M` (one range; RFC 9110 §14.1.2), or null for no usable Range header. */
export function parseRange(value: string | undefined, total: number): { from: number; to: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d+)-(\d*)$/.exec(value?.trim() ?? '');
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Math.min(Number(m[2]), total - 1) : total - 1;
  if (from >= total || to < from) return 'unsatisfiable';
  return { from, to };
}

/**
 * GET /v1/cases/{caseId}/blobs/{sha256} — a blob of a case of the requesting device's station
 * (docs/sync-protocol.md §6.1): bearer session, station scope (a case of another station, a blob
 * the case does not reference or the platform does not hold: 404, the same answer for all three),
 * encrypted to the device ("down"), resumable with `Range: bytes=N-` (206 from that offset).
 */
export function blobDownloadRoutes(app: FastifyInstance, deps: PlatformDeps) {
  // Fastify decodes the case id (a malformed %-escape is a 404 before the route) and checks the pattern on the decoded id.
  app.get(
    '/v1/cases/:caseId([^/]{1,64})/blobs/:sha256([0-9a-f]{64})',
    raw(deps.log, async (req, res, { caseId, sha256 }) => {
      const device = await sessionDevice(deps, req);
      const blob = await deps.store.getCaseBlob(caseId!, sha256!, device.stationId);
      if (!blob) throw new JiuzhuError('NOT_FOUND');
      const total = encryptedBlobSize(blob.size);
      const range = parseRange(header(req, 'range'), total);
      if (range === 'unsatisfiable') return sendEmpty(res, 416, { 'Content-Range': `bytes */${total}` });
      const { from, to } = range ?? { from: 0, to: total - 1 };
      res.writeHead(range ? 206 : 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(to - from + 1),
        'Accept-Ranges': 'bytes',
        'Jiuzhu-Blob-Size': String(blob.size),
        ...(blob.contentType ? { 'Jiuzhu-Blob-Type': blob.contentType } : {}),
        ...(range ? { 'Content-Range': `bytes ${from}-${to}/${total}` } : {}),
      });
      const key = deviceBlobKey(deps.codec, device, sha256!, 'down');
      let left = to - from + 1;
      for await (const part of encryptBlobFrom(createReadStream(blobPath(deps.dataDir, sha256!)), key, from)) {
        if (res.destroyed || left <= 0) break;
        const out = part.length > left ? part.subarray(0, left) : part;
        left -= out.length;
        if (!res.write(out)) await drainOrClose(res);
      }
      if (!res.destroyed) res.end();
    }),
  );
}
