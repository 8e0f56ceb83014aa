import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, codeOf, FakeClock, MACHINE_B, makeStation, openServices, tempDir, type TestStation } from '../testing/fixtures';
import { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_ALPHABET } from './recoveryCode';
import { calibrateScrypt, deriveKek, newKdfSpec } from './kdf';

describe('recovery code', () => {
  it('is 6 groups of 5 from an unambiguous alphabet and accepts sloppy typing', () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^([2-9A-HJKMNP-Z]{5}-){5}[2-9A-HJKMNP-Z]{5}$/);
    expect(RECOVERY_ALPHABET).not.toMatch(/[01OIL]/);
    expect(normalizeRecoveryCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code.replaceAll('-', ''));
    expect(codeOf(() => normalizeRecoveryCode('O'.repeat(30)))).toBe('STORE_BAD_RECOVERY_CODE');
  });
});

describe('scrypt', () => {
  it('derives deterministically per salt and calibrates to a target time', () => {
    const spec = newKdfSpec({ alg: 'scrypt', N: 1024, r: 8, p: 1 });
    expect(deriveKek('pass', spec).equals(deriveKek('pass', spec))).toBe(true);
    expect(deriveKek('pass', spec).equals(deriveKek('pass', newKdfSpec(spec)))).toBe(false);
    const c = calibrateScrypt(20);
    expect(c.params.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(c.measuredMs).toBeGreaterThan(0);
  });

  it('never calibrates below N=2^15, however fast the machine: a target no cost can meet settles at the floor', () => {
    // A 1 ms target is below what any N takes here, so calibration keeps its first cost: that must be the floor.
    expect(calibrateScrypt(1).params).toEqual({ alg: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
  });
});

describe('keyring', () => {
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

  it('holds no key in the clear and no temp files are left after writes', () => {
    const raw = readFileSync(t.station.paths.keyring, 'utf8');
    t.auth.login('admin', ADMIN.password);
    const keyHex = t.station.dbKey.toString('hex');
    expect(raw).not.toContain(keyHex);
    expect(raw).not.toContain(t.station.dbKey.toString('base64'));
    expect(raw).not.toContain(ADMIN.password);
    expect(raw).not.toContain(t.recoveryCode.replaceAll('-', ''));
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a damaged keyring gives STORE_KEYRING_DAMAGED and never a new database', () => {
    const path = t.station.paths.keyring;
    const good = readFileSync(path);
    const dbBefore = readFileSync(t.station.paths.db);
    const variants: Buffer[] = [
      good.subarray(0, good.length / 2), // truncated
      Buffer.from(
        good
          .toString('utf8')
          .replace('"failures"', '"failurez"')
          .replace(/"ct": "([A-Za-z0-9+/])/, (_m, c: string) => `"ct": "${c === 'A' ? 'B' : 'A'}`),
      ), // flipped
      Buffer.from('not json at all'),
      Buffer.alloc(0),
    ];
    for (const bad of variants) {
      writeFileSync(path, bad);
      const fresh = openServices(t.dataDir, t.clock, t.config);
      expect(codeOf(() => fresh.auth.login('admin', ADMIN.password))).toBe(
        bad.length === 0 ? 'STORE_KEYRING_DAMAGED' : 'STORE_KEYRING_DAMAGED',
      );
      expect(fresh.station.isOpen()).toBe(false);
    }
    expect(readFileSync(t.station.paths.db).equals(dbBefore)).toBe(true);
  });

  it('a copied database + keyring on another machine opens only with the recovery code', () => {
    const other = openServices(t.dataDir, new FakeClock(), t.config, MACHINE_B);
    expect(codeOf(() => other.auth.login('admin', ADMIN.password))).toBe('STORE_OTHER_MACHINE');
    expect(
      codeOf(() => other.auth.recover({ recoveryCode: generateRecoveryCode(), username: 'admin', newPassword: 'moved-station-pass' })),
    ).toBe('STORE_BAD_RECOVERY_CODE');
    const r = other.auth.recover({ recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'moved-station-pass' });
    expect(r.recoveryCode).not.toBe(t.recoveryCode);
    expect(other.auth.audit().query({ action: 'auth.recovered' })[0]?.details).toMatchObject({ rebound: true });
    other.auth.close();
    // now bound to machine B: new password works there; the old code is void
    const again = openServices(t.dataDir, new FakeClock(), t.config, MACHINE_B);
    expect(again.auth.login('admin', 'moved-station-pass').username).toBe('admin');
    again.auth.close();
    expect(codeOf(() => again.auth.recover({ recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'moved-station-pass' }))).toBe(
      'STORE_BAD_RECOVERY_CODE',
    );
  });

  it('recovery on the same machine resets a forgotten admin password', () => {
    const r = t.auth.recover({ recoveryCode: t.recoveryCode, username: 'admin', newPassword: 'remembered-now-1' });
    expect(r.needPasswordReset).toEqual([]);
    t.auth.close();
    expect(codeOf(() => t.auth.login('admin', ADMIN.password))).toBe('STORE_WRONG_PASSWORD');
    expect(t.auth.login('admin', 'remembered-now-1').username).toBe('admin');
  });
});
