import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import type { CoreEvent } from '../../../../common/contract/index';
import { startWorkerCore, type WorkerCoreApi } from './workerCore';

const entry = new URL('./workerEntry.ts', import.meta.url).href;
let core: WorkerCoreApi;

beforeAll(async () => {
  core = await startWorkerCore({
    script: new URL('../testing/tsWorker.mjs', import.meta.url),
    core: { shell: 'electron', dataDir: '/tmp/jiuzhu-worker-test', version: '9.9.9', __entry: entry } as never,
    logger: silentLogger,
  });
});
afterAll(async () => core.close());

describe('core in a worker thread', () => {
  it('answers contract calls with the same envelopes as in-thread core', async () => {
    const ok = await core.invoke('idNumber.check', { idNumber: '11010519491231002X' }, { session: null, via: 'electron' });
    expect(ok).toMatchObject({ ok: true, result: { valid: true, sex: '女' } });
    const bad = await core.invoke('idNumber.check', { idNumber: null }, { session: null, via: 'electron' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const info = await core.invoke('app.info', {}, { session: null, via: 'electron' });
    expect(info).toMatchObject({ ok: true, result: { shell: 'electron', version: '9.9.9', dataDir: '/tmp/jiuzhu-worker-test' } });
  });

  it('runs calls concurrently and matches each answer to its call', async () => {
    const numbers = Array.from({ length: 50 }, (_, i) => (i % 2 ? '11010519491231002X' : '110105194912310021'));
    const answers = await Promise.all(
      numbers.map((n) => core.invoke('idNumber.check', { idNumber: n }, { session: null, via: 'electron' })),
    );
    answers.forEach((a, i) => expect(a.ok && (a.result as { valid: boolean }).valid).toBe(i % 2 === 1));
  });

  it('answers a call whose input cannot be copied to the worker, and keeps no pending entry', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    // The host itself, without a shell's check in front: structured clone overflows the stack.
    const tooDeep = await core.invoke('idNumber.check', { idNumber: deep }, { session: null, via: 'electron' });
    expect(tooDeep).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE' } });
    expect(core.pendingCalls()).toBe(0);
    const uncloneable = await core.invoke('idNumber.check', { idNumber: () => 1 }, { session: null, via: 'electron' });
    expect(uncloneable).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(core.pendingCalls()).toBe(0);
    const ok = await core.invoke('idNumber.check', { idNumber: '11010519491231002X' }, { session: null, via: 'electron' });
    expect(ok).toMatchObject({ ok: true, result: { valid: true } });
    expect(core.pendingCalls()).toBe(0);
  });

  it('greets a late subscriber with core.ready', async () => {
    const seen: CoreEvent[] = [];
    const off = core.onEvent((e) => seen.push(e));
    off();
    expect(seen[0]).toMatchObject({ event: 'core.ready', payload: { shell: 'electron', version: '9.9.9' } });
  });
});
