import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createBlobOpener, BLOB_TAG_BYTES } from '../../sync-protocol/blobCipher';
import type { PlatformDeps } from '../context';
import { deviceBlobKey } from '../keys';
import type { DeviceRow, UploadRow } from '../store/types';
import { blobPath, uploadPath } from './paths';

/**
 * A complete upload: decrypt it as a stream, hash the plaintext, and keep it under its SHA-256
 * only when tag and hash both match. Throws SYNC_BLOB_HASH_MISMATCH (the upload is then removed).
 */
export async function finishUpload(deps: PlatformDeps, upload: UploadRow, device: DeviceRow): Promise<void> {
  const part = uploadPath(deps.dataDir, upload.uploadId);
  const target = blobPath(deps.dataDir, upload.sha256);
  const temp = `${target}.${upload.uploadId}.tmp`;
  try {
    const handle = await open(part, 'r');
    const tag = Buffer.alloc(BLOB_TAG_BYTES);
    try {
      await handle.read(tag, 0, BLOB_TAG_BYTES, upload.length - BLOB_TAG_BYTES);
    } finally {
      await handle.close();
    }
    const opener = createBlobOpener(deviceBlobKey(deps.codec, device, upload.sha256, 'up'), tag);
    await mkdir(dirname(target), { recursive: true });
    const out = await open(temp, 'w');
    try {
      if (upload.length > BLOB_TAG_BYTES)
        for await (const chunk of createReadStream(part, { start: 0, end: upload.length - BLOB_TAG_BYTES - 1 }))
          await out.write(opener.update(chunk as Buffer));
      const { size, last } = opener.finish();
      await out.write(last);
      await out.sync();
      await out.close();
      await rename(temp, target);
      await deps.store.finishUpload(upload.uploadId, {
        sha256: upload.sha256,
        size,
        stationId: device.stationId,
        deviceId: device.deviceId,
        contentType: upload.contentType,
        storedAt: deps.now(),
      });
      await rm(part, { force: true });
    } catch (e) {
      await out.close().catch(() => {});
      throw e;
    }
  } catch (e) {
    await rm(temp, { force: true });
    await rm(part, { force: true });
    await deps.store.deleteUpload(upload.uploadId);
    throw e;
  }
}
