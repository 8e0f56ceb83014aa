import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS, silentLogger, startWorkerCore, type WorkerCoreApi } from '../core/index';
import { startBrowserShell, type BrowserShell } from './server';

/**
 * The outside probes: deep JSON (which overflowed the worker's structured clone and answered 500
 * INTERNAL, leaving a pending call behind), an over-large body, and a large bad input whose
 * INVALID_INPUT listed every issue. Against the browser shell's server with core in a worker thread.
 */
let core: WorkerCoreApi;
let shell: BrowserShell;
const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-limits-'));
const rendererDir = mkdtempSync(join(tmpdir(), 'jiuzhu-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');

beforeAll(async () => {
  core = await startWorkerCore({
    script: new URL('../core/kernel/testing/tsWorker.mjs', import.meta.url),
    core: {
      shell: 'browser',
      dataDir,
      version: 'test',
      __entry: new URL('../core/kernel/host/workerEntry.ts', import.meta.url).href,
    } as never,
    logger: silentLogger,
  });
  shell = await startBrowserShell({ core, rendererDir, logger: silentLogger });
}, 30_000);
afterAll(async () => {
  await shell.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

/** POST raw bytes (a string or a Buffer) with the token; `chunked` sends no Content-Length. */
function post(method: string, body: string | Buffer, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' };
    if (!chunked) headers['Content-Length'] = Buffer.byteLength(body);
    const req = request({ host: '127.0.0.1', port: shell.port, path: `/api/${method}`, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // The server may close before the whole of an over-large body is sent; its answer still arrives.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('input limits at the browser shell', () => {
  it.each(['idNumber.check', 'app.info', 'session.login', 'applicant.sign', 'cases.search'])(
    'refuses 10,000-level JSON to %s with 400 INPUT_TOO_LARGE',
    async (method) => {
      for (const body of [deepArray(10_000), deepObject(10_000), `{"idNumber":${deepArray(10_000)}}`]) {
        const reply = await post(method, body);
        expect(reply.status).toBe(400);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE', details: { limit: 'depth' } } });
        expect(JSON.parse(reply.body).error.message).toContain('层次过深');
      }
      expect(core.pendingCalls()).toBe(0);
    },
  );

  it('still answers JSON as deep as the limit allows (the worker copies it)', async () => {
    const reply = await post('idNumber.check', `{"idNumber":${deepArray(INPUT_LIMITS.maxDepth - 1)}}`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'INVALID_INPUT', details: { path: 'idNumber' } } });
  });

  it('does not count brackets inside strings as depth', async () => {
    const reply = await post('idNumber.check', JSON.stringify({ idNumber: '['.repeat(10_000) }));
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'INVALID_INPUT', details: { path: 'idNumber' } } });
  });

  it('refuses an over-large body, declared or streamed, with 400 INPUT_TOO_LARGE', async () => {
    const big = Buffer.alloc(INPUT_LIMITS.maxBodyBytes + 1024, 0x20);
    for (const chunked of [false, true]) {
      const reply = await post('idNumber.check', big, chunked);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE', details: { limit: 'size' } } });
    }
    expect(core.pendingCalls()).toBe(0);
  });

  it('refuses a body of too many values before the worker', async () => {
    const reply = await post('idNumber.check', JSON.stringify({ idNumber: new Array(INPUT_LIMITS.maxValues + 1).fill(0) }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'INPUT_TOO_LARGE', details: { limit: 'values' } } });
  });

  it('answers a large bad input with the first 20 issues and a count of the rest', async () => {
    const signature = {
      kind: 'signature',
      capturedAt: '2026-11-30T01:00:00.000Z',
      png: { mime: 'image/png', base64: 'iVBORw0KGgo=', bytes: 8, width: 10, height: 10 },
      dpi: 200,
      pad: { width: 640, height: 240 },
      pointerType: 'mouse',
      strokes: [new Array(150_000).fill(1)],
    };
    const body = JSON.stringify({ viewId: 'v'.repeat(16), signature });
    const reply = await post('applicant.sign', body);
    expect(reply.status).toBe(400);
    const envelope = JSON.parse(reply.body) as { error: { code: string; details: { issues: unknown[]; moreIssues: number } } };
    expect(envelope.error.code).toBe('INVALID_INPUT');
    expect(envelope.error.details.issues).toHaveLength(20);
    expect(envelope.error.details.moreIssues).toBeGreaterThanOrEqual(150_000 - 20);
    expect(reply.body.length).toBeLessThan(16 * 1024);
  });

  it('answers an object with a hundred thousand unknown keys briefly', async () => {
    const input = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`key${i}`, 0]));
    const reply = await post('app.info', JSON.stringify(input));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(reply.body.length).toBeLessThan(16 * 1024);
  });

  it('leaves no pending call in the worker host, and normal calls still work', async () => {
    expect(core.pendingCalls()).toBe(0);
    const reply = await post('idNumber.check', JSON.stringify({ idNumber: '11010519491231002X' }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { valid: true } });
    expect(core.pendingCalls()).toBe(0);
  });
});
