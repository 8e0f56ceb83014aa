import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';

/** `reviews.*` through the contract: wiring, permissions, input bounds and zh-CN refusals in the envelope. */
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const printer = { via: 'browser' as const, windowId: 'browser:print' };
const PASSWORD = 'Qiaotou#2026';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-reviews-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => new Date('2027-12-01T09:00:00+08:00') },
    logger: silentLogger,
    deviceId: async () => 'd'.repeat(64),
  });
  const ok = async (p: Promise<{ ok: boolean; error?: unknown }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await ok(
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
  await ok(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  await ok(
    core.invoke(
      'accounts.setRoles',
      {
        accountId: ((await core.invoke('accounts.list', {}, admin)) as { result: Array<{ id: string }> }).result[0]!.id,
        roles: ['admin', 'caseworker'],
      },
      admin,
    ),
  );
  await ok(core.invoke('session.logout', {}, admin));
  await ok(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  await ok(
    core.invoke('accounts.create', { username: 'printer', displayName: '打印岗', roles: ['print'], password: 'Temp#pass2026' }, admin),
  );
  await ok(core.invoke('session.login', { username: 'printer', password: 'Temp#pass2026' }, printer));
  await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Print9' }, printer));
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reviews through the contract', () => {
  it("unknown roster row and review: the clerk's message", async () => {
    expect(await core.invoke('reviews.get', { rosterId: 'nope' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'ROSTER_NOT_FOUND', message: expect.stringContaining('在册对象') },
    });
    expect(
      await core.invoke('reviews.conclude', { reviewId: 'nope', version: 1, conclusion: { outcome: 'continue' } }, admin),
    ).toMatchObject({ ok: false, error: { code: 'ROSTER_REVIEW_NOT_FOUND' } });
  });

  it('print staff may not start a review; nobody without a session may read one', async () => {
    expect(await core.invoke('reviews.start', { rosterId: 'r', caseVersion: 1 }, printer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.invoke('reviews.get', { rosterId: 'r' }, { via: 'browser', windowId: 'browser:nobody' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('inputs are strict and bounded', async () => {
    expect(
      await core.invoke('reviews.conclude', { reviewId: 'r', version: 1, conclusion: { outcome: 'phase_out', phaseOutMonths: 61 } }, admin),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.invoke('reviews.conclude', { reviewId: 'r', version: 1, conclusion: { outcome: 'retire' } }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.invoke('reviews.start', { rosterId: 'r', caseVersion: 1, extra: true }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
