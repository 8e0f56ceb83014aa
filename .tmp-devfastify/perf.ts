import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const which = process.argv[2]!;
const { startPlatform } = (await import(which === 'old' ? '../city-platform-old-devfastify/platform' : '../city-platform/platform')) as typeof import('../city-platform/platform');
const dir = mkdtempSync(join(tmpdir(), 'perf-'));
const p = await startPlatform({ dataDir: dir });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const one = (method: string, path: string, body?: Buffer) =>
  new Promise<number>((resolve, reject) => {
    const r = request(`${p.url}${path}`, { method, agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    r.on('error', reject);
    r.end(body);
  });
const body = Buffer.alloc(64 * 1024, 7);
const rows: string[] = [];
for (const [name, method, path, b] of [['GET /v1/platform', 'GET', '/v1/platform'], ['GET unknown (404)', 'GET', '/nope'], ['POST /v1/bundles 64 KiB junk (400)', 'POST', '/v1/bundles', body]] as const) {
  for (let i = 0; i < 200; i++) await one(method, path, b);
  const n = 3000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await one(method, path, b);
  const us = Number(process.hrtime.bigint() - t) / 1000 / n;
  rows.push(`${which}\t${name}\t${us.toFixed(0)} µs/request`);
}
console.log(rows.join('\n'));
agent.destroy();
await p.stop();
rmSync(dir, { recursive: true, force: true });
