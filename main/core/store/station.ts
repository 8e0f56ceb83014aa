import { existsSync, mkdirSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { Keyring } from './keys/keyring';
import { closeStore, openStore } from './open-store';
import { stationPaths, type StationPaths } from './paths';
import { StationRepository } from './station-repo';
import type { Clock, Db, Logger } from './types';
import { noLogger } from './types';

export interface StationOptions {
  dataDir: string;
  /** The hashed machine id (core/app/deviceId.ts); bound into the keyring. */
  machineId: string;
  clock: Clock;
  logger?: Logger;
  /** Path of the native module build to load (Electron build in the desktop app). */
  nativeBinding?: string;
  /** 'full' integrity_check at open (default) or 'quick'. */
  check?: 'full' | 'quick';
}

/**
 * One station's files and their lifecycle: the keyring (always readable) and the encrypted
 * database (open only while someone is logged in). Holds the DB key in memory while open and
 * wipes it on close. Owned by one process (the core worker); not shared between processes.
 */
export class Station {
  readonly paths: StationPaths;
  private keyringCache: Keyring | null = null;
  private dbHandle: Db | null = null;
  private key: Buffer | null = null;

  constructor(readonly options: StationOptions) {
    this.paths = stationPaths(options.dataDir);
  }

  get machineId(): string {
    return this.options.machineId;
  }
  get logger(): Logger {
    return this.options.logger ?? noLogger;
  }

  isInitialized(): boolean {
    return existsSync(this.paths.keyring) || existsSync(this.paths.db);
  }

  /** The keyring, loaded once (this process is its only writer). Damage → STORE_KEYRING_DAMAGED. */
  keyring(): Keyring {
    if (!this.keyringCache) {
      const k = Keyring.load(this.paths.keyring);
      if (!existsSync(this.paths.db)) throw new JiuzhuError('STORE_NOT_INITIALIZED', {}, { missing: 'database' });
      this.keyringCache = k;
    }
    return this.keyringCache;
  }

  /** Forget the cached keyring (after a restore replaced the file). */
  reloadKeyring(): void {
    this.keyringCache = null;
  }

  adoptKeyring(keyring: Keyring): void {
    this.keyringCache = keyring;
  }

  /**
   * Run `fn` in one DB transaction that ends with keyring changes saved by `fn`. If anything
   * throws (including the keyring write), the DB rolls back and the in-memory keyring is reloaded
   * from disk, so memory, file and DB never disagree.
   */
  withKeyringTxn<T>(fn: (keyring: Keyring) => T): T {
    const k = this.keyring();
    try {
      return this.db.transaction(() => fn(k))();
    } catch (e) {
      this.reloadKeyring();
      throw e;
    }
  }

  isOpen(): boolean {
    return this.dbHandle !== null;
  }

  /**
   * Open the database with `key` (or confirm `key` is the key of the already-open database).
   * `create` is for first-run setup only.
   */
  open(key: Buffer, create = false): Db {
    if (this.dbHandle && this.key) {
      if (key.length !== this.key.length || !timingSafeEqual(key, this.key)) throw new JiuzhuError('STORE_KEY_MISMATCH');
      return this.dbHandle;
    }
    mkdirSync(this.paths.tmp, { recursive: true, mode: 0o700 });
    const db = openStore(this.paths.db, key, {
      create,
      logger: this.logger,
      check: this.options.check ?? 'full',
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    this.dbHandle = db;
    this.key = Buffer.from(key);
    return db;
  }

  get db(): Db {
    if (!this.dbHandle) throw new JiuzhuError('STORE_NOT_OPEN');
    return this.dbHandle;
  }

  /** The DB key, for re-wrapping slots and for backups. Only while open. */
  get dbKey(): Buffer {
    if (!this.key) throw new JiuzhuError('STORE_NOT_OPEN');
    return this.key;
  }

  stationInfo() {
    return new StationRepository(this.db).get();
  }

  close(): void {
    if (this.dbHandle) closeStore(this.dbHandle);
    this.dbHandle = null;
    this.key?.fill(0);
    this.key = null;
  }
}
