import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedReader, residentCard } from '../../../../tools/samEmulator/index';
import type { CoreApi } from '../../core';
import { startWorkerCore } from '../../kernel/host/workerCore';
import { silentLogger } from '../../kernel/logging/logger';
import { logInStaff, setUpStation, windowCtx } from '../idcard/testing/station';

/** The reader through core in a worker thread: serial IO on this (main) thread, the driver in the worker. */
describe('serial IO for core in a worker thread', () => {
  let reader: EmulatedReader;
  let core: CoreApi;
  let dataDir: string;
  const admin = windowCtx('browser:admin');
  const clerk = windowCtx('browser:clerk');

  beforeAll(async () => {
    reader = await EmulatedReader.start({ card: residentCard({ seed: 31 }) });
    dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-serial-worker-'));
    core = await startWorkerCore({
      script: new URL('../../kernel/testing/tsWorker.mjs', import.meta.url),
      core: {
        shell: 'browser',
        dataDir,
        version: 't',
        emulatedReaderPath: reader.hostPath,
        __entry: new URL('../../kernel/host/workerEntry.ts', import.meta.url).href,
      } as never,
      logger: silentLogger,
    });
    await setUpStation(core, admin.windowId);
    await logInStaff(core, admin.windowId, { username: 'clerk1', roles: ['clerk'], window: clerk.windowId });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await reader.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists and probes ports, configures the reader and reads a card', async () => {
    const ports = await core.invoke('idcard.ports', {}, admin);
    expect(ports).toMatchObject({ ok: true });
    const emulated = (ports.ok ? (ports.result as Array<{ path: string; ok: boolean; manufacturer?: string }>) : []).find(
      (p) => p.path === reader.hostPath,
    );
    expect(emulated).toMatchObject({ ok: true, manufacturer: '模拟读卡器' });
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: reader.hostPath }, admin)).toMatchObject({
      ok: true,
      result: { status: 'connected', emulated: true },
    });
    const read = await core.invoke('idcard.read', { timeoutSeconds: 3 }, clerk);
    expect(read).toMatchObject({ ok: true, result: { card: { idNumber: residentCard({ seed: 31 }).expected.idNumber } } });
  });
});
