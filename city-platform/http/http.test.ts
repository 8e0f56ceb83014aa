import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../platform';
import { enrolClient, newCase, tempPlatform } from '../testClient/fixtures';

/**
 * The HTTP layer on the wire, byte for byte where it matters: what the router answers before any
 * route runs (404 for unknown paths and for known paths with another method, 426 for another
 * protocol version, no automatic HEAD), typed error bodies, body limits, keep-alive, and silence
 * when a request is cut. Raw sockets, so nothing between the test and the platform interprets.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Split raw answers; an answer to HEAD has no body, whatever its Content-Length says. */
function parse(raw: string, head = false): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = raw;
  while (rest.length) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`incomplete answer: ${JSON.stringify(rest)}`);
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
    const length = head ? 0 : Number(headers['content-length'] ?? 0);
    const body = Buffer.from(rest.slice(end + 4, end + 4 + length), 'latin1').toString('utf8');
    answers.push({ status: Number(statusLine!.split(' ')[1]), headers, body });
    rest = rest.slice(end + 4 + length);
  }
  return answers;
}

/** Write `parts` (a string is sent as is) on one connection, half-close if asked, and collect everything until the platform closes. */
function exchange(port: number, parts: (string | Buffer)[], options: { halfClose?: boolean; idleMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const idle = setTimeout(() => socket.destroy(), options.idleMs ?? 1500);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(idle);
      resolve(Buffer.concat(chunks).toString('latin1')); // one char per byte, so Content-Length slices
    });
    socket.on('connect', () => {
      for (const p of parts) socket.write(p);
      if (options.halfClose) socket.end();
    });
  });
}

const req = (line: string, headers: Record<string, string> = {}, body = ''): string =>
  `${line} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`;

