import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { encryptBlob, encryptedBlobSize, sha256Hex } from '../sync-protocol/blobCipher';
import { encodeUploadMetadata } from '../sync-protocol/tusMetadata';
import type { RunningPlatform } from './platform';
import { enrolClient, tempPlatform } from './testClient/fixtures';
import { request } from './testClient/http';
import { describeStores } from './testing/stores';

/**
 * Expired sessions and uploads do not pile up: the platform's sweeper (every `sweepIntervalMs`,
 * on the platform's clock — a fake one here) deletes them, with the partial files of unfinished
 * uploads and partial files no upload names any more. Counted in the store's own tables.
 */
describeStores('platform sweeper', (store) => {
  let clock = Date.parse('2026-12-01T02:00:00Z');
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  let pgUrl: string | undefined;
  beforeAll(async () => {
    ({ platform, cleanup, dataDir, pgUrl } = await tempPlatform(
      { now: () => clock, timing: { sessionTtlSeconds: 600, uploadTtlSeconds: 3600 }, guards: { sweepIntervalMs: 100 } },
      store,
    ));
  });
  afterAll(() => cleanup());

  async function count(table: 'sessions' | 'uploads'): Promise<number> {
    if (pgUrl) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      } finally {
        await client.end();
      }
    }
    const db = new Database(join(dataDir, 'platform.sqlite'), { readonly: true });
    try {
      return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const parts = () => readdirSync(join(dataDir, 'uploads')).sort();

  it('deletes expired sessions, expired uploads and their partial files, and old orphaned partial files; nothing live', async () => {
    const client = await enrolClient(platform, 'ST-SWEEP');
    const token = await client.session();
    const headers = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
    const plain = randomBytes(30_000);
    const sha256 = sha256Hex(plain);
    const created = await request(`${platform.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'Upload-Length': String(encryptedBlobSize(plain.length)),
        'Upload-Metadata': encodeUploadMetadata({ sha256, size: String(plain.length), cipher: client.suite.blobCipher }),
      },
    });
    const path = String(created.headers['location']);
    const cipher = encryptBlob(plain, client.blobKey(sha256, 'up'));
    const patched = await request(`${platform.url}${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
      body: cipher.subarray(0, 10_000),
    });
    expect(patched.status).toBe(204);
    const partial = `${path.split('/').at(-1)}.part`;
    // A partial file no upload names (a crash between file and row): an old one and a fresh one.
    const oldOrphan = join(dataDir, 'uploads', 'AAAAAAAAAAAAAAAAAAAAAA.part');
    const freshOrphan = join(dataDir, 'uploads', 'BBBBBBBBBBBBBBBBBBBBBB.part');
    writeFileSync(oldOrphan, randomBytes(100));
    writeFileSync(freshOrphan, randomBytes(100));
    const twoDaysAgo = (Date.now() - 2 * 86_400_000) / 1000;
    utimesSync(oldOrphan, twoDaysAgo, twoDaysAgo);
    await vi.waitFor(() => expect(existsSync(oldOrphan)).toBe(false), { timeout: 3000 });
    expect(parts()).toEqual([partial, 'BBBBBBBBBBBBBBBBBBBBBB.part'].sort());
    expect([await count('sessions'), await count('uploads')]).toEqual([1, 1]);

    // The session expires (10 min), then the upload (1 h): each goes at the next sweep.
    clock += 601_000;
    await vi.waitFor(async () => expect(await count('sessions')).toBe(0), { timeout: 3000 });
    expect(await count('uploads')).toBe(1);
    expect(parts()).toContain(partial);
    clock += 3000_000;
    // The row goes in the store's transaction and the partial file just after it: wait for both.
    await vi.waitFor(async () => expect([await count('uploads'), parts()]).toEqual([0, ['BBBBBBBBBBBBBBBBBBBBBB.part']]), {
      timeout: 3000,
    });
    // The device opens a new session, starts again from zero and finishes.
    await client.session();
    const report = await client.uploadBlob(plain);
    expect(report.patchOffsets).toEqual([0]);
    expect((await platform.admin.blobs()).map((b) => b.sha256)).toContain(sha256);
  });

  it('deletes blob files no row of any station holds and leftover temporary files, once older than an upload lifetime; a held or fresh one stays', async () => {
    const client = await enrolClient(platform, 'ST-SWEEP-B');
    await client.session();
    const held = randomBytes(5_000);
    await client.uploadBlob(held);
    const file = (sha: string, suffix = '') => {
      mkdirSync(join(dataDir, 'blobs', sha.slice(0, 2)), { recursive: true });
      return join(dataDir, 'blobs', sha.slice(0, 2), `${sha}${suffix}`);
    };
    const heldFile = file(sha256Hex(held));
    expect(existsSync(heldFile)).toBe(true);
    // Left by a filing or an upload cut between file and row: an old orphan, a fresh one, an old temporary file.
    const oldOrphan = file(sha256Hex(randomBytes(64)));
    const freshOrphan = file(sha256Hex(randomBytes(64)));
    const oldTemp = file(sha256Hex(randomBytes(64)), '.oa-cut.tmp');
    for (const f of [oldOrphan, freshOrphan, oldTemp]) writeFileSync(f, randomBytes(100));
    const twoDaysAgo = (Date.now() - 2 * 86_400_000) / 1000;
    for (const f of [oldOrphan, oldTemp, heldFile]) utimesSync(f, twoDaysAgo, twoDaysAgo);

    await vi.waitFor(() => expect([existsSync(oldOrphan), existsSync(oldTemp)]).toEqual([false, false]), { timeout: 3000 });
    expect([existsSync(heldFile), existsSync(freshOrphan)]).toEqual([true, true]);
    expect((await platform.admin.sweep()).blobFiles).toBe(0);
  });
});
