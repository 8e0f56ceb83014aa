import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encryptedBlobSize, sha256Hex } from '../sync-protocol/blobCipher';
import { encodeUploadMetadata } from '../sync-protocol/tusMetadata';
import type { RunningPlatform } from './platform';
import type { TestClient } from './testClient/client';
import { enrolClient, tempPlatform } from './testClient/fixtures';
import { request, type HttpAnswer } from './testClient/http';
import { describeStores } from './testing/stores';

/**
 * A device cannot fill the platform's disk: at most N unfinished uploads at once, and at most so
 * many bytes a day (unfinished uploads' lengths plus the blobs it stored). Over it, a new upload
 * gets `429 SYNC_UPLOAD_QUOTA_EXCEEDED` with Retry-After; resuming its own upload, a blob its
 * station holds, and other devices are not affected.
 */
describeStores('platform: per-device upload quota', (store) => {
  let clock = Date.parse('2026-12-01T02:00:00Z');
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform(
      { now: () => clock, timing: { uploadTtlSeconds: 3600 }, guards: { maxOpenUploadsPerDevice: 2, uploadBytesPerDevicePerDay: 100_000 } },
      store,
    ));
  });
  afterAll(() => cleanup());

  async function create(client: TestClient, plain: Buffer): Promise<HttpAnswer> {
    return request(`${platform.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await client.session()}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(encryptedBlobSize(plain.length)),
        'Upload-Metadata': encodeUploadMetadata({ sha256: sha256Hex(plain), size: String(plain.length), cipher: client.suite.blobCipher }),
      },
    });
  }
  const refusal = (a: HttpAnswer) => ({
    status: a.status,
    ...(JSON.parse(a.body.toString()) as { code: string; details: { limit: string } }),
    retryAfter: a.headers['retry-after'],
  });

  it('refuses a third unfinished upload, but resumes the device’s own and lets other devices upload', async () => {
    const client = await enrolClient(platform, 'ST-Q');
    const [a, b, c] = [randomBytes(100), randomBytes(100), randomBytes(100)];
    expect((await create(client, a)).status).toBe(201);
    expect((await create(client, b)).status).toBe(201);
    const third = refusal(await create(client, c));
    expect(third).toMatchObject({
      status: 429,
      code: 'SYNC_UPLOAD_QUOTA_EXCEEDED',
      details: { limit: 'open-uploads' },
      retryAfter: '3600',
    });
    expect((third as unknown as { message: string }).message).toContain('未完成的上传 2 个，上限 2 个');
    // Its own unfinished upload is handed back, not counted again.
    const again = await create(client, a);
    expect([again.status, again.headers['jiuzhu-blob-status']]).toEqual([201, 'partial']);
    const other = await enrolClient(platform, 'ST-Q');
    expect((await other.uploadBlob(c)).skipped).toBe(false);
    // Once its uploads have expired, room is free again.
    clock += 3601_000;
    expect((await create(client, c)).status).toBe(201);
  });

  it('refuses bytes over the day’s quota until the oldest blob leaves the 24 hours; a blob its station holds is free', async () => {
    const client = await enrolClient(platform, 'ST-Q2');
    const first = randomBytes(60_000);
    expect((await client.uploadBlob(first)).skipped).toBe(false);
    const big = refusal(await create(client, randomBytes(50_000)));
    expect(big).toMatchObject({
      status: 429,
      code: 'SYNC_UPLOAD_QUOTA_EXCEEDED',
      details: { limit: 'bytes-per-day' },
      retryAfter: String(24 * 3600),
    });
    // Another counter of the station uploaded this one: the station holds it, nothing is sent or counted.
    const shared = randomBytes(45_000);
    await (await enrolClient(platform, 'ST-Q2')).uploadBlob(shared);
    const held = await create(client, shared);
    expect([held.status, held.headers['jiuzhu-blob-status']]).toEqual([201, 'stored']);
    clock += 24 * 3600_000 + 1000;
    expect((await create(client, randomBytes(50_000))).status).toBe(201);
  });
});
