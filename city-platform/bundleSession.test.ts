import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPullRequest } from '../sync-protocol/deviceCodec';
import { generatePartyKeys } from '../sync-protocol/keys';
import type { RunningPlatform } from './platform';
import { TestClient } from './testClient/client';
import { enrolClient, newCase, tempPlatform } from './testClient/fixtures';
import { bodyOf, slowSocket, statusOf } from './testClient/slowSocket';
import { describeStores } from './testing/stores';

/**
 * Bundles and pulls are read only for a device with a live session. The attacker is another
 * counter of the same station: it sees the victim's device id (station cases name the counter
 * that made them) and posts a large bundle under it, with no session, with its own session, or
 * with the victim's session after it expired. Each is answered `401 SYNC_SESSION_EXPIRED` while
 * the attacker is still sending (the platform read at most the clear-text header), the
 * connection is closed, and nothing is applied. The platform used to read all 1.9 MB first.
 */
describeStores('platform: bundles and pulls need the sender’s live session before their body is read', (store) => {
  let clock = Date.parse('2026-12-01T02:00:00Z');
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({ now: () => clock, timing: { sessionTtlSeconds: 600 } }, store));
  });
  afterAll(() => cleanup());

  const DECLARED = 1_900_000;

  /**
   * POST `path` with `head` followed by filler up to DECLARED bytes, written 32 KB at a time while
   * no answer has come; what was sent when the first answer byte arrived tells whether the
   * platform waited for the body.
   */
  async function post(path: string, head: Buffer, authorization?: string) {
    const s = await slowSocket(platform.port);
    const auth = authorization ? `Authorization: ${authorization}\r\n` : '';
    s.write(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.jiuzhu.sealed\r\n${auth}Content-Length: ${DECLARED}\r\n\r\n`,
    );
    const body = Buffer.concat([head, Buffer.alloc(DECLARED - head.length, 0x41)]);
    let answered = false;
    const first = s.firstAnswer.then((a) => {
      answered = true;
      return a;
    });
    for (let at = 0; at < body.length && !answered && !s.socket.destroyed; at += 32 * 1024) {
      s.write(body.subarray(at, at + 32 * 1024));
      await new Promise((r) => setTimeout(r, 5));
    }
    const { sentBytes } = await Promise.race([
      first,
      s.closed.then(() => {
        throw new Error(`${path}: closed without an answer`);
      }),
    ]);
    // A refusal before the body closes the connection (within the platform's 2 s linger).
    const closed = await Promise.race([s.closed.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 4000))]);
    s.socket.destroy();
    const raw = s.received();
    const answer = bodyOf(raw);
    return {
      status: statusOf(raw),
      code: answer['code'],
      reason: (answer['details'] as { reason?: string } | undefined)?.reason,
      sentBytes,
      close: closed && /\r\nconnection: close\r\n/i.test(raw),
    };
  }

  it('no session, another counter’s session, the victim’s expired session: refused while the 1.9 MB are still on their way, nothing applied', async () => {
    const victim = await enrolClient(platform, 'ST-SESS');
    const colleague = await enrolClient(platform, 'ST-SESS');
    // The attacker's bundle names the victim as its sender (it has no key of the victim's to sign with).
    const forger = new TestClient(platform.url, { ...victim.device, keys: generatePartyKeys(victim.suite) }, victim.registration);
    const forged = forger.bundle([newCase(forger, 'C-FORGED', 1)]).bytes;

    const none = await post('/v1/bundles', forged);
    expect(none).toMatchObject({ status: 401, code: 'SYNC_SESSION_EXPIRED', reason: 'missing', close: true });
    // Answered on the headers alone: at most a few of the 32 KB writes were out.
    expect(none.sentBytes).toBeLessThan(200 * 1024);

    const others = await post('/v1/bundles', forged, `Bearer ${await colleague.session()}`);
    expect(others).toMatchObject({ status: 401, code: 'SYNC_SESSION_EXPIRED', reason: 'other-device', close: true });
    expect(others.sentBytes).toBeLessThan(200 * 1024);

    const victimToken = await victim.session();
    clock += 601_000; // the victim's session is past its 600 s
    const expired = await post('/v1/bundles', forged, `Bearer ${victimToken}`);
    expect(expired).toMatchObject({ status: 401, code: 'SYNC_SESSION_EXPIRED', reason: 'unknown-or-expired', close: true });
    expect(expired.sentBytes).toBeLessThan(200 * 1024);

    const garbage = await post('/v1/bundles', forged, 'Bearer not-a-token-at-all');
    expect(garbage).toMatchObject({ status: 401, code: 'SYNC_SESSION_EXPIRED', reason: 'unknown-or-expired' });

    // The pull feed is guarded the same way, the session before even the size.
    const pull = await post('/v1/pull', buildPullRequest(forger.device, { cursor: undefined, limit: 10 }).bytes);
    expect(pull).toMatchObject({ status: 401, code: 'SYNC_SESSION_EXPIRED', reason: 'missing' });

    expect(await platform.admin.getCase('C-FORGED')).toBeUndefined();
    expect(await platform.admin.records()).toHaveLength(0);

    // The victim itself, with a session of its own (the client opens a new one on 401), is applied.
    const { result } = await victim.push([newCase(victim, 'C-VICTIM', 2)]);
    expect(result.answers.map((a) => a.status)).toEqual(['acknowledged']);
    expect((await victim.pull(undefined)).items.length).toBeGreaterThan(0);
  });

  it('a client that keeps sending after the refusal and reads it late still gets it (the platform lingers, it does not reset)', async () => {
    const s = await slowSocket(platform.port);
    s.socket.pause(); // this client reads nothing until it has sent 640 KB more
    s.write(`POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: ${DECLARED}\r\n\r\n`);
    for (let i = 0; i < 20; i++) {
      s.write(Buffer.alloc(32 * 1024, 0x41));
      await new Promise((r) => setTimeout(r, 20));
    }
    s.socket.resume();
    await s.closed;
    expect([statusOf(s.received()), bodyOf(s.received())['code']]).toEqual([401, 'SYNC_SESSION_EXPIRED']);
  });

  it('a live session of the right device gets its bundle read and opened: a forged body is then refused on its signature', async () => {
    const victim = await enrolClient(platform, 'ST-SESS2');
    const forger = new TestClient(platform.url, { ...victim.device, keys: generatePartyKeys(victim.suite) }, victim.registration);
    const forged = forger.bundle([newCase(forger, 'C-FORGED-2', 3)]).bytes;
    // With the victim's token (a TLS-intercepting proxy can see it, §8) the body is read, but the signature still does not verify.
    const s = await slowSocket(platform.port);
    s.write(
      `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${await victim.session()}\r\nContent-Length: ${forged.length}\r\n\r\n`,
    );
    s.write(forged);
    await s.closed;
    expect([statusOf(s.received()), bodyOf(s.received())['code']]).toEqual([401, 'SYNC_BUNDLE_FORGED']);
    expect(await platform.admin.getCase('C-FORGED-2')).toBeUndefined();
  });
});
