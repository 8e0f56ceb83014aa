import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decryptBlob, encryptBlob, encryptedBlobSize, sha256Hex } from '../sync-protocol/blobCipher';
import { encodeUploadMetadata } from '../sync-protocol/tusMetadata';
import type { RunningPlatform } from './platform';
import type { TestClient } from './testClient/client';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { request } from './testClient/http';
import { describeStores } from './testing/stores';

/**
 * One station must never reach another station's blobs. The attacker is an enrolled device of
 * station ST-EVIL that learnt the SHA-256 of a scan held by ST-GOOD (a hash is not a secret: it is
 * printed on documents, logged, guessable for a known file). It tries the three ways in: naming the
 * hash in a `document.meta` of its own case and downloading it, asking HEAD /v1/blobs/{sha}, and
 * creating an upload of the hash (which used to be "stored" with no byte sent).
 */
describeStores('platform: blobs are scoped to the station that sent them', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  let good: TestClient;
  let evil: TestClient;
  const secret = Buffer.concat([Buffer.from('%PDF-1.4\n户口簿 王小文\n'), randomBytes(40_000)]);
  const sha256 = sha256Hex(secret);
  const ref = (sha: string, size: number) => ({
    sha256: sha,
    kind: 'document-scan',
    role: 'material',
    ref: 'hukou',
    page: 0,
    size,
    contentType: 'application/pdf',
    addedAt: '2026-11-29T09:30:00+08:00',
  });
  const meta = (client: TestClient, caseId: string, sha: string, size: number) =>
    client.record({ kind: 'document.meta', caseId, blobs: [sha], body: { caseId, attachments: [ref(sha, size)] } });
  const bearer = async (client: TestClient) => ({ Authorization: `Bearer ${await client.session()}`, 'Tus-Resumable': '1.0.0' });

  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
    good = await enrolClient(platform, 'ST-GOOD');
    await good.push([newCase(good, 'C-GOOD', 1), meta(good, 'C-GOOD', sha256, secret.length)]);
    expect((await good.uploadBlob(secret, { contentType: 'application/pdf' })).skipped).toBe(false);
    evil = await enrolClient(platform, 'ST-EVIL');
  });
  afterAll(() => cleanup());

  it('a document.meta naming another station’s hash does not let its case download the bytes', async () => {
    const { result } = await evil.push([newCase(evil, 'C-EVIL', 2), meta(evil, 'C-EVIL', sha256, secret.length)]);
    expect(result.answers.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
    const got = await request(`${platform.url}/v1/cases/C-EVIL/blobs/${sha256}`, { method: 'GET', headers: await bearer(evil) });
    const key = evil.blobKey(sha256, 'down');
    const stolen = got.status === 200 ? decryptBlob(got.body, key) : undefined;
    expect({ status: got.status, stolen: stolen?.subarray(0, 9).toString() }).toEqual({ status: 404, stolen: undefined });
    // The answer does not even say the platform holds it: for this station it is missing.
    expect(result.answers[1]?.missingBlobs).toEqual([sha256]);
    const direct = await request(`${platform.url}/v1/blobs/${sha256}`, { method: 'GET', headers: await bearer(evil) });
    expect(direct.status).toBe(404);
  });

  it('HEAD /v1/blobs/{sha} answers only for the asking device’s station', async () => {
    expect((await request(`${platform.url}/v1/blobs/${sha256}`, { method: 'HEAD', headers: await bearer(evil) })).status).toBe(404);
    const own = await request(`${platform.url}/v1/blobs/${sha256}`, { method: 'HEAD', headers: await bearer(good) });
    expect([own.status, own.headers['jiuzhu-blob-size']]).toEqual([200, String(secret.length)]);
  });

  it('creating an upload of another station’s hash is not "stored": the bytes must be sent, and wrong bytes are refused', async () => {
    const headers = await bearer(evil);
    const length = encryptedBlobSize(secret.length);
    const created = await request(`${platform.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'Upload-Length': String(length),
        'Upload-Metadata': encodeUploadMetadata({ sha256, size: String(secret.length), cipher: evil.suite.blobCipher }),
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers['jiuzhu-blob-status']).toBe('partial');
    expect(created.headers['upload-offset']).toBe('0');
    const url = `${platform.url}${String(created.headers['location'])}`;
    const head = await request(url, { method: 'HEAD', headers });
    expect([head.headers['jiuzhu-blob-status'], head.headers['upload-offset']]).toEqual(['partial', '0']);
    // Bytes it does not have (the right length, encrypted for the claimed hash) fail the hash check.
    const guess = encryptBlob(randomBytes(secret.length), evil.blobKey(sha256, 'up'));
    const patched = await request(url, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
      body: guess,
    });
    expect([patched.status, JSON.parse(patched.body.toString()).code]).toEqual([460, 'SYNC_BLOB_HASH_MISMATCH']);
    expect((await request(`${platform.url}/v1/cases/C-EVIL/blobs/${sha256}`, { method: 'GET', headers })).status).toBe(404);
    expect((await platform.admin.blobs()).filter((b) => b.sha256 === sha256).map((b) => b.stationId)).toEqual(['ST-GOOD']);
  });

  it('a station that really has the same bytes proves it by sending them, and its own blobs work as before', async () => {
    const other = await enrolClient(platform, 'ST-OTHER');
    const { result } = await other.push([newCase(other, 'C-OTHER', 3), meta(other, 'C-OTHER', sha256, secret.length)]);
    expect(result.answers[1]?.missingBlobs).toEqual([sha256]);
    const report = await other.uploadBlob(secret, { contentType: 'application/pdf' });
    expect([report.skipped, report.patchOffsets]).toEqual([false, [0]]);
    const got = await request(`${platform.url}/v1/cases/C-OTHER/blobs/${sha256}`, { method: 'GET', headers: await bearer(other) });
    expect(got.status).toBe(200);
    const key = other.blobKey(sha256, 'down');
    expect(decryptBlob(got.body, key).equals(secret)).toBe(true);
    expect(
      (await platform.admin.blobs())
        .filter((b) => b.sha256 === sha256)
        .map((b) => b.stationId)
        .sort(),
    ).toEqual(['ST-GOOD', 'ST-OTHER']);
    // A second counter of ST-OTHER finds it held (HEAD) and skips the upload.
    const second = await enrolClient(platform, 'ST-OTHER');
    expect((await second.uploadBlob(secret)).skipped).toBe(true);
    // ST-EVIL still gets nothing, and ST-GOOD's own download is untouched.
    expect((await request(`${platform.url}/v1/cases/C-EVIL/blobs/${sha256}`, { method: 'GET', headers: await bearer(evil) })).status).toBe(
      404,
    );
    const mine = await request(`${platform.url}/v1/cases/C-GOOD/blobs/${sha256}`, { method: 'GET', headers: await bearer(good) });
    expect(mine.status).toBe(200);
  });
});
