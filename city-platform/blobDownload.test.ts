import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decryptBlob, sha256Hex } from '../sync-protocol/blobCipher';
import type { RunningPlatform } from './platform';
import { parseRange } from './routes/blobDownload';
import type { TestClient } from './testClient/client';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { request } from './testClient/http';
import { describeStores } from './testing/stores';

it('Range: bytes=N- and bytes=N-M within the ciphertext; at or past the end is unsatisfiable', () => {
  expect(parseRange(undefined, 100)).toBeNull();
  expect(parseRange('bytes=10-', 100)).toEqual({ from: 10, to: 99 });
  expect(parseRange('bytes=10-19', 100)).toEqual({ from: 10, to: 19 });
  expect(parseRange('bytes=10-500', 100)).toEqual({ from: 10, to: 99 });
  expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=20-10', 100)).toBe('unsatisfiable');
  expect(parseRange('bytes=-10', 100)).toBeNull();
});

describeStores('platform: blobs of station cases (GET /v1/cases/{caseId}/blobs/{sha256})', (store) => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  let counter1: TestClient;
  const plain = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(120_000), Buffer.from('\n%%EOF\n')]);
  const sha256 = sha256Hex(plain);
  const ref = {
    sha256,
    kind: 'document-scan',
    role: 'material',
    ref: 'hukou',
    page: 0,
    size: plain.length,
    contentType: 'application/pdf',
    addedAt: '2026-11-29T09:30:00+08:00',
  };

  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({}, store));
    counter1 = await enrolClient(platform, 'ST-DL');
    const meta = (caseId: string) =>
      counter1.record({ kind: 'document.meta', caseId, blobs: [sha256], body: { caseId, attachments: [ref] } });
    const { result } = await counter1.push([
      newCase(counter1, 'C-DL', 1),
      meta('C-DL'),
      meta('C-NOT-HERE'),
      counter1.record({
        kind: 'document.meta',
        caseId: 'C-DL',
        blobs: [sha256],
        body: { caseId: 'C-DL', attachments: [{ ...ref, sha256: 'e'.repeat(64) }] },
      }),
    ]);
    expect(result.answers.map((a) => a.status)).toEqual(['acknowledged', 'acknowledged', 'rejected', 'rejected']);
    expect(result.answers[2]?.error?.message).toContain('附件所属案件尚未同步到平台');
    expect(result.answers[3]?.error?.message).toContain('document.meta blobs：与记录内容列出的附件指纹不一致');
    expect(result.answers[1]?.missingBlobs).toEqual([sha256]);
    await counter1.uploadBlob(plain, { contentType: 'application/pdf' });
  });
  afterAll(() => cleanup());

  it('feeds the references to the station and serves the blob to another counter, whole and by range, encrypted to it', async () => {
    const counter3 = await enrolClient(platform, 'ST-DL');
    const page = await counter3.pull(undefined);
    const item = page.items.find((i) => i.kind === 'attachments');
    expect(item).toMatchObject({ kind: 'attachments', caseId: 'C-DL', attachments: [ref], updatedBy: counter1.device.deviceId });
    const token = await counter3.session();
    const url = `${platform.url}/v1/cases/C-DL/blobs/${sha256}`;
    const whole = await request(url, { method: 'GET', headers: { Authorization: `Bearer ${token}` } });
    expect(whole.status).toBe(200);
    expect(whole.headers['jiuzhu-blob-size']).toBe(String(plain.length));
    expect(whole.headers['jiuzhu-blob-type']).toBe('application/pdf');
    const key = counter3.blobKey(sha256, 'down');
    expect(decryptBlob(whole.body, key).equals(plain)).toBe(true);
    const part = await request(url, { method: 'GET', headers: { Authorization: `Bearer ${token}`, Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${plain.length + 16}`);
    expect(part.body.equals(whole.body.subarray(1000, 2000))).toBe(true);
    const tail = await request(url, { method: 'GET', headers: { Authorization: `Bearer ${token}`, Range: 'bytes=100000-' } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(whole.body.subarray(100_000))).toBe(true);
    const past = await request(url, { method: 'GET', headers: { Authorization: `Bearer ${token}`, Range: `bytes=${plain.length + 16}-` } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${plain.length + 16}`);
  });

  it('another station’s device, an unknown case and an expired session get nothing', async () => {
    const stranger = await enrolClient(platform, 'ST-ELSEWHERE');
    const token = await stranger.session();
    const got = await request(`${platform.url}/v1/cases/C-DL/blobs/${sha256}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(got.status).toBe(404);
    expect(
      (
        await request(`${platform.url}/v1/cases/C-NOT-HERE/blobs/${sha256}`, {
          method: 'GET',
          headers: { Authorization: `Bearer ${await counter1.session()}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (await request(`${platform.url}/v1/cases/C-DL/blobs/${sha256}`, { method: 'GET', headers: { Authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    // The station's feed of the stranger carries no reference of ST-DL.
    expect((await stranger.pull(undefined)).items.filter((i) => i.kind === 'attachments')).toEqual([]);
  });
});
