import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../../core';
import { silentLogger } from '../logging/logger';

/** Setup, login, idle lock, unlock and lockout through the contract, one session per window, fake clock. */
let now = new Date('2026-11-30T09:00:00+08:00');
const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
let core: CoreApi;
let dataDir: string;
const windowA = { via: 'browser' as const, windowId: 'browser:window-a' };
const windowB = { via: 'browser' as const, windowId: 'browser:window-b' };
const PASSWORD = 'Qiaotou#2026';

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-session-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'b'.repeat(64),
  });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('setup and sessions through the contract', () => {
  it('sets the station up once and shows the recovery code once', async () => {
    expect(await core.invoke('setup.status', {}, windowA)).toEqual({
      ok: true,
      result: { initialized: false, preset: {}, presetProblem: null },
    });
    const bad = await core.invoke(
      'setup.init',
      { stationName: '桥头镇', regionCode: '12345', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
      windowA,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { path: 'regionCode' } } });
    const init = await core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
      },
      windowA,
    );
    expect(init).toMatchObject({ ok: true, result: { recoveryCode: expect.stringMatching(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}$/) } });
    expect(await core.invoke('setup.status', {}, windowA)).toEqual({
      ok: true,
      result: { initialized: true, preset: {}, presetProblem: null },
    });
    const again = await core.invoke(
      'setup.init',
      { stationName: '另一个', regionCode: '500110', admin: { username: 'x', displayName: 'x', password: PASSWORD } },
      windowA,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'STORE_ALREADY_INITIALIZED' } });
  });

  it('logs a window in; other windows stay logged out', async () => {
    expect(await core.invoke('accounts.list', {}, windowA)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await core.invoke('session.login', { username: 'admin', password: PASSWORD }, windowA);
    expect(login).toMatchObject({ ok: true, result: { username: 'admin', displayName: '王站长', roles: ['admin'], locked: false } });
    expect(await core.invoke('session.current', {}, windowB)).toEqual({ ok: true, result: null });
    const list = await core.invoke('accounts.list', {}, windowA);
    expect(list).toMatchObject({ ok: true, result: [{ username: 'admin' }] });
  });

  it('a clerk account cannot manage staff (FORBIDDEN), and must change the temporary password first', async () => {
    const created = await core.invoke(
      'accounts.create',
      { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' },
      windowA,
    );
    expect(created).toMatchObject({ ok: true });
    const clerkLogin = await core.invoke('session.login', { username: 'clerk1', password: 'Temp#pass2026' }, windowB);
    expect(clerkLogin).toMatchObject({ ok: true, result: { mustChangePassword: true } });
    expect(await core.invoke('idcard.status', {}, windowB)).toMatchObject({ ok: false, error: { code: 'AUTH_MUST_CHANGE_PASSWORD' } });
    const changed = await core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Clerk#Counter9' }, windowB);
    expect(changed).toMatchObject({ ok: true, result: { mustChangePassword: false } });
    expect(await core.invoke('idcard.status', {}, windowB)).toMatchObject({ ok: true });
    expect(await core.invoke('accounts.list', {}, windowB)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('locks after 5 idle minutes, keeps the session, and unlocks with the password', async () => {
    advance(4);
    expect(await core.invoke('session.touch', {}, windowA)).toEqual({ ok: true, result: { ok: true } });
    advance(4.9);
    expect(await core.invoke('session.current', {}, windowA)).toMatchObject({ ok: true, result: { locked: false } });
    advance(0.2);
    expect(await core.invoke('session.current', {}, windowA)).toMatchObject({ ok: true, result: { locked: true } });
    expect(await core.invoke('accounts.list', {}, windowA)).toMatchObject({ ok: false, error: { code: 'AUTH_SESSION_LOCKED' } });
    expect(await core.invoke('session.unlock', { password: 'wrong-password' }, windowA)).toMatchObject({
      ok: false,
      error: { code: 'STORE_WRONG_PASSWORD' },
    });
    expect(await core.invoke('session.unlock', { password: PASSWORD }, windowA)).toMatchObject({ ok: true, result: { locked: false } });
  });

  it('locks the account for 15 minutes after 5 failed logins', async () => {
    const windowC = { via: 'browser' as const, windowId: 'browser:window-c' };
    for (let i = 0; i < 5; i++) {
      expect(await core.invoke('session.login', { username: 'clerk1', password: `nope-${i}` }, windowC)).toMatchObject({
        ok: false,
        error: { code: 'STORE_WRONG_PASSWORD' },
      });
    }
    expect(await core.invoke('session.login', { username: 'clerk1', password: 'Clerk#Counter9' }, windowC)).toMatchObject({
      ok: false,
      error: { code: 'AUTH_ACCOUNT_LOCKED' },
    });
    advance(15);
    expect(await core.invoke('session.login', { username: 'clerk1', password: 'Clerk#Counter9' }, windowC)).toMatchObject({ ok: true });
  });

  it('records logins, failures and lockouts in the audit chain, which verifies', async () => {
    // The 15 minutes above idle-locked window A.
    expect(await core.invoke('session.unlock', { password: PASSWORD }, windowA)).toMatchObject({ ok: true });
    const rows = await core.invoke('audit.query', { limit: 200 }, windowA);
    expect(rows.ok).toBe(true);
    const actions = (rows.ok ? (rows.result as Array<{ action: string }>) : []).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'account.create', 'auth.idle_lock', 'auth.unlock']));
    expect(actions.some((a) => a.includes('fail'))).toBe(true);
    expect(await core.invoke('audit.verify', {}, windowA)).toMatchObject({ ok: true, result: { ok: true } });
  });

  it('logout ends the window session', async () => {
    expect(await core.invoke('session.logout', {}, windowB)).toEqual({ ok: true, result: { ok: true } });
    expect(await core.invoke('session.current', {}, windowB)).toEqual({ ok: true, result: null });
  });
});
