import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertPasswordAcceptable } from './passwordPolicy';
import { ADMIN, codeOf, makeStation, tempDir, type TestStation } from '../store/testing/fixtures';
import type { Session } from './sessions';

describe('password rules', () => {
  it('needs 10 characters, not all digits, not the user name', () => {
    expect(codeOf(() => assertPasswordAcceptable('short-1', 'wang'))).toBe('AUTH_PASSWORD_TOO_SHORT');
    expect(codeOf(() => assertPasswordAcceptable('13800138000', 'wang'))).toBe('AUTH_PASSWORD_ALL_DIGITS');
    expect(codeOf(() => assertPasswordAcceptable('xWang.Li.2025', 'wang.li'))).toBe('AUTH_PASSWORD_IS_USERNAME');
    expect(() => assertPasswordAcceptable('救助工作站柜台密码十', 'wang')).not.toThrow(); // 10 code points
    expect(() => assertPasswordAcceptable('good-pass-99', 'wang')).not.toThrow();
  });
});

describe('accounts (admin)', () => {
  let t: TestStation;
  let cleanup: () => void;
  let admin: Session;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    t = makeStation(d.dir);
    admin = t.auth.login('admin', ADMIN.password);
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  it('creates an account with several roles; first login must change the password', () => {
    const a = t.accounts.create(admin, { username: 'wang.li', displayName: '王丽', roles: ['clerk', 'print'], password: 'temp-pass-001' });
    expect(a.roles).toEqual(['clerk', 'print']);
    expect(t.station.keyring().hasPasswordSlot('wang.li')).toBe(true);
    const s = t.auth.login('wang.li', 'temp-pass-001');
    expect(codeOf(() => t.auth.check(s.id))).toBe('AUTH_MUST_CHANGE_PASSWORD');
    t.accounts.changePassword(s, 'temp-pass-001', 'my-own-pass-2025');
    expect(t.auth.check(s.id).mustChangePassword).toBe(false);
    t.auth.logout(s.id);
    expect(codeOf(() => t.auth.login('wang.li', 'temp-pass-001'))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.login('wang.li', 'my-own-pass-2025').roles).toEqual(['clerk', 'print']);
    expect(
      codeOf(() => t.accounts.create(admin, { username: 'wang.li', displayName: 'x', roles: ['clerk'], password: 'temp-pass-001' })),
    ).toBe('AUTH_USERNAME_TAKEN');
    expect(codeOf(() => t.accounts.create(admin, { username: 'li', displayName: 'x', roles: ['clerk'], password: 'temp-pass-001' }))).toBe(
      'AUTH_BAD_USERNAME',
    );
    expect(codeOf(() => t.accounts.create(admin, { username: 'zhao', displayName: 'x', roles: [], password: 'temp-pass-001' }))).toBe(
      'AUTH_NO_ROLES',
    );
  });

  it('only admins manage accounts', () => {
    t.accounts.create(admin, { username: 'clerk1', displayName: '受理员', roles: ['clerk'], password: 'temp-pass-001' });
    const s = t.auth.login('clerk1', 'temp-pass-001');
    expect(codeOf(() => t.accounts.list(s))).toBe('FORBIDDEN');
  });

  it('disable removes the key slot and ends sessions; reset re-enables with a temporary password', () => {
    const a = t.accounts.create(admin, { username: 'clerk1', displayName: '受理员', roles: ['clerk'], password: 'temp-pass-001' });
    const s = t.auth.login('clerk1', 'temp-pass-001');
    t.accounts.disable(admin, a.id);
    expect(t.station.keyring().hasPasswordSlot('clerk1')).toBe(false);
    expect(codeOf(() => t.auth.check(s.id))).toBe('AUTH_SESSION_UNKNOWN');
    expect(codeOf(() => t.auth.login('clerk1', 'temp-pass-001'))).toBe('STORE_WRONG_PASSWORD');
    t.accounts.resetPassword(admin, a.id, 'new-temp-pass-2');
    const view = t.accounts.list(admin).find((x) => x.id === a.id)!;
    expect(view).toMatchObject({ disabled: false, mustChangePassword: true, hasKeySlot: true });
    expect(t.auth.login('clerk1', 'new-temp-pass-2').username).toBe('clerk1');
  });

  it('refuses to disable or demote the last admin', () => {
    expect(codeOf(() => t.accounts.disable(admin, t.adminId))).toBe('AUTH_LAST_ADMIN');
    expect(codeOf(() => t.accounts.setRoles(admin, t.adminId, ['clerk']))).toBe('AUTH_LAST_ADMIN');
    expect(t.accounts.list(admin)[0]!.roles).toEqual(['admin']);
    expect(t.station.keyring().hasPasswordSlot('admin')).toBe(true);
  });

  it('password change re-wraps only that slot (other slots unchanged)', () => {
    t.accounts.create(admin, { username: 'clerk1', displayName: '受理员', roles: ['clerk'], password: 'temp-pass-001' });
    const before = t.station.keyring().snapshot().slots;
    t.accounts.changePassword(admin, ADMIN.password, 'another-boss-pass');
    const after = t.station.keyring().snapshot().slots;
    const pick = (slots: typeof before, u: string) => slots.find((s) => s.type === 'password' && s.username === u);
    expect(pick(after, 'clerk1')).toEqual(pick(before, 'clerk1'));
    expect(pick(after, 'admin')).not.toEqual(pick(before, 'admin'));
    expect(codeOf(() => t.accounts.changePassword(admin, 'wrong-old-pass', 'x-another-pass-3'))).toBe('STORE_WRONG_PASSWORD');
    t.auth.close();
    expect(codeOf(() => t.auth.login('admin', ADMIN.password))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.login('admin', 'another-boss-pass').username).toBe('admin');
  });
});
