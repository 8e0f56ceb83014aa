import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, codeOf, makeStation, tempDir, type TestStation } from '../store/testing/fixtures';

describe('login, lockout, idle lock, logout', () => {
  let t: TestStation;
  let cleanup: () => void;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    t = makeStation(d.dir);
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  it('logs in with the right password and opens the database', () => {
    expect(t.station.isOpen()).toBe(false);
    const s = t.auth.login('Admin ', ADMIN.password);
    expect(s.roles).toEqual(['admin']);
    expect(t.station.isOpen()).toBe(true);
    expect(t.auth.audit().query({ action: 'auth.login' })[0]?.actor).toBe(t.adminId);
  });

  it('wrong password: typed error, counted in the keyring, audited at next unlock, DB stays closed', () => {
    expect(codeOf(() => t.auth.login('admin', 'wrong-password-1'))).toBe('STORE_WRONG_PASSWORD');
    expect(t.station.isOpen()).toBe(false);
    expect(t.station.keyring().guardOf('admin').failures).toBe(1);
    t.auth.login('admin', ADMIN.password);
    const failed = t.auth.audit().query({ action: 'auth.login_failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]!.details).toMatchObject({ username: 'admin', queued: true });
    expect(t.station.keyring().pendingEvents()).toEqual([]);
    expect(t.station.keyring().guardOf('admin').failures).toBe(0);
  });

  it('wrong password while the DB is open writes the audit row directly', () => {
    const s = t.auth.login('admin', ADMIN.password);
    t.auth.lock(s.id);
    expect(codeOf(() => t.auth.unlock(s.id, 'not-the-password'))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.audit().query({ action: 'auth.login_failed' })).toHaveLength(1);
  });

  it('locks the account after 5 failures for exactly 15 minutes (fake clock)', () => {
    for (let i = 0; i < 4; i++) expect(codeOf(() => t.auth.login('admin', `bad-password-${i}`))).toBe('STORE_WRONG_PASSWORD');
    expect(codeOf(() => t.auth.login('admin', 'bad-password-5'))).toBe('STORE_WRONG_PASSWORD');
    // now locked: even the right password is refused without trying
    expect(codeOf(() => t.auth.login('admin', ADMIN.password))).toBe('AUTH_ACCOUNT_LOCKED');
    t.clock.advanceMinutes(14);
    t.clock.advance(59_999);
    expect(codeOf(() => t.auth.login('admin', ADMIN.password))).toBe('AUTH_ACCOUNT_LOCKED');
    t.clock.advance(1);
    const s = t.auth.login('admin', ADMIN.password);
    expect(s.username).toBe('admin');
    const actions = t.auth
      .audit()
      .query({ limit: 50 })
      .map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'auth.locked_out')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login_refused_locked')).toHaveLength(2);
  });

  it('lockout threshold and duration are configurable', () => {
    t.auth.close();
    const d = tempDir();
    const u = makeStation(d.dir, { config: { maxFailedLogins: 2, lockoutMinutes: 1 } });
    codeOf(() => u.auth.login('admin', 'bad-password-1'));
    codeOf(() => u.auth.login('admin', 'bad-password-2'));
    expect(codeOf(() => u.auth.login('admin', ADMIN.password))).toBe('AUTH_ACCOUNT_LOCKED');
    u.clock.advanceMinutes(1);
    expect(u.auth.login('admin', ADMIN.password).username).toBe('admin');
    u.auth.close();
    d.cleanup();
  });

  it('unknown user names get exactly the answers a real one gets (no enumeration by remaining attempts or lockout)', () => {
    const answer = (username: string) => {
      try {
        t.auth.login(username, 'whatever-password');
      } catch (e) {
        const err = e as { code: string; message: string; details?: unknown };
        return { code: err.code, message: err.message, details: err.details };
      }
      throw new Error('logged in');
    };
    for (let i = 0; i < 5; i++) expect(answer('nobody')).toEqual(answer('admin'));
    // both are locked now, and say so the same way
    expect(answer('nobody')).toEqual(answer('admin'));
    expect(answer('nobody').code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('idle lock after 5 minutes keeps the session; unlock needs the password', () => {
    const s = t.auth.login('admin', ADMIN.password);
    t.clock.advanceMinutes(4);
    expect(t.auth.check(s.id).id).toBe(s.id); // activity resets the idle timer
    t.clock.advanceMinutes(4);
    expect(t.auth.check(s.id).id).toBe(s.id);
    t.clock.advanceMinutes(5);
    expect(codeOf(() => t.auth.check(s.id))).toBe('AUTH_SESSION_LOCKED');
    expect(t.auth.sessions.peek(s.id)?.locked).toBe(true);
    expect(t.station.isOpen()).toBe(true);
    expect(codeOf(() => t.auth.unlock(s.id, 'wrong-password-x'))).toBe('STORE_WRONG_PASSWORD');
    t.auth.unlock(s.id, ADMIN.password);
    expect(t.auth.check(s.id).locked).toBe(false);
    const actions = t.auth
      .audit()
      .query()
      .map((r) => r.action);
    expect(actions).toContain('auth.idle_lock');
    expect(actions).toContain('auth.unlock');
  });

  it('manual lock and logout; the last logout closes the database', () => {
    const s = t.auth.login('admin', ADMIN.password);
    t.auth.lock(s.id);
    expect(codeOf(() => t.auth.check(s.id))).toBe('AUTH_SESSION_LOCKED');
    t.auth.logout(s.id);
    expect(codeOf(() => t.auth.check(s.id))).toBe('AUTH_SESSION_UNKNOWN');
    expect(t.station.isOpen()).toBe(false);
  });
});
