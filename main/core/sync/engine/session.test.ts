import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { engineFixture, registerWith } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * The platform reads a bundle or a pull only with the sender's live session (docs §8). The engine
 * sends its session with both, and when the platform answers 401 SYNC_SESSION_EXPIRED (the
 * session's lifetime passed on the platform's clock) it opens a new one and resends the same bytes.
 */
describe('sync engine: bundles and pulls go with the session', () => {
  it('sends the session with bundles and pulls; an expired one is reopened and the same bundle bytes sent again, applied once', async () => {
    let offset = 0;
    const p = await tempPlatform({ now: () => Date.now() + offset, timing: { sessionTtlSeconds: 600 } });
    cleanups.push(p.cleanup);
    const f = engineFixture();
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-SESSION');
    const seen: Array<{ line: string; authorization?: string; body?: Buffer }> = [];
    const http = f.engine.http;
    const original = http.request.bind(http);
    http.request = async (url, input) => {
      const answer = await original(url, input);
      const path = new URL(url).pathname;
      seen.push({
        line: `${input.method} ${path} ${answer.status}`,
        ...(input.headers?.['Authorization'] ? { authorization: input.headers['Authorization'] } : {}),
        ...(Buffer.isBuffer(input.body) && path === '/v1/bundles' ? { body: input.body } : {}),
      });
      return answer;
    };

    f.enqueueCase('S-1', 1);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    const first = seen.filter((s) => s.line.startsWith('POST'));
    expect(first.map((s) => s.line)).toEqual(['POST /v1/session 200', 'POST /v1/bundles 200', 'POST /v1/pull 200']);
    const token = first[1]!.authorization;
    expect(token).toMatch(/^Bearer [A-Za-z0-9_-]{43}$/);
    expect(first[2]!.authorization).toBe(token);

    // The platform's clock passes the session's 600 s before the next run.
    offset = 601_000;
    f.enqueueCase('S-2', 2);
    seen.length = 0;
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect(seen.map((s) => s.line)).toEqual(['POST /v1/bundles 401', 'POST /v1/session 200', 'POST /v1/bundles 200', 'POST /v1/pull 200']);
    const [refused, , resent] = seen;
    expect(refused!.authorization).toBe(token);
    expect(resent!.authorization).not.toBe(token);
    expect(resent!.body!.equals(refused!.body!)).toBe(true);
    const held = await p.platform.admin.records();
    expect(held.map((r) => r.caseId).sort()).toEqual(['S-1', 'S-2']);
  });
});
