import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createFixedCore, silentLogger } from '../core/index';
import { startBrowserShell, type BrowserShell } from './server';

let shell: BrowserShell;
const rendererDir = mkdtempSync(join(tmpdir(), 'jiuzhu-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>救助通工作站</title>');

beforeAll(async () => {
  shell = await startBrowserShell({ core: createFixedCore({ shell: 'browser' }), rendererDir, logger: silentLogger });
});
afterAll(async () => shell.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls the Host header (fetch would not let it). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, token = shell.token, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser shell', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a contract call with the core envelope', async () => {
    const reply = await api('idNumber.check', { idNumber: '11010519491231002X' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { valid: true, province: '北京市' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const wrong = await api('app.info', {}, 'x'.repeat(shell.token.length));
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'BAD_TOKEN' } });
    const missing = await send('/api/app.info', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await send('/', { headers: { Host: `evil.example:${shell.port}` } })).status).toBe(403);
    expect((await api('app.info', {}, shell.token, { Host: `127.0.0.1:${shell.port + 1}` })).status).toBe(403);
    expect((await api('app.info', {}, shell.token, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('maps invalid input, bad JSON and unknown methods to typed errors', async () => {
    const invalid = await api('idNumber.check', { idNumber: 1 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ error: { code: 'INVALID_INPUT', details: { path: 'idNumber' } } });
    const badJson = await send('/api/app.info', { method: 'POST', headers: { Authorization: `Bearer ${shell.token}` }, body: '{not json' });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const unknown = await api('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    const get = await send('/api/app.info', { headers: { Authorization: `Bearer ${shell.token}` } });
    expect(get.status).toBe(405);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('救助通工作站');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const escape = await send('/..%2F..%2F..%2Fetc%2Fpasswd');
    expect(escape.body).not.toContain('root:');
  });

  it('delivers events over a WebSocket only with the token', async () => {
    const url = `ws://127.0.0.1:${shell.port}/api/events`;
    const first = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(url, ['jiuzhu.v1', `bearer.${shell.token}`]);
      ws.on('message', (data) => {
        resolve(String(data));
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(first)).toMatchObject({ channel: 'jiuzhu:event', event: 'core.ready', payload: { shell: 'browser' } });

    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url, ['jiuzhu.v1', 'bearer.wrong']);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(refused).toBe(401);
  });
});
