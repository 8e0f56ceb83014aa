import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../core';
import { staffedCore } from '../kernel/testing/staffedCore';

/** The 待受理 queue's methods through the contract: the intake's permission (case.write), an unknown id refused in words. */
let core: CoreApi;
let close: () => Promise<void>;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const printer = { via: 'browser' as const, windowId: 'browser:printer' };

beforeAll(async () => {
  ({ core, close } = await staffedCore({
    tmpPrefix: 'jiuzhu-online-contract-',
    now: '2026-02-12T09:00:00+08:00',
    staff: [
      { username: 'clerk', displayName: '刘受理', roles: ['clerk'] },
      { username: 'printer', displayName: '孙打印', roles: ['print'] },
    ],
  }));
}, 60_000);
afterAll(() => close());

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
