import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';

/** The 待受理 queue's methods through the contract: the intake's permission (case.write), an unknown id refused in words. */
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const printer = { via: 'browser' as const, windowId: 'browser:print' };
const PASSWORD = 'Qiaotou#2026';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-online-contract-'));
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
  for (const [username, role, window] of [
    ['clerk', 'clerk', clerk],
    ['printer', 'print', printer],
  ] as const) {
    await must(
      core.invoke(
        'accounts.create',
        { username, displayName: role === 'clerk' ? '刘受理' : '孙打印', roles: [role], password: 'Temp#pass2026' },
        admin,
      ),
    );
    await must(core.invoke('session.login', { username, password: 'Temp#pass2026' }, window));
    await must(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, window));
  }
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('onlineApplications through the contract', () => {
  it('the clerk lists the queue (empty, no county limit set); the print role and the admin alone may not', async () => {
    expect(await core.invoke('onlineApplications.list', {}, clerk)).toEqual({
      ok: true,
      result: { rows: [], acceptanceWorkingDays: null },
    });
    expect(await core.invoke('onlineApplications.list', { show: 'all' }, printer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.invoke('onlineApplications.startIntake', { id: 'oa-1' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('an id not in the queue is refused with the zh-CN message, for the view and for the intake', async () => {
    for (const method of ['onlineApplications.get', 'onlineApplications.startIntake'] as const)
      expect(await core.invoke(method, { id: 'oa-nowhere' }, clerk)).toEqual({
        ok: false,
        error: { code: 'ONLINE_APPLICATION_NOT_FOUND', message: expect.stringContaining('没有找到这份网上申请') },
      });
  });
});
