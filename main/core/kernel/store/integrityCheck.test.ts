import { closeSync, existsSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { integrityFile, integrityPlan, lastIntegrity, type IntegrityResult } from './integrityCheck';
import { AuthService } from '../accounts/authService';
import { Station } from './station';
import { ADMIN, FakeClock, MACHINE_A, codeOf, machineSecretOf, makeStation, tempDir, type TestStation } from './testing/fixtures';
import type { Logger } from './types';

/**
 * A login opens the database without integrity_check; the full check runs afterwards in a worker
 * thread on its own connection, at most once a day. A damaged page is still found: by that check
 * (logged, recorded), and the next login is refused with STORE_DB_DAMAGED as before.
 */
let dir: ReturnType<typeof tempDir>;
let t: TestStation;
let clock: FakeClock;
const logged: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
const logger: Logger = { log: (level, event, fields) => void logged.push({ level, event, ...(fields ? { fields } : {}) }) };

beforeEach(() => {
  dir = tempDir();
  clock = new FakeClock(Date.parse('2026-06-15T01:00:00Z'));
  t = makeStation(dir.dir, { clock });
  // 2 MiB of rows nobody reads at login, so a damaged page among them is only found by a check.
  t.auth.login(ADMIN.username, ADMIN.password);
  t.station.db.exec(
    'CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO filler (body) SELECT hex(randomblob(2000)) FROM n;',
  );
  t.auth.close();
  logged.length = 0;
  damaged.length = 0;
});
afterEach(() => dir.cleanup());

/** The services as the app opens them (check: 'background'). */
const damaged: IntegrityResult[] = [];
const open = () => {
  const station = new Station({
    dataDir: dir.dir,
    machineId: MACHINE_A,
    machineSecret: machineSecretOf(MACHINE_A),
    clock,
    logger,
    check: 'background',
    onIntegrityDamaged: (r) => void damaged.push(r),
  });
  return { station, auth: new AuthService(station, clock, t.config) };
};

function damageFillerPage(): void {
  const path = `${dir.dir}/jiuzhu.db`;
  const pages = statSync(path).size / 4096;
  const at = (pages - 200) * 4096 + 512;
  const fd = openSync(path, 'r+');
  const b = Buffer.alloc(16);
  readSync(fd, b, 0, 16, at);
  for (let i = 0; i < b.length; i++) b[i] = b[i]! ^ 0xa5;
  writeSync(fd, b, 0, 16, at);
  closeSync(fd);
}

describe('integrity check after login', () => {
  it('a login runs no check; the full check runs in the background once a day and its result is kept', async () => {
    const s = open();
    s.auth.login(ADMIN.username, ADMIN.password);
    const check = s.station.integrityCheck();
    expect(check).not.toBeNull();
    const r = await check!;
    expect(r).toMatchObject({ ok: true, problems: [] });
    expect(lastIntegrity(dir.dir)).toEqual(r);
    expect(logged.map((l) => l.event)).toContain('store.integrity_checked');
    expect(damaged).toEqual([]);
    s.auth.close();
    // the same day: no second check
    const again = open();
    again.auth.login(ADMIN.username, ADMIN.password);
    expect(again.station.integrityCheck()).toBeNull();
    again.auth.close();
    expect(integrityPlan(r, new Date(Date.parse(r.finishedAt) + 24 * 3600_000))).toEqual({ atUnlock: 'none', background: true });
  });

  it('a damaged page: the login opens, the background check finds it, the next login is refused with STORE_DB_DAMAGED', async () => {
    damageFillerPage();
    const s = open();
    s.auth.login(ADMIN.username, ADMIN.password); // no check at unlock: the damaged page is not read
    const r = await s.station.integrityCheck()!;
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(logged.find((l) => l.event === 'store.integrity_failed')).toMatchObject({ level: 'error', fields: { background: true } });
    // whoever is logged in is told at once (core turns this into the store.damaged event)
    expect(damaged).toEqual([r]);
    // reading the damaged rows fails at once too
    expect(() => s.station.db.prepare('SELECT sum(length(body)) FROM filler').get()).toThrow();
    s.auth.close();
    expect(existsSync(integrityFile(dir.dir))).toBe(true);
    const next = open();
    expect(codeOf(() => next.auth.login(ADMIN.username, ADMIN.password))).toBe('STORE_DB_DAMAGED');
    // The damaged bytes put back (as a restore would): the full check at unlock passes and replaces
    // the failed result, so later logins skip it again.
    damageFillerPage();
    const repaired = open();
    repaired.auth.login(ADMIN.username, ADMIN.password);
    expect(lastIntegrity(dir.dir)).toMatchObject({ ok: true, problems: [] });
    expect(repaired.station.integrityCheck()).toBeNull();
    repaired.auth.close();
  });
});
