import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Keyring, newDbKey, newKeyId } from '../store/keys/keyring';
import { parseKeyring, writeKeyringFile } from '../store/keys/keyringFile';
import { keyringChecksum } from '../store/keys/keyringFormat';
import { openSqlite } from '../store/sqlite';
import { ADMIN, codeOf, machineSecretOf, MACHINE_A, makeStation, tempDir, type TestStation } from '../store/testing/fixtures';
import { writeFormat1Keyring } from '../store/testing/legacyKeyring';

const CLERK = { username: 'clerk1', password: 'Clerk-Pass-2025' };
const HEAD = { username: 'head1', password: 'Head-Pass-2025x' };

/**
 * Finding 5, the attacker's steps: a disabled clerk (or anyone holding a used recovery code)
 * keeps a copy of the keyring made before; with it and their secret they try the live file.
 */
describe('the database key rotates when an account is disabled or the recovery code is used', () => {
  let t: TestStation;
  let cleanup: () => void;
  let clerkId: string;
  beforeEach(() => {
    const d = tempDir();
    cleanup = d.cleanup;
    t = makeStation(d.dir);
    const s = t.auth.login('admin', ADMIN.password);
    clerkId = t.accounts.create(s, { username: CLERK.username, displayName: '张三', roles: ['clerk'], password: CLERK.password }).id;
    t.accounts.create(s, { username: HEAD.username, displayName: '李四', roles: ['head'], password: HEAD.password });
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  /** What an old keyring copy gives for a password on this machine: the DB key it held then. */
  const keyFromCopy = (copy: Buffer, username: string, password: string): Buffer => {
    const u = Keyring.fromBody(parseKeyring(copy)).unlockPassword(username, password, machineSecretOf(MACHINE_A), MACHINE_A);
    if (!u) throw new Error('the copied slot did not open');
    return u.dbKey;
  };
  const opensLive = (key: Buffer): string => {
    try {
      openSqlite(t.station.paths.db, key, { readonly: true }).close();
      return 'opened';
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };

  it("after disabling a clerk, the clerk's slot from an earlier keyring copy no longer opens the live file; the others still log in", () => {
    const copyBefore = readFileSync(t.station.paths.keyring);
    expect(opensLive(keyFromCopy(copyBefore, CLERK.username, CLERK.password))).toBe('opened');
    const admin = t.auth.sessions.forAccount(t.adminId)[0]!;
    const result = t.accounts.disable(admin, clerkId);
    expect(result.newRecoveryCode).toBeNull();
    expect(opensLive(keyFromCopy(copyBefore, CLERK.username, CLERK.password))).toBe('STORE_KEY_MISMATCH');
    expect(t.station.db.pragma('journal_mode', { simple: true })).toBe('wal');
    t.auth.close();
    expect(codeOf(() => t.auth.login(CLERK.username, CLERK.password))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.login(HEAD.username, HEAD.password).username).toBe(HEAD.username);
    expect(t.auth.login('admin', ADMIN.password).username).toBe('admin');
    expect(t.auth.audit().query({ action: 'account.disable' })[0]?.details).toMatchObject({ rekeyed: true });
    t.auth.close();
    // the recovery code followed the new key
    const r = t.auth.recover({ recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'After-Rotation-1' });
    expect(r.needPasswordReset).toEqual([]);
  });

  it('after a recovery, the used recovery code (from a keyring copy made before) no longer opens the live file', () => {
    t.auth.close();
    const copyBefore = readFileSync(t.station.paths.keyring);
    const r = t.auth.recover({ recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'Remembered-Now-1' });
    const oldKey = Keyring.fromBody(parseKeyring(copyBefore)).unlockRecovery(t.recoveryCode).dbKey;
    expect(opensLive(oldKey)).toBe('STORE_KEY_MISMATCH');
    expect(codeOf(() => Keyring.fromBody(parseKeyring(readFileSync(t.station.paths.keyring))).unlockRecovery(t.recoveryCode))).toBe(
      'STORE_BAD_RECOVERY_CODE',
    );
    const newKey = Keyring.fromBody(parseKeyring(readFileSync(t.station.paths.keyring))).unlockRecovery(r.recoveryCode).dbKey;
    expect(opensLive(newKey)).toBe('opened');
    t.auth.close();
    expect(t.auth.login(CLERK.username, CLERK.password).username).toBe(CLERK.username);
  });

  it('another process holding the database open: STORE_IN_USE and nothing changed', () => {
    const other = openSqlite(t.station.paths.db, t.station.dbKey);
    try {
      const before = readFileSync(t.station.paths.keyring);
      const admin = t.auth.sessions.forAccount(t.adminId)[0]!;
      expect(codeOf(() => t.accounts.disable(admin, clerkId))).toBe('STORE_IN_USE');
      expect(readFileSync(t.station.paths.keyring).equals(before)).toBe(true);
      expect(t.accounts.list(admin).find((a) => a.id === clerkId)?.disabled).toBe(false);
      expect(t.station.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('a rekey interrupted after its first phase is finished by the next login', () => {
    const key = Buffer.from(t.station.dbKey);
    t.auth.close();
    // phase 1 written, the process dies before the database is re-encrypted
    const k = Keyring.fromBody(parseKeyring(readFileSync(t.station.paths.keyring)));
    const next = newDbKey();
    k.removePasswordSlot(CLERK.username);
    k.beginRekey(next, newKeyId());
    k.sealMac(key, next);
    writeKeyringFile(t.station.paths.keyring, k.snapshot());
    expect(t.auth.login(HEAD.username, HEAD.password).username).toBe(HEAD.username);
    expect(opensLive(key)).toBe('STORE_KEY_MISMATCH');
    expect(opensLive(next)).toBe('opened');
    expect(JSON.parse(readFileSync(t.station.paths.keyring, 'utf8')).nextKeyId).toBeUndefined();
    t.auth.close();
    expect(t.auth.login('admin', ADMIN.password).username).toBe('admin');
  });

  it('a format 1 recovery slot cannot follow a rekey: a new recovery code is issued once, and format 1 password slots are listed for reset', () => {
    const key = Buffer.from(t.station.dbKey);
    const stationId = t.station.stationInfo()!.stationId;
    t.auth.close();
    const oldCode = 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678';
    writeFormat1Keyring(t.station.paths.keyring, {
      stationId,
      machineId: MACHINE_A,
      dbKey: key,
      users: [{ username: 'admin', password: ADMIN.password }, CLERK, HEAD],
      recoveryCode: oldCode,
    });
    const s = t.auth.login('admin', ADMIN.password); // migrates the admin's slot
    const result = t.accounts.disable(s, clerkId);
    expect(result.newRecoveryCode).toMatch(/^([2-9A-HJKMNP-Z]{5}-){5}[2-9A-HJKMNP-Z]{5}$/);
    expect(result.needPasswordReset).toEqual([HEAD.username]);
    t.auth.close();
    expect(codeOf(() => t.auth.recover({ recoveryCode: oldCode, username: 'admin', newPassword: 'Whatever-Pass-1' }))).toBe(
      'STORE_BAD_RECOVERY_CODE',
    );
    t.auth.recover({ recoveryCode: result.newRecoveryCode!, username: 'admin', newPassword: 'Whatever-Pass-1' });
  });

  it('a keyring edited on disk (a slot planted, the checksum redone) is detected after unlock', () => {
    t.auth.close();
    const path = t.station.paths.keyring;
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { slots: Array<{ username?: string; pub?: string }> };
    const { checksum: _c, ...body } = file;
    const head = body.slots.find((s) => s.username === HEAD.username)!;
    const clerk = body.slots.find((s) => s.username === CLERK.username)!;
    head.pub = clerk.pub; // the next rekey would box the new key to the clerk's key pair
    writeFileSync(path, JSON.stringify({ ...body, checksum: keyringChecksum(body) }));
    expect(codeOf(() => t.auth.login('admin', ADMIN.password))).toBe('STORE_KEYRING_TAMPERED');
    expect(t.station.isOpen()).toBe(false);
  });

  it('the guard and queued events stay writable before unlock without breaking the MAC', () => {
    t.auth.close();
    expect(codeOf(() => t.auth.login('admin', 'wrong-password-1'))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.login('admin', ADMIN.password).username).toBe('admin');
  });
});
