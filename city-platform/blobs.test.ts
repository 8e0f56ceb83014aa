import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptBlob, encryptedBlobSize, sha256Hex } from '../sync-protocol/blobCipher';
import { encodeUploadMetadata } from '../sync-protocol/tusMetadata';
import { startLinkProxy, type LinkProxy } from '../tools/linkProxy/proxy';
import type { CutMode } from '../tools/linkProxy/options';
import type { RunningPlatform } from './platform';
import { describeStores } from './testing/stores';
import { enrolClient, tempPlatform } from './testClient/fixtures';
import { request } from './testClient/http';
import type { TestClient } from './testClient/client';
import { decryptBlob } from '../sync-protocol/blobCipher';

describeStores('platform blobs', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  let pgUrl: string | undefined;
  beforeAll(async () => {
    ({ platform, cleanup, dataDir, pgUrl } = await tempPlatform({}, store));
  });
  afterAll(() => cleanup());

  /** A proxy that cuts the first connection whose upstream bytes pass `at`, and no other. */
  async function cuttingProxy(at: number, mode: CutMode, bytesPerSecond?: number): Promise<LinkProxy> {
    const proxy: LinkProxy = await startLinkProxy({
      target: { port: platform.port },
      ...(bytesPerSecond ? { up: { bytesPerSecond, burstBytes: 16_384 } } : {}),
      // Faults are asked for when a connection arrives, after `proxy` is assigned.
      faults: () => (proxy.stats().cuts === 0 ? { cutUpAfter: at, cutMode: mode } : undefined),
    });
    return proxy;
  }

  async function uploadThroughCut(mode: CutMode, size: number, cutAt: number, bytesPerSecond?: number) {
    const proxy = await cuttingProxy(cutAt, mode, bytesPerSecond);
    try {
      const client = await enrolClient(platform, 'ST-BLOB', proxy.url);
      await client.session();
      const plain = randomBytes(size);
      const report = await client.uploadBlob(plain);
      const stats = proxy.stats();
      const cutConnection = stats.perConnection.find((c) => c.cut)!;
      return { client, plain, report, stats, cutConnection };
    } finally {
      await proxy.close();
    }
  }

  /**
   * Body bytes of the cut PATCH that crossed the proxy but were not kept by the platform (= bytes
   * sent twice). The PATCH header size is taken from the second, complete PATCH connection, whose
   * body size is known exactly; the two header blocks differ only in the digits of Upload-Offset.
   */
  function resentAfterCut(stats: ReturnType<LinkProxy['stats']>, length: number, offsets: number[]): number {
    const [first, second] = offsets as [number, number];
    const patches = stats.perConnection.filter((c) => c.bytesUp > 5000);
    const [cut, resumed] = patches as [(typeof patches)[0], (typeof patches)[0]];
    const secondHeader = resumed.bytesUp - (length - second);
    const firstHeader = secondHeader - String(second).length + String(first).length;
    return cut.bytesUp - firstHeader - (second - first);
  }

  describe('blobs over tus', () => {
    it('resumes after a cut without resending the bytes that arrived (counted at the proxy)', async () => {
      const size = 600_000;
      const { plain, report, stats, cutConnection, client } = await uploadThroughCut('close', size, 250_000);
      const length = encryptedBlobSize(size);
      expect(cutConnection.cut).toMatchObject({ direction: 'up', atByte: 250_000 });
      expect(report.attempts).toBe(2);
      expect(report.patchOffsets[1]).toBeGreaterThan(249_000);
      const resent = resentAfterCut(stats, length, report.patchOffsets);
      expect(resent).toBe(0);
      // Everything that crossed the proxy upward: the ciphertext once, plus headers of ~8 small requests.
      expect(stats.bytesUp - length).toBeLessThan(12_000);
      console.log(
        `tus resume (close at 250000 B): resent ${resent} B, upstream overhead ${stats.bytesUp - length} B over ${stats.connections} connections`,
      );
      const stored = await platform.admin.blobs();
      expect(stored.find((b) => b.sha256 === sha256Hex(plain))?.size).toBe(size);
      // And it is never sent again.
      client.baseUrl = platform.url;
      const again = await client.uploadBlob(plain);
      expect(again).toMatchObject({ skipped: true, attempts: 0, bytesOffered: 0 });
    });

    it('after a reset, resends at most what was in flight', async () => {
      // A reset discards what sits unread in the platform's socket buffer, so the figure depends on
      // how far the reader lags; at a line rate the platform keeps up with, that is almost nothing.
      const size = 500_000;
      const { report, stats } = await uploadThroughCut('reset', size, 250_000, 1_000_000);
      const resent = resentAfterCut(stats, encryptedBlobSize(size), report.patchOffsets);
      console.log(`tus resume (reset at 250000 B, 8 Mbit/s): resent ${resent} B, resumed at ${report.patchOffsets[1]}`);
      expect(report.attempts).toBe(2);
      expect(resent).toBeLessThanOrEqual(64 * 1024);
    });

    it('takes an upload over from a dead connection the platform has not noticed (blackhole)', async () => {
      const proxy = await cuttingProxy(120_000, 'blackhole');
      try {
        const client = await enrolClient(platform, 'ST-BLOB', proxy.url);
        await client.session();
        const plain = randomBytes(400_000);
        const started = Date.now();
        // The PATCH hangs at 120 kB and times out on the client; the next HEAD takes the upload over.
        const report = await client.uploadBlob(plain, { timeoutMs: 1500 });
        expect(report.attempts).toBe(2);
        expect(report.patchOffsets[1]).toBeGreaterThan(119_000);
        expect(Date.now() - started).toBeLessThan(6000);
        expect((await platform.admin.blobs()).some((b) => b.sha256 === report.sha256)).toBe(true);
      } finally {
        await proxy.close();
      }
    });

    it('refuses bytes that do not match the sha256 in Upload-Metadata', async () => {
      const client = await enrolClient(platform, 'ST-BLOB');
      const token = await client.session();
      const plain = randomBytes(5000);
      const claimed = sha256Hex(Buffer.from('something else entirely'));
      // Encrypted correctly for the claimed hash, but the plaintext is different.
      const body = encryptBlob(plain, client.blobKey(claimed, 'up'));
      const headers = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
      const created = await request(`${platform.url}/v1/uploads`, {
        method: 'POST',
        headers: {
          ...headers,
          'Upload-Length': String(body.length),
          'Upload-Metadata': encodeUploadMetadata({ sha256: claimed, size: '5000', cipher: client.suite.blobCipher }),
        },
      });
      expect(created.status).toBe(201);
      const url = `${platform.url}${String(created.headers['location'])}`;
      const patched = await request(url, {
        method: 'PATCH',
        headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
        body,
      });
      expect(patched.status).toBe(460);
      expect(JSON.parse(patched.body.toString()).code).toBe('SYNC_BLOB_HASH_MISMATCH');
      expect(await client.hasBlob(claimed)).toBe(false);
      expect((await request(url, { method: 'HEAD', headers })).status).toBe(404);
    });

    it('answers 409 with the real offset to a PATCH from the wrong offset', async () => {
      const client = await enrolClient(platform, 'ST-BLOB');
      const token = await client.session();
      const headers = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
      const sha256 = sha256Hex(Buffer.from('x'));
      const created = await request(`${platform.url}/v1/uploads`, {
        method: 'POST',
        headers: {
          ...headers,
          'Upload-Length': '17',
          'Upload-Metadata': encodeUploadMetadata({ sha256, size: '1', cipher: client.suite.blobCipher }),
        },
      });
      const url = `${platform.url}${String(created.headers['location'])}`;
      const wrong = await request(url, {
        method: 'PATCH',
        headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '5' },
        body: Buffer.alloc(12),
      });
      expect(wrong.status).toBe(409);
      expect(wrong.headers['upload-offset']).toBe('0');
      expect(
        (
          await request(url, {
            method: 'PATCH',
            headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
            body: Buffer.alloc(1),
          })
        ).status,
      ).toBe(204);
    });

    it('resumes after a platform restart, and serves the blob to another counter of the station', async () => {
      const client = await enrolClient(platform, 'ST-BLOB');
      const plain = randomBytes(300_000);
      // First try: cut by a proxy after ~100 KB, then the platform restarts on the same data.
      const proxy = await cuttingProxy(100_000, 'close');
      client.baseUrl = proxy.url;
      await client.session();
      await expect(client.uploadBlob(plain, { attempts: 1 })).rejects.toThrow(/not finished after 1/);
      await proxy.close();
      // A HEAD takes the upload's lock, so it waits until the cut PATCH has written what arrived
      // (with an async store, the handler may still be at it when the client sees the cut).
      client.baseUrl = platform.url;
      const cutUrl = client.uploadUrls.get(sha256Hex(plain))!.replace(/^http:\/\/127\.0\.0\.1:\d+/, platform.url);
      const before = await request(cutUrl, {
        method: 'HEAD',
        headers: { Authorization: `Bearer ${await client.session()}`, 'Tus-Resumable': '1.0.0' },
      });
      expect(Number(before.headers['upload-offset'])).toBeGreaterThan(99_000);
      await platform.stop();
      ({ platform } = await tempPlatform({ dataDir, ...(pgUrl ? { pgUrl } : {}) }));
      client.baseUrl = platform.url;
      const url = client.uploadUrls.get(sha256Hex(plain))!;
      client.uploadUrls.set(sha256Hex(plain), url.replace(/^http:\/\/127\.0\.0\.1:\d+/, platform.url));
      const report = await client.uploadBlob(plain);
      expect(report.attempts).toBe(1);
      expect(report.patchOffsets[0]).toBeGreaterThan(99_000);

      const counter3: TestClient = await enrolClient(platform, 'ST-BLOB');
      const token = await counter3.session();
      const sha256 = sha256Hex(plain);
      const got = await request(`${platform.url}/v1/blobs/${sha256}`, { method: 'GET', headers: { Authorization: `Bearer ${token}` } });
      expect(got.status).toBe(200);
      const key = counter3.blobKey(sha256, 'down');
      expect(decryptBlob(got.body, key).equals(plain)).toBe(true);
      const tail = await request(`${platform.url}/v1/blobs/${sha256}`, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}`, Range: 'bytes=200000-' },
      });
      expect(tail.status).toBe(206);
      expect(tail.body.equals(got.body.subarray(200_000))).toBe(true);
      // Other stations cannot fetch it.
      const stranger = await enrolClient(platform, 'ST-OTHER');
      const denied = await request(`${platform.url}/v1/blobs/${sha256}`, {
        method: 'GET',
        headers: { Authorization: `Bearer ${await stranger.session()}` },
      });
      expect(denied.status).toBe(404);
    });
  });

  describe('expired uploads', () => {
    it('an expired upload answers 404 and the client restarts it cleanly', async () => {
      let clock = Date.now();
      const own = await tempPlatform({ now: () => clock, timing: { uploadTtlSeconds: 60 } }, store);
      try {
        const proxy: LinkProxy = await startLinkProxy({
          target: { port: own.platform.port },
          faults: () => (proxy.stats().cuts === 0 ? { cutUpAfter: 50_000, cutMode: 'close' } : undefined),
        });
        const client = await enrolClient(own.platform, 'ST-EXP', proxy.url);
        await client.session();
        const plain = randomBytes(120_000);
        await expect(client.uploadBlob(plain, { attempts: 1 })).rejects.toThrow(/not finished/);
        await proxy.close();
        const staleUrl = client.uploadUrls.get(sha256Hex(plain))!.replace(proxy.url, own.platform.url);
        client.uploadUrls.set(sha256Hex(plain), staleUrl);
        client.baseUrl = own.platform.url;
        clock += 61_000;
        const head = await request(staleUrl, {
          method: 'HEAD',
          headers: { Authorization: `Bearer ${await client.session()}`, 'Tus-Resumable': '1.0.0' },
        });
        expect(head.status).toBe(404);
        const report = await client.uploadBlob(plain);
        expect(report.patchOffsets).toEqual([0]);
        expect(client.uploadUrls.get(sha256Hex(plain))).not.toBe(staleUrl);
        expect((await own.platform.admin.blobs()).map((b) => b.size)).toEqual([120_000]);
      } finally {
        await own.cleanup();
      }
    });
  });
});