describe('platform HTTP layer on the wire', () => {
  let platform: RunningPlatform;
  let cleanup: () => Promise<void>;
  const one = async (request: string): Promise<RawAnswer> => {
    const answers = parse(await exchange(platform.port, [request]), request.startsWith('HEAD '));
    expect(answers).toHaveLength(1);
    return answers[0]!;
  };
  const typed = (a: RawAnswer) =>
    JSON.parse(a.body) as { code: string; message: string; messageEn: string; details?: Record<string, unknown> };

  beforeAll(async () => {
    ({ platform, cleanup } = await tempPlatform({ limits: { maxBundleBytes: 4096 } }));
  });
  afterAll(() => cleanup());

  it('answers an unknown path with a typed 404 and the protocol headers', async () => {
    const a = await one(req('GET /v1/nothing'));
    expect(a.status).toBe(404);
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(a.headers['jiuzhu-protocol']).toBe('1');
    expect(a.headers['cache-control']).toBe('no-store');
    expect(Number(a.headers['jiuzhu-server-time'])).toBeGreaterThan(Date.now() - 60_000);
    expect(typed(a)).toMatchObject({ code: 'NOT_FOUND', messageEn: 'Not found.' });
    expect(typed(a).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers a known path with another method as not found (no 405), and makes no HEAD of a GET', async () => {
    for (const line of [
      'DELETE /v1/platform',
      'PUT /v1/bundles',
      'GET /v1/bundles',
      'POST /v1/platform',
      'HEAD /v1/platform',
      'GET /v1/platform/',
    ]) {
      const a = await one(req(line));
      expect({ line, status: a.status }).toEqual({ line, status: 404 });
      if (!line.startsWith('HEAD')) expect(typed(a).code).toBe('NOT_FOUND');
    }
    const ok = await one(req('GET /v1/platform?x=1'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ protocol: 1, platformId: platform.info().platformId });
  });

  it('refuses another protocol version before routing, on known and unknown paths', async () => {
    for (const line of ['GET /v1/platform', 'GET /v1/nothing', 'GET /v1/uploads/%zz', 'POST /v1/bundles']) {
      const a = await one(req(line, { 'Jiuzhu-Protocol': '2' }, line.startsWith('POST') ? 'xx' : ''));
      expect(a.status).toBe(426);
      expect(typed(a)).toMatchObject({ code: 'SYNC_PROTOCOL_UNSUPPORTED' });
    }
  });

  it('matches ids only where their pattern allows; bad or overlong paths are typed 404s', async () => {
    const sha = 'ab'.repeat(32);
    // The route exists: a HEAD without a session is refused by the route (401), not the router.
    expect((await one(req(`HEAD /v1/blobs/${sha}`))).status).toBe(401);
    expect((await one(req(`GET /v1/blobs/${sha}`))).status).toBe(401);
    for (const path of [
      `/v1/blobs/${sha.toUpperCase()}`,
      `/v1/blobs/${sha}0`,
      `/v1/uploads/${'a'.repeat(21)}`,
      '/v1/uploads/%zz',
      `/admin/cases/${'x'.repeat(150)}`,
    ]) {
      const a = await one(req(`GET ${path}`));
      expect({ path, status: a.status, code: typed(a).code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    // A case's blob: the case id arrives decoded; a bad escape or an overlong id matches no route.
    const caseBlob = await one(req(`GET /v1/cases/CASE%3A1/blobs/${sha}`));
    expect([caseBlob.status, typed(caseBlob).code]).toEqual([401, 'SYNC_SESSION_EXPIRED']);
    for (const id of ['%zz', 'x'.repeat(65)]) expect((await one(req(`GET /v1/cases/${id}/blobs/${sha}`))).status).toBe(404);
    const patch = await one(req(`PATCH /v1/uploads/${'a'.repeat(22)}`, { 'Tus-Resumable': '1.0.0' }));
    expect([patch.status, typed(patch).code]).toEqual([401, 'SYNC_SESSION_EXPIRED']);
    const admin = await one(req(`POST /admin/devices/dev_${'a'.repeat(26)}/revoke`));
    expect([admin.status, typed(admin).code]).toEqual([403, 'SYNC_ADMIN_FORBIDDEN']);
    const adminBad = await one(req(`POST /admin/devices/dev_${'a'.repeat(25)}/revoke`));
    expect([adminBad.status, typed(adminBad).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('reads bodies whatever their Content-Type says, and refuses oversized ones with a typed 413', async () => {
    const junk = 'not a sealed message';
    // Bundles are read only with a live session (§8): these come with one.
    const session = `Bearer ${await (await enrolClient(platform, 'ST-HTTP')).session()}`;
    for (const type of ['garbage', 'application/json', 'application/vnd.jiuzhu.sealed', 'text/plain; charset=utf-8']) {
      const a = await one(req('POST /v1/bundles', { 'Content-Type': type, Authorization: session }, junk));
      expect({ type, status: a.status, code: typed(a).code }).toEqual({ type, status: 400, code: 'SYNC_BUNDLE_MALFORMED' });
    }
    const noType = await one(req('POST /v1/devices', {}, '{"claim":1}'));
    expect([noType.status, typed(noType).code]).toEqual([400, 'INVALID_INPUT']);
    // Declared too large: refused before reading.
    const declared = await one(
      `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${session}\r\nContent-Length: 5000\r\n\r\n`,
    );
    expect([declared.status, typed(declared).code, typed(declared).details]).toEqual([413, 'SYNC_BODY_TOO_LARGE', undefined]);
    // Chunked, found too large while reading (a registration: 16 KiB).
    const chunk = 'y'.repeat(9000);
    const counted = parse(
      await exchange(platform.port, [
        `POST /v1/devices HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n`,
        `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
        `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
      ]),
    );
    expect([counted[0]!.status, typed(counted[0]!).code]).toEqual([413, 'SYNC_BODY_TOO_LARGE']);
    const pull = await one(
      `POST /v1/pull HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: ${session}\r\nContent-Length: ${16 * 1024 + 1}\r\n\r\n`,
    );
    expect([pull.status, typed(pull).code]).toEqual([413, 'SYNC_BODY_TOO_LARGE']);
  });

  it('answers nothing to a request cut mid-body or mid-headers (the client retries), and keeps connections alive', async () => {
    expect(
      await exchange(platform.port, [`POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"claim":`], { halfClose: true }),
    ).toBe('');
    // A bundle of an enrolled device cut after its header has passed the session and sender checks: silence too.
    const client = await enrolClient(platform, 'ST-HTTP');
    const bundle = client.bundle([newCase(client, 'C-CUT', 1)]).bytes;
    const half = bundle.subarray(0, Math.floor(bundle.length / 2));
    const auth = `Authorization: Bearer ${await client.session()}`;
    expect(
      await exchange(platform.port, [`POST /v1/bundles HTTP/1.1\r\nHost: x\r\n${auth}\r\nContent-Length: ${bundle.length}\r\n\r\n`, half], {
        halfClose: true,
      }),
    ).toBe('');
    expect(await exchange(platform.port, [`POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Le`], { halfClose: true })).toBe('');
    const keepAlive = (line: string) => `${line} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const answers = parse(
      await exchange(platform.port, [keepAlive('GET /v1/platform'), keepAlive('GET /v1/nothing'), req('GET /v1/platform')]),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 404, 200]);
    expect(answers[0]!.headers['connection']).toBe('keep-alive');
    expect(answers[0]!.headers['keep-alive']).toBe('timeout=30');
  });
});
