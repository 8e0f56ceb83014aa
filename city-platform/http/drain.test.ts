import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { drainOrClose } from './drain';

it('a response written under backpressure many times keeps no listeners behind', async () => {
  let maxClose = 0;
  let waits = 0;
  const chunk = Buffer.alloc(64 * 1024, 1);
  const server = createServer(async (_req, res: ServerResponse) => {
    const baseline = res.listenerCount('close');
    for (let i = 0; i < 200; i++) {
      if (!res.write(chunk)) {
        waits++;
        await drainOrClose(res);
        maxClose = Math.max(maxClose, res.listenerCount('close') - baseline);
      }
    }
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const received = await new Promise<number>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let n = 0;
      // A slow reader: the server's writes fill the socket and wait for 'drain' again and again.
      res.on('data', (d: Buffer) => {
        n += d.length;
        res.pause();
        setTimeout(() => res.resume(), 1);
      });
      res.on('end', () => resolve(n));
    })
      .on('error', reject)
      .end();
  });
  server.close();
  expect(received).toBe(200 * chunk.length);
  expect(waits).toBeGreaterThan(10);
  expect(maxClose).toBe(0);
});
