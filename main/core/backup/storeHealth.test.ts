import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { recordIntegrity } from '../kernel/store/integrityCheck';

/** store.health: what the damage banner reads — the kept result of the background integrity check. */
const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-store-health-'));
const admin = { via: 'cli' as const, windowId: 'cli' };
const PASSWORD = 'Qiaotou#2026';
let core: CoreApi;

beforeAll(async () => {
  core = createCore({ shell: 'cli', dataDir, version: 'test', logger: silentLogger, deviceId: async () => 'd'.repeat(64) });
  await core.invoke(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin);
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const health = async () => {
  const envelope = await core.invoke('store.health', {}, admin);
  if (!envelope.ok) throw new Error(envelope.error.code);
  return (envelope.result as { integrity: { ok: boolean; finishedAt: string; problems: number } | null }).integrity;
};

describe('store.health', () => {
  it("reports the first login's background check once it has run", async () => {
    let integrity = await health();
    for (let i = 0; i < 100 && !integrity; i++) {
      await new Promise((r) => setTimeout(r, 100));
      integrity = await health();
    }
    expect(integrity).toMatchObject({ ok: true, problems: 0 });
  });

  it('reports a check that found damage, with how many problems, without reading the database', async () => {
    recordIntegrity(dataDir, {
      startedAt: '2026-12-07T02:00:00.000Z',
      finishedAt: '2026-12-07T02:00:04.000Z',
      ok: false,
      problems: ['page 812: btreeInitPage() returns error code 11', 'row 3 missing from index'],
      ms: 4000,
    });
    expect(await health()).toEqual({ ok: false, finishedAt: '2026-12-07T02:00:04.000Z', problems: 2 });
  });

  it('is refused without a session', async () => {
    expect(await core.invoke('store.health', {}, { via: 'cli', windowId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
