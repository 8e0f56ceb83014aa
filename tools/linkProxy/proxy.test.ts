import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLinkProxy, type LinkProxy } from './proxy';

/** A sink that counts what arrives and can answer with a fixed number of bytes. */
async function sink(answerBytes = 0): Promise<{ server: Server; port: number; received: () => number; events: string[] }> {
  let received = 0;
  const events: string[] = [];
  const server = createServer({ allowHalfOpen: true }, (s) => {
    s.on('data', (d) => (received += d.length));
    s.on('end', () => {
      events.push('end');
      if (answerBytes) s.end(Buffer.alloc(answerBytes, 7));
      else s.end();
    });
    s.on('error', (e) => events.push(`error:${(e as NodeJS.ErrnoException).code}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, received: () => received, events };
}

function send(port: number, bytes: number, halfClose = true): Promise<{ got: number; error?: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let got = 0;
    const socket: Socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    socket.on('data', (d) => (got += d.length));
    socket.on('end', () => socket.end());
    socket.on('error', (e) => resolve({ got, error: (e as NodeJS.ErrnoException).code ?? 'error', ms: Date.now() - started }));
    socket.on('close', () => resolve({ got, ms: Date.now() - started }));
    socket.write(Buffer.alloc(bytes, 1));
    if (halfClose) socket.end();
  });
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});
async function setup(answer: number, options: Omit<Parameters<typeof startLinkProxy>[0], 'target'>) {
  const s = await sink(answer);
  const proxy: LinkProxy = await startLinkProxy({ target: { port: s.port }, ...options });
  cleanup.push(
    () => proxy.close(),
    () => new Promise<void>((r) => s.server.close(() => r())),
  );
  return { s, proxy };
}

describe('link proxy', () => {
  it('forwards both ways and counts the bytes', async () => {
    const { s, proxy } = await setup(5000, {});
    const result = await send(proxy.port, 100_000);
    expect(result.got).toBe(5000);
    expect(s.received()).toBe(100_000);
    expect(proxy.stats()).toMatchObject({ connections: 1, bytesUp: 100_000, bytesDown: 5000, cuts: 0 });
  });

  it('adds latency and caps the rate', async () => {
    const { proxy } = await setup(0, { up: { bytesPerSecond: 100_000, latencyMs: 150 } });
    const result = await send(proxy.port, 40_000);
    // 150 ms latency + 40 kB at 100 kB/s ≈ 0.55 s (burst allowance is 5 kB).
    expect(result.ms).toBeGreaterThanOrEqual(480);
    expect(result.ms).toBeLessThan(2000);
  });

  it('cuts after an exact number of bytes: close delivers exactly that many', async () => {
    const { s, proxy } = await setup(0, { faults: [{ cutUpAfter: 12_345, cutMode: 'close' }] });
    await send(proxy.port, 50_000, false);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.received()).toBe(12_345);
    expect(proxy.stats().perConnection[0]?.cut).toEqual({ direction: 'up', mode: 'close', atByte: 12_345 });
    // The next connection is clean.
    await send(proxy.port, 1000);
    expect(proxy.stats().perConnection[1]?.cut).toBeUndefined();
  });

  it('reset gives ECONNRESET; half-close keeps the other direction flowing', async () => {
    const reset = await setup(0, { faults: [{ cutUpAfter: 1000, cutMode: 'reset' }] });
    const r = await send(reset.proxy.port, 200_000, false);
    expect(r.error).toBe('ECONNRESET');

    const half = await setup(3000, { faults: [{ cutUpAfter: 1000, cutMode: 'half-close' }] });
    const h = await send(half.proxy.port, 5000, false);
    // The target saw EOF after 1000 bytes and still answered: the answer came back through.
    expect(half.s.received()).toBe(1000);
    expect(h.got).toBe(3000);
  });

  it('random cuts are reproducible from the seed', async () => {
    const run = async () => {
      const { proxy } = await setup(0, {
        seed: 42,
        randomCuts: { probability: 0.7, maxOffset: 20_000, directions: ['up'], modes: ['close'] },
      });
      for (let i = 0; i < 6; i++) await send(proxy.port, 25_000);
      return proxy.stats().perConnection.map((c) => c.cut?.atByte ?? null);
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.some((x) => x !== null)).toBe(true);
    expect(a.some((x) => x === null)).toBe(true);
  });

  it('stalls a direction for the given time', async () => {
    const { proxy } = await setup(0, { faults: [{ stall: { direction: 'up', afterBytes: 10, ms: 300 } }] });
    const first = Date.now();
    const socket = connect({ port: proxy.port, host: '127.0.0.1' });
    socket.write(Buffer.alloc(10));
    await new Promise((r) => setTimeout(r, 20));
    socket.end(Buffer.alloc(10));
    await new Promise((r) => socket.on('close', r));
    expect(Date.now() - first).toBeGreaterThanOrEqual(290);
  });
});
