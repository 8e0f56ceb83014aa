import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_CIPHER_ID } from '../../common/sync/blobs';
import type { Registration } from '../../common/sync/registration';
import { encryptBlob, encryptedBlobSize, sha256Hex } from '../../sync-protocol/blobCipher';
import { generatePartyKeys } from '../../sync-protocol/keys';
import { encodeUploadMetadata } from '../../sync-protocol/tusMetadata';
import { newDeviceId } from '../routes/devices';
import type { RunningPlatform } from '../platform';
import { TestClient } from '../testClient/client';
import { enrolClient, newCase, tempPlatform } from '../testClient/fixtures';
import { request } from '../testClient/http';
import { bodyOf, slowSocket, statusOf } from '../testClient/slowSocket';

/**
 * Slow and unauthenticated clients on real sockets. Timeouts are made small here (they are
 * configurable, `guards`); each test bounds its wait well below what the old platform would have
 * held the connection for (minutes), so it fails there.
 */
describe('platform resource limits on the wire', () => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  const guards = { headersTimeoutMs: 600, idleTimeoutMs: 1000, minBodyBytesPerSecond: 100, bodyWindowMs: 400, smallBodyTimeoutMs: 3000 };
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({ guards }));
  });
  afterAll(() => cleanup());

  const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms))]);

  it('closes a connection whose headers trickle in (408), however busy the trickle keeps it', async () => {
    const s = await slowSocket(platform.port);
    s.write('POST /v1/devices HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    void s.trickle('a'.repeat(100), 100);
    const closedAfter = await within(s.closed, 4000, 'slow headers');
    expect(closedAfter).toBeLessThan(2500);
    expect(statusOf(s.received())).toBe(408);
  });

  it('closes a connection that says nothing', async () => {
    const s = await slowSocket(platform.port);
    const closedAfter = await within(s.closed, 4000, 'silent connection');
    expect(closedAfter).toBeGreaterThanOrEqual(500);
    expect(closedAfter).toBeLessThan(2500);
  });

  it('cuts an unauthenticated body trickled in one byte at a time, without an answer', async () => {
    const s = await slowSocket(platform.port);
    s.write('POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{');
    void s.trickle('"'.repeat(1999), 50); // 20 B/s, under the 100 B/s the platform asks for
    const closedAfter = await within(s.closed, 4000, 'trickled body');
    expect(closedAfter).toBeLessThan(1500);
    expect(s.received()).toBe('');
    expect(s.sent()).toBeLessThan(200);
  });

  it('reads a slow but steady body to the end and answers it', async () => {
    const body = JSON.stringify({ claim: 'x'.repeat(1200) });
    const s = await slowSocket(platform.port);
    s.write(
      `POST /v1/devices HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    for (let i = 0; i < body.length; i += 150) {
      s.write(body.slice(i, i + 150)); // 1.5 KB/s over about 0.8 s: two body windows
      await new Promise((r) => setTimeout(r, 100));
    }
    await within(s.closed, 4000, 'steady body');
    expect([statusOf(s.received()), bodyOf(s.received())['code']]).toEqual([400, 'INVALID_INPUT']);
  });

  it('cuts a PATCH that stalls to a trickle, keeping the bytes that arrived for the resume', async () => {
    const client = await enrolClient(platform, 'ST-SLOW');
    const headers = { Authorization: `Bearer ${await client.session()}`, 'Tus-Resumable': '1.0.0' };
    const plain = randomBytes(20_000);
    const sha256 = sha256Hex(plain);
    const length = encryptedBlobSize(plain.length);
    const created = await request(`${platform.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'Upload-Length': String(length),
        'Upload-Metadata': encodeUploadMetadata({ sha256, size: String(plain.length), cipher: BLOB_CIPHER_ID }),
      },
    });
    const path = String(created.headers['location']);
    const cipher = encryptBlob(plain, {
      mine: client.device.keys.encryption,
      peerKey: client.device.platform.encryptionKey,
      deviceId: client.device.deviceId,
      sha256,
      direction: 'up',
    });
    const s = await slowSocket(platform.port);
    s.write(
      `PATCH ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${headers.Authorization}\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: ${length}\r\n\r\n`,
    );
    s.write(cipher.subarray(0, 5000));
    await new Promise((r) => setTimeout(r, 200));
    void s.trickle(cipher.subarray(5000), 100);
    await within(s.closed, 4000, 'stalled PATCH');
    const head = await request(`${platform.url}${path}`, { method: 'HEAD', headers });
    expect(Number(head.headers['upload-offset'])).toBeGreaterThanOrEqual(5000);
    expect(Number(head.headers['upload-offset'])).toBeLessThan(5100);
    expect((await client.uploadBlob(plain)).patchOffsets[0]).toBe(Number(head.headers['upload-offset']));
  });

  it('drops a download whose reader stopped reading, once nothing has moved for the idle timeout', async () => {
    const client = await enrolClient(platform, 'ST-SLOW');
    const plain = randomBytes(24 * 1024 * 1024); // more than loopback's socket buffers take in
    await client.uploadBlob(plain);
    const s = await slowSocket(platform.port);
    s.socket.pause(); // a client that asks and never reads
    s.write(`GET /v1/blobs/${sha256Hex(plain)} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${await client.session()}\r\n\r\n`);
    // A paused socket does not see its peer close: look once the idle timeout has long passed.
    await new Promise((r) => setTimeout(r, guards.idleTimeoutMs + 1500));
    s.socket.resume();
    await within(s.closed, 3000, 'unread download (kept open)');
    expect(s.received().length).toBeLessThan(plain.length);
  });

  describe('sealed requests are refused on their session and sender before their body is read', () => {
    /** A device with real keys the platform never enrolled. */
    const stranger = (): TestClient => {
      const info = platform.info();
      const device = {
        deviceId: newDeviceId(),
        keys: generatePartyKeys(),
        platform: { platformId: info.platformId, signingKey: info.signingKey, encryptionKey: info.encryptionKey },
      };
      return new TestClient(platform.url, device, { deviceId: device.deviceId } as Registration);
    };

    /** Send the request line, a large Content-Length and only `head`; the answer must come while the rest is unsent. */
    async function refusedEarly(path: string, head: Buffer, declared: number, authorization?: string) {
      const s = await slowSocket(platform.port);
      const auth = authorization ? `Authorization: Bearer ${authorization}\r\n` : '';
      s.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.jiuzhu.sealed\r\n${auth}Content-Length: ${declared}\r\n\r\n`,
      );
      s.write(head);
      const first = await within(s.firstAnswer, 2000, `${path}: answer before the body`);
      await new Promise((r) => setTimeout(r, 50));
      const raw = s.received();
      s.socket.destroy();
      return {
        status: statusOf(raw),
        code: bodyOf(raw)['code'],
        sentWhenAnswered: first.sentBytes,
        connection: /\r\nconnection: close\r\n/i.test(raw),
      };
    }

    it('session requests of an unknown device, a revoked device and bytes that are no sealed message: answered after ~1 KB', async () => {
      const nobody = stranger();
      const unknown = await refusedEarly('/v1/session', nobody.bundle([newCase(nobody, 'C-X', 1)]).bytes, 16_000);
      expect(unknown).toMatchObject({ status: 401, code: 'SYNC_DEVICE_UNKNOWN', connection: true });
      expect(unknown.sentWhenAnswered).toBeLessThan(8 * 1024);

      const revoked = await enrolClient(platform, 'ST-SLOW');
      await platform.admin.revokeDevice(revoked.device.deviceId);
      const gone = await refusedEarly('/v1/session', revoked.bundle([newCase(revoked, 'C-Y', 2)]).bytes, 16_000);
      expect(gone).toMatchObject({ status: 403, code: 'SYNC_DEVICE_REVOKED' });

      const junk = await refusedEarly('/v1/session', Buffer.from('GARBAGE!'.repeat(4)), 16_000);
      expect(junk).toMatchObject({ status: 400, code: 'SYNC_BUNDLE_MALFORMED' });
    });

    it('bundles and pulls: a revoked device’s session, and bytes that are no sealed message, answered after ~1 KB of a declared 1.9 MB', async () => {
      const revoked = await enrolClient(platform, 'ST-SLOW');
      const token = await revoked.session(); // opened before the revocation, still within its lifetime
      await platform.admin.revokeDevice(revoked.device.deviceId);
      const gone = await refusedEarly('/v1/bundles', revoked.bundle([newCase(revoked, 'C-Y2', 3)]).bytes, 1_900_000, token);
      expect(gone).toMatchObject({ status: 403, code: 'SYNC_DEVICE_REVOKED', connection: true });
      expect(gone.sentWhenAnswered).toBeLessThan(8 * 1024);

      const honest = await enrolClient(platform, 'ST-SLOW');
      const junk = await refusedEarly('/v1/bundles', Buffer.from('GARBAGE!'.repeat(4)), 1_900_000, await honest.session());
      expect(junk).toMatchObject({ status: 400, code: 'SYNC_BUNDLE_MALFORMED', connection: true });
      expect(await refusedEarly('/v1/pull', Buffer.from('GARBAGE!'.repeat(4)), 16_000, await honest.session())).toMatchObject({
        status: 400,
        code: 'SYNC_BUNDLE_MALFORMED',
      });
    });

    it('an enrolled device’s bundle arriving in two parts is read to the end and applied', async () => {
      const client = await enrolClient(platform, 'ST-SLOW');
      const built = client.bundle([newCase(client, 'C-PARTS', 4)]);
      const s = await slowSocket(platform.port);
      s.write(
        `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/vnd.jiuzhu.sealed\r\nAuthorization: Bearer ${await client.session()}\r\nContent-Length: ${built.bytes.length}\r\n\r\n`,
      );
      const half = Math.floor(built.bytes.length / 2);
      s.write(built.bytes.subarray(0, half));
      await new Promise((r) => setTimeout(r, 250));
      expect(s.received()).toBe('');
      s.write(built.bytes.subarray(half));
      await within(s.closed, 3000, 'bundle in parts');
      expect(statusOf(s.received())).toBe(200);
      expect((await platform.admin.getCase('C-PARTS'))?.version).toBe(1);
    });
  });
});
