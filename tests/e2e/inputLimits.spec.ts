import { expect, test } from '@playwright/test';
import { request } from 'node:http';
import { startShell, type RunningShell } from './browserShell';

/**
 * The outside probe, against the built browser shell as it runs: JSON nested 10,000 deep answered
 * HTTP 500 INTERNAL for every method (the worker's structured clone overflowed). Now it is refused
 * with 400 INPUT_TOO_LARGE before the worker, as is an over-large body, and calls keep working.
 */
let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell.stop());

function post(method: string, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(shell.origin);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

test('deep JSON and an over-large body get 400 INPUT_TOO_LARGE; normal calls still work', async () => {
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  for (const method of ['app.info', 'idNumber.check', 'session.login', 'setup.init', 'cases.search']) {
    const reply = await post(method, deep);
    expect(reply.status, method).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE', details: { limit: 'depth' } } });
  }
  const big = await post('idNumber.check', Buffer.alloc(17 * 1024 * 1024, 0x20));
  expect(big.status).toBe(400);
  expect(JSON.parse(big.body)).toMatchObject({ error: { code: 'INPUT_TOO_LARGE', details: { limit: 'size' } } });
  const ok = await post('idNumber.check', JSON.stringify({ idNumber: '11010519491231002X' }));
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { valid: true } });
});
