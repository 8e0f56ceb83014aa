import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { Role } from '../../../../common/contract/permissions';
import { AccountRepository } from '../accounts/accountRepo';
import { assertPasswordAcceptable, assertUsername } from '../accounts/passwordPolicy';
import { AuditLog } from '../audit/auditLog';
import { DEFAULT_KDF, type KdfParams } from './keys/kdf';
import { Keyring, newDbKey, newKeyId } from './keys/keyring';
import { writeKeyringFile } from './keys/keyringFile';
import { loadMachineSecret } from './keys/machineSecret';
import { generateRecoveryCode } from './keys/recoveryCode';
import { closeStore, openStore } from './openStore';
import { stationPaths } from './paths';
import { assertRegionCode } from './regionCode';
import { StationRepository } from './stationRepo';
import type { Clock } from './types';
import { privateDirMode, privateFileMode } from './fileModes';

export interface InitStationInput {
  dataDir: string;
  stationName: string;
  regionCode: string;
  admin: { username: string; displayName: string; password: string };
  /** Hashed machine id (core/app/deviceId.ts). */
  machineId: string;
  /** The machine secret the admin's slot is bound to; default the per-user file (keys/machineSecret.ts). */
  machineSecret?: Uint8Array;
  clock: Clock;
  kdf?: KdfParams;
  passwordMinLength?: number;
  nativeBinding?: string;
}

export interface InitStationResult {
  stationId: string;
  adminAccountId: string;
  /** 6 groups of 5 characters. Shown ONCE; print it and keep it in the station safe. */
  recoveryCode: string;
}

/**
 * First-run setup: a random DB key, the encrypted database with its schema and station row, the
 * first admin account, and the keyring with the admin's slot and the recovery slot. The keyring
 * is written last: until it exists the station is not initialized, and a failure removes the
 * half-made database so setup can simply be run again. Refuses if anything already exists.
 */
export function initStation(input: InitStationInput): InitStationResult {
  const name = input.stationName.trim();
  if (name.length === 0 || name.length > 60) throw new JiuzhuError('STORE_BAD_STATION_NAME');
  const regionCode = assertRegionCode(input.regionCode);
  const username = input.admin.username.trim().toLowerCase();
  assertUsername(username);
  assertPasswordAcceptable(input.admin.password, username, input.passwordMinLength ?? 10);
  const displayName = input.admin.displayName.trim();
  if (displayName.length === 0 || displayName.length > 40)
    throw new JiuzhuError('INVALID_INPUT', { path: 'admin.displayName', detail: '1–40 个字' });

  const paths = stationPaths(input.dataDir);
  if (existsSync(paths.keyring) || existsSync(paths.db)) throw new JiuzhuError('STORE_ALREADY_INITIALIZED');
  mkdirSync(paths.dataDir, { recursive: true, mode: privateDirMode() });
  mkdirSync(paths.tmp, { recursive: true, mode: privateDirMode() });
  const machineSecret = input.machineSecret ?? loadMachineSecret({ dataDir: input.dataDir });

  const now = input.clock.now();
  const stationId = randomUUID();
  const adminAccountId = randomUUID();
  const key = newDbKey();
  const kdf = input.kdf ?? DEFAULT_KDF;
  const recoveryCode = generateRecoveryCode();
  let created = false;
  try {
    // Personal data: owner-only from the first byte (SQLite gives the -wal and -shm files the
    // database file's mode). O_EXCL: a second setup running at the same time stops here.
    try {
      closeSync(openSync(paths.db, 'wx', privateFileMode()));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new JiuzhuError('STORE_ALREADY_INITIALIZED');
      throw e;
    }
    created = true;
    const db = openStore(paths.db, key, { create: true, ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}) });
    try {
      db.transaction(() => {
        new StationRepository(db).insert({ stationId, name, regionCode, createdAt: now.toISOString() });
        const roles: Role[] = ['admin'];
        new AccountRepository(db).insert(
          {
            id: adminAccountId,
            username,
            displayName,
            disabled: false,
            mustChangePassword: false,
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          },
          roles,
        );
        const audit = new AuditLog(db, input.clock, input.machineId);
        audit.append({ actor: 'system', action: 'station.init', targetType: 'station', targetId: stationId, details: { regionCode } });
        audit.append({
          actor: 'system',
          action: 'account.create',
          targetType: 'account',
          targetId: adminAccountId,
          details: { roles: 'admin' },
        });
      })();
    } finally {
      closeStore(db);
    }
    const keyring = Keyring.create({ stationId, machineSecret, keyId: newKeyId(), now });
    keyring.setPasswordSlot({ username, password: input.admin.password, dbKey: key, kdf, machineSecret, now });
    keyring.setRecoverySlot(recoveryCode, key, kdf, now);
    keyring.sealMac(key);
    writeKeyringFile(paths.keyring, keyring.snapshot());
  } catch (e) {
    if (created && !existsSync(paths.keyring)) for (const s of ['', '-wal', '-shm']) rmSync(paths.db + s, { force: true });
    throw e;
  } finally {
    key.fill(0);
  }
  return { stationId, adminAccountId, recoveryCode };
}
