import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../../accounts/accountsService';
import { AuthService } from '../../accounts/authService';
import { authConfig, type AuthConfig } from '../../accounts/config';
import { initStation } from '../initStation';
import { TEST_KDF } from '../keys/kdf';
import { Station, type StationOptions } from '../station';
import type { Clock } from '../types';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private t = Date.parse('2025-03-03T01:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}

export function tempDir(prefix = 'jiuzhu-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const MACHINE_A = 'a'.repeat(64);
export const MACHINE_B = 'b'.repeat(64);
/** The machine secret a test machine holds (keys/machineSecret.ts); a real station reads it from its file. */
export function machineSecretOf(machineId: string): Buffer {
  return createHash('sha256').update('jiuzhu-test/machine-secret\0').update(machineId).digest();
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'Counter-Pass-2025' };

export interface TestStation {
  dataDir: string;
  clock: FakeClock;
  config: AuthConfig;
  station: Station;
  auth: AuthService;
  accounts: AccountsService;
  recoveryCode: string;
  stationId: string;
  adminId: string;
}

/** A freshly initialized station with cheap scrypt parameters (tests only). */
export function makeStation(
  dataDir: string,
  options: { machineId?: string; config?: Partial<AuthConfig>; clock?: FakeClock } = {},
): TestStation {
  const clock = options.clock ?? new FakeClock();
  const config = authConfig({ kdf: TEST_KDF, ...options.config });
  const machineId = options.machineId ?? MACHINE_A;
  const init = initStation({
    dataDir,
    stationName: '城关镇社会救助工作站',
    regionCode: '500101',
    admin: ADMIN,
    machineId,
    machineSecret: machineSecretOf(machineId),
    clock,
    kdf: TEST_KDF,
  });
  const { station, auth, accounts } = openServices(dataDir, clock, config, machineId);
  return {
    dataDir,
    clock,
    config,
    station,
    auth,
    accounts,
    recoveryCode: init.recoveryCode,
    stationId: init.stationId,
    adminId: init.adminAccountId,
  };
}

export function openServices(
  dataDir: string,
  clock: FakeClock,
  config: AuthConfig,
  machineId = MACHINE_A,
  machineSecret: Uint8Array = machineSecretOf(machineId),
  check: StationOptions['check'] = 'quick',
) {
  const station = new Station({ dataDir, machineId, machineSecret, clock, check });
  const auth = new AuthService(station, clock, config);
  const accounts = new AccountsService(station, auth, clock, config);
  return { station, auth, accounts };
}

/** Run `fn` and return the JiuzhuError code it throws (fails the test if it does not throw). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `non-coded: ${String(e)}`;
  }
  throw new Error('expected an error');
}

/** A fresh station opened by the admin's login (its encrypted store is `t.station.db`), with its cleanup. */
export function loggedInStation(prefix = 'jiuzhu-test-'): { t: TestStation; cleanup: () => void } {
  const d = tempDir(prefix);
  const t = makeStation(d.dir);
  t.auth.login(ADMIN.username, ADMIN.password);
  return {
    t,
    cleanup: () => {
      t.auth.close();
      d.cleanup();
    },
  };
}
