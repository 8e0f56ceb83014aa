import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { JiuzhuError } from '../common/contract/errors';
import type { Compression } from '../common/sync/envelope';

export function compress(data: Buffer, kind: Compression): Buffer {
  if (kind === 'gzip') return gzipSync(data, { level: 9 });
  if (kind === 'deflate') return deflateSync(data, { level: 9 });
  return data;
}

/** Inflate, refusing to produce more than `maxBytes` (a compression bomb stops at the limit). */
export function decompress(data: Buffer, kind: Compression, maxBytes: number): Buffer {
  if (kind === 'identity') {
    if (data.length > maxBytes) throw new JiuzhuError('SYNC_BUNDLE_TOO_LARGE', { size: data.length, limit: maxBytes });
    return data;
  }
  try {
    const options = { maxOutputLength: maxBytes };
    return kind === 'gzip' ? gunzipSync(data, options) : inflateSync(data, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new JiuzhuError('SYNC_BUNDLE_TOO_LARGE', { size: `>${maxBytes}`, limit: maxBytes });
    throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'bad compressed data' });
  }
}
