import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../../core';
import { silentLogger } from '../../kernel/logging/logger';

/**
 * The platform status methods through the contract: case.read (the clerk's; the administrator alone,
 * who holds no case data, may not), a case not here refused in words, a bad filter refused naming the
 * field, and each read audited.
 */
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const PASSWORD = 'Qiaotou#2026';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-status-contract-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => new Date('2026-02-12T09:00:00+08:00') },
    logger: silentLogger,
    deviceId: async () => 'd'.repeat(64),
  });
  const must = async (p: Promise<unknown>) => expect(await p).toMatchObject({ ok: true });
  await must(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
      },
      admin,
    ),
  );
  await must(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  await must(
    core.invoke('accounts.create', { username: 'clerk', displayName: '刘受理', roles: ['clerk'], password: 'Temp#pass2026' }, admin),
  );
  await must(core.invoke('session.login', { username: 'clerk', password: 'Temp#pass2026' }, clerk));
  await must(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, clerk));
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('platform status through the contract', () => {
  it('the clerk reads the list (empty) and a case not here is refused in words; the administrator alone may not; a bad filter names the field', async () => {
    expect(await core.invoke('cases.platformStatuses', {}, clerk)).toEqual({ ok: true, result: { rows: [], total: 0 } });
    expect(await core.invoke('cases.platformStatus', { caseId: '0b9c6a52-5a1e-4f1e-9d51-2f7c3c9e1a10' }, clerk)).toEqual({
      ok: false,
      error: { code: 'CASE_NOT_FOUND', message: expect.stringContaining('找不到这个案件') },
    });
    for (const method of ['cases.platformStatus', 'cases.platformStatuses'] as const)
      expect(await core.invoke(method, { caseId: '0b9c6a52-5a1e-4f1e-9d51-2f7c3c9e1a10' }, admin)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await core.invoke('cases.platformStatuses', { status: 'lost' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { path: 'status' } },
    });
  });

  it('each read of the list is audited with its filter and the number of rows', async () => {
    expect(await core.invoke('cases.platformStatuses', { status: 'unknown' }, clerk)).toMatchObject({ ok: true });
    const audit = await core.invoke('audit.query', { action: 'cases.platform_statuses', limit: 10 }, admin);
    expect(audit).toMatchObject({ ok: true });
    const rows = (audit as { result: Array<{ details: Record<string, unknown> }> }).result;
    expect(rows.map((r) => r.details)).toContainEqual({ filter: 'unknown', results: 0 });
  });
});
