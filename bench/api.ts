import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserShell } from '../main/browser/server';
import { createFixedCore, silentLogger, startWorkerCore } from '../main/core/index';
import { row, type Benchmark } from './types';

const CALLS = 5_000;
const ctx = { session: null, via: 'browser' as const };
const input = { idNumber: '11010519491231002X' };

async function perCallMicros(calls: number, once: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await once(); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await once();
  return Number(process.hrtime.bigint() - started) / 1000 / calls;
}

/** One contract call (idNumber.check) directly on core, through the worker host, and through the browser shell's HTTP API. */
export const benchmark: Benchmark = {
  name: 'api',
  summary: 'contract call latency: direct core vs worker thread vs browser shell (HTTP on loopback)',
  async run() {
    const core = createFixedCore({ shell: 'browser' });
    const direct = await perCallMicros(CALLS, () => core.invoke('idNumber.check', input, ctx));

    const worker = await startWorkerCore({
      script: new URL('../main/core/kernel/testing/tsWorker.mjs', import.meta.url),
      core: {
        shell: 'electron',
        dataDir: tmpdir(),
        version: 'bench',
        __entry: new URL('../main/core/kernel/host/workerEntry.ts', import.meta.url).href,
      } as never,
      logger: silentLogger,
    });
    const viaWorker = await perCallMicros(CALLS, () => worker.invoke('idNumber.check', input, ctx));
    await worker.close();

    const rendererDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const shell = await startBrowserShell({ core, rendererDir, logger: silentLogger });
    const body = JSON.stringify(input);
    const viaHttp = await perCallMicros(CALLS, async () => {
      const res = await fetch(`http://127.0.0.1:${shell.port}/api/idNumber.check`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' },
        body,
      });
      return res.json();
    });
    await shell.close();

    const work = `${CALLS.toLocaleString('en')} sequential calls`;
    return [
      row('api: direct core call', work, direct, 'µs/call'),
      row('api: core in worker thread', work, viaWorker, 'µs/call', direct),
      row('api: browser shell (HTTP)', work, viaHttp, 'µs/call', direct),
    ];
  },
};
