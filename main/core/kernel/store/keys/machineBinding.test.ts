import { chmodSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../accounts/accountsService';
import { AuthService } from '../../accounts/authService';
import { authConfig } from '../../accounts/config';
import { initStation } from '../initStation';
import { openStore, closeStore } from '../openStore';
import { Station } from '../station';
import { ADMIN, codeOf, FakeClock, MACHINE_A, tempDir } from '../testing/fixtures';
import { writeFormat1Keyring } from '../testing/legacyKeyring';
import { TEST_KDF } from './kdf';
import { keyringChecksum, legacyMachineTag } from './keyringFormat';
import { loadMachineSecret } from './machineSecret';
import { MACHINE_SECRET_FILE } from './machineSecretFile';
import { machineCheck } from './slotCrypto';

const CLERK = { username: 'clerk1', password: 'Clerk-Pass-2025' };
const posix = process.platform !== 'win32';

/**
 * Finding 3b, the attacker's steps: with the data folder copied elsewhere and a clerk's password,
 * but without the machine secret held outside the data folder, the database does not open.
 */
describe('password slots are bound to a machine secret outside the data folder', () => {
  let root: string;
  let cleanup: () => void;
  const config = authConfig({ kdf: TEST_KDF });
  const services = (dataDir: string, secretDir: string, clock = new FakeClock()) => {
    const station = new Station({
      dataDir,
      machineId: MACHINE_A,
      machineSecret: () => loadMachineSecret({ dir: secretDir, dataDir }),
      clock,
      check: 'quick',
    });
    const auth = new AuthService(station, clock, config);
    return { station, auth, accounts: new AccountsService(station, auth, clock, config) };
  };

  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  function office() {
    const dataDir = join(root, 'office', 'data');
    const secretDir = join(root, 'office', 'secret');
    mkdirSync(join(root, 'office'));
    const clock = new FakeClock();
    initStation({
      dataDir,
      stationName: '城关镇社会救助工作站',
      regionCode: '500101',
      admin: ADMIN,
      machineId: MACHINE_A,
      machineSecret: loadMachineSecret({ dir: secretDir, dataDir }),
      clock,
      kdf: TEST_KDF,
    });
    const s = services(dataDir, secretDir, clock);
    const adminSession = s.auth.login('admin', ADMIN.password);
    s.accounts.create(adminSession, { username: CLERK.username, displayName: '张三', roles: ['clerk'], password: CLERK.password });
    s.auth.close();
    return { dataDir, secretDir };
  }

  it('the machine secret is created 0600 in a 0700 folder, and looser permissions or a folder inside the data folder are refused', () => {
    const { dataDir, secretDir } = office();
    const file = join(secretDir, MACHINE_SECRET_FILE);
    if (posix) {
      expect(statSync(secretDir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'jiuzhu.db')).mode & 0o777).toBe(0o600);
      chmodSync(file, 0o644);
      expect(codeOf(() => loadMachineSecret({ dir: secretDir }))).toBe('STORE_MACHINE_SECRET_INSECURE');
      chmodSync(file, 0o600);
      chmodSync(secretDir, 0o755);
      expect(codeOf(() => loadMachineSecret({ dir: secretDir }))).toBe('STORE_MACHINE_SECRET_INSECURE');
      chmodSync(secretDir, 0o700);
    }
    expect(loadMachineSecret({ dir: secretDir }).equals(loadMachineSecret({ dir: secretDir }))).toBe(true);
    expect(codeOf(() => loadMachineSecret({ dir: join(dataDir, 'secret'), dataDir }))).toBe('STORE_MACHINE_SECRET_INSIDE_DATA');
  });

  it('a copied data folder with the clerk password does not open without the machine secret; with it, it does', () => {
    const { dataDir, secretDir } = office();
    const stolen = join(root, 'attacker', 'data');
    cpSync(dataDir, stolen, { recursive: true });
    // The attacker's machine: its own (new) secret; the hashed machine id is public (app.info), so it is the same.
    const attacker = services(stolen, join(root, 'attacker', 'secret'));
    expect(codeOf(() => attacker.auth.login(CLERK.username, CLERK.password))).toBe('STORE_OTHER_MACHINE');
    expect(attacker.station.isOpen()).toBe(false);

    // Editing the keyring so its machine check names the attacker's secret does not help: the slot's
    // key is derived from the secret itself, not checked against a stored tag.
    const path = join(stolen, 'jiuzhu.keyring');
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { keyringId: string };
    const { checksum: _c, ...body } = file;
    body.machineCheck = machineCheck(attacker.station.machineSecret(), file.keyringId);
    writeFileSync(path, JSON.stringify({ ...body, checksum: keyringChecksum(body) }));
    expect(codeOf(() => attacker.auth.login(CLERK.username, CLERK.password))).toBe('STORE_WRONG_PASSWORD');
    expect(attacker.station.isOpen()).toBe(false);

    // With the machine secret copied too (the attacker had the whole user profile), it opens.
    const withSecret = join(root, 'attacker', 'secret2');
    cpSync(secretDir, withSecret, { recursive: true });
    const thief = services(join(root, 'attacker', 'copy2'), withSecret);
    cpSync(dataDir, thief.station.paths.dataDir, { recursive: true });
    expect(thief.auth.login(CLERK.username, CLERK.password).username).toBe(CLERK.username);
    thief.auth.close();
  });

  it('a format 1 keyring keeps working: each old slot opens once and is rewritten bound to the machine secret', () => {
    const { dataDir, secretDir } = office();
    // Turn the station's keyring into what format 1 wrote (tag-bound slots), as a landed station has it.
    const s = services(dataDir, secretDir);
    s.auth.login('admin', ADMIN.password);
    const dbKey = Buffer.from(s.station.dbKey);
    const stationId = s.station.stationInfo()!.stationId;
    s.auth.close();
    const recoveryCode = 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678';
    writeFormat1Keyring(join(dataDir, 'jiuzhu.keyring'), {
      stationId,
      machineId: MACHINE_A,
      dbKey,
      users: [{ username: 'admin', password: ADMIN.password }, CLERK],
      recoveryCode,
    });

    // Before migration the old weakness is real: the tag is recomputable from public values.
    const file1 = JSON.parse(readFileSync(join(dataDir, 'jiuzhu.keyring'), 'utf8')) as { machineTag: string; keyringId: string };
    expect(file1.machineTag).toBe(legacyMachineTag(file1.keyringId, MACHINE_A));

    const live = services(dataDir, secretDir);
    expect(live.auth.login(CLERK.username, CLERK.password).username).toBe(CLERK.username);
    live.auth.close();
    const after = JSON.parse(readFileSync(join(dataDir, 'jiuzhu.keyring'), 'utf8')) as {
      version: number;
      slots: Array<{ type: string; username?: string }>;
    };
    expect(after.version).toBe(2);
    expect(after.slots.find((x) => x.username === CLERK.username)?.type).toBe('password');
    expect(after.slots.find((x) => x.username === 'admin')?.type).toBe('password-v1');
    // the clerk's migrated slot now needs the machine secret: a copy elsewhere does not open with the password
    const stolen = join(root, 'attacker2', 'data');
    cpSync(dataDir, stolen, { recursive: true });
    expect(codeOf(() => services(stolen, join(root, 'attacker2', 'secret')).auth.login(CLERK.username, CLERK.password))).toBe(
      'STORE_OTHER_MACHINE',
    );
    // the admin, not yet migrated, still logs in (and is migrated then)
    const again = services(dataDir, secretDir);
    expect(again.auth.login('admin', ADMIN.password).username).toBe('admin');
    again.auth.close();
    const last = JSON.parse(readFileSync(join(dataDir, 'jiuzhu.keyring'), 'utf8')) as { slots: Array<{ type: string }> };
    expect(last.slots.filter((x) => x.type === 'password')).toHaveLength(2);
    // the database itself is untouched by the migration
    closeStore(openStore(join(dataDir, 'jiuzhu.db'), dbKey));
  });
});
