import { existsSync, mkdirSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import { withDataDirLock } from './dataDirLock';
import type { KdfParams } from './keys/kdf';
import { Keyring, newDbKey, newKeyId, type Unlocked } from './keys/keyring';
import { readKeyringFile, writeKeyringFile } from './keys/keyringFile';
import { loadMachineSecret } from './keys/machineSecret';
import { generateRecoveryCode } from './keys/recoveryCode';
import { closeStore, openStore } from './openStore';
import {
  integrityPlan,
  lastIntegrity,
  recordIntegrity,
  startBackgroundCheck,
  type BackgroundCheck,
  type IntegrityResult,
} from './integrityCheck';
import { stationPaths, type StationPaths } from './paths';
import { leaveWal, rekeyAndReturnToWal, returnToWal } from './rekey';
import { StationRepository } from './stationRepo';
import type { Clock, Db, Logger } from './types';
import { noLogger } from './types';
import { privateDirMode } from './fileModes';

export interface StationOptions {
  dataDir: string;
  /** The hashed machine id (core/app/deviceId.ts): audit rows, and opening format 1 slots once. */
  machineId: string;
  /**
   * The machine secret that password slots are bound to (README "Machine secret"): bytes from the
   * desktop shell's safeStorage, or a loader; default the per-user file outside the data folder.
   */
  machineSecret?: Uint8Array | (() => Uint8Array);
  clock: Clock;
  logger?: Logger;
  /** Path of the native module build to load (Electron build in the desktop app). */
  nativeBinding?: string;
  /**
   * 'background' (default): no check at unlock, the full integrity_check in a worker thread at most
   * once a day, and 'full' at unlock after it found damage (integrityCheck.ts). 'full', 'quick' or
   * 'none' run that check at every open and nothing in the background (tests, tools).
   */
  check?: 'full' | 'quick' | 'none' | 'background';
  /** The background check found damage: tell whoever is at work now (the next login is refused anyway). */
  onIntegrityDamaged?: (result: IntegrityResult) => void;
}

export interface RotateOptions {
  /** Keyring changes before the new key is boxed to the remaining slots (e.g. a slot removed). Runs first. */
  before?: (keyring: Keyring) => void;
  /** DB changes committed in the same step as the keyring's phase 1 (e.g. the account disabled). */
  dbChanges?: () => void;
  /** Keyring changes that need the new key (e.g. a new password or recovery slot). */
  after?: (keyring: Keyring, newKey: Buffer) => void;
  /** scrypt cost of a recovery slot made here. */
  kdf: KdfParams;
}

export interface RotateResult {
  /** Users whose format 1 slots could not follow (they need a password reset). */
  droppedUsers: string[];
  /** Set when the recovery slot could not follow and a new code was made: show it once. */
  newRecoveryCode: string | null;
}

/**
 * One station's files and their lifecycle: the keyring (readable without the key; every change
 * a locked read-modify-write under the data folder's lock, because the CLI and the app may run
 * at once) and the encrypted database (open only while someone is logged in). Holds the DB key
 * in memory while open and wipes it on close.
 */
export class Station {
  readonly paths: StationPaths;
  private dbHandle: Db | null = null;
  private integrity: BackgroundCheck | null = null;
  private key: Buffer | null = null;
  private secret: Buffer | null = null;

  constructor(readonly options: StationOptions) {
    this.paths = stationPaths(options.dataDir);
  }

  get machineId(): string {
    return this.options.machineId;
  }
  get logger(): Logger {
    return this.options.logger ?? noLogger;
  }

  /** The machine secret, loaded on first use. */
  machineSecret(): Buffer {
    if (!this.secret) {
      const s = this.options.machineSecret;
      this.secret = Buffer.from(
        typeof s === 'function' ? s() : (s ?? loadMachineSecret({ dataDir: this.options.dataDir, logger: this.logger })),
      );
    }
    return this.secret;
  }

  isInitialized(): boolean {
    return existsSync(this.paths.keyring) || existsSync(this.paths.db);
  }

  /** The keyring as it is on disk now; while open, its MAC is checked against the key. */
  keyring(): Keyring {
    const k = Keyring.fromBody(readKeyringFile(this.paths.keyring));
    if (!existsSync(this.paths.db)) throw new JiuzhuError('STORE_NOT_INITIALIZED', {}, { missing: 'database' });
    if (this.key && !k.macValid(this.key)) this.tampered();
    return k;
  }

  private tampered(): never {
    this.logger.log('error', 'store.keyring_tampered', {});
    throw new JiuzhuError('STORE_KEYRING_TAMPERED');
  }

  private write(k: Keyring): void {
    if (this.key) k.sealMac(this.key);
    writeKeyringFile(this.paths.keyring, k.snapshot());
  }

  /** Locked read-modify-write of the keyring. Without an open database only guard and queue may change. */
  updateKeyring<T>(fn: (keyring: Keyring) => T): T {
    return this.locked(() => {
      const k = this.keyring();
      const result = fn(k);
      this.write(k);
      return result;
    });
  }

  /**
   * Run `fn` in one DB transaction that ends with its keyring changes saved, under the lock, on
   * the keyring as it is on disk: if anything throws (the keyring write too) the DB rolls back.
   */
  withKeyringTxn<T>(fn: (keyring: Keyring) => T): T {
    return this.locked(() => {
      const k = this.keyring();
      return this.db.transaction(() => {
        const result = fn(k);
        this.write(k);
        return result;
      })();
    });
  }

  /** Hold the data folder's lock (re-entrant in this process). */
  locked<T>(fn: () => T): T {
    return withDataDirLock(this.paths.dataDir, fn);
  }

  isOpen(): boolean {
    return this.dbHandle !== null;
  }

  /** The key of the already-open database matches (an unlock of a locked session). */
  isCurrentKey(key: Uint8Array): boolean {
    return this.key !== null && key.length === this.key.length && timingSafeEqual(key, this.key);
  }

  /**
   * Open the database with what a slot gave. A rekey interrupted by a crash is finished here
   * (the database is encrypted with the current or the next key; either way it ends on the next
   * one). The keyring's MAC must verify under the key that opened the database.
   */
  openUnlocked(u: Unlocked): Db {
    if (this.dbHandle) {
      if (!this.isCurrentKey(u.dbKey) && !(u.nextKey && this.isCurrentKey(u.nextKey))) throw new JiuzhuError('STORE_KEY_MISMATCH');
      return this.dbHandle;
    }
    return this.locked(() => {
      const k = Keyring.fromBody(readKeyringFile(this.paths.keyring));
      let db: Db;
      let via: 'current' | 'next' = 'current';
      try {
        db = this.openWith(u.dbKey);
      } catch (e) {
        if (!(e instanceof JiuzhuError && e.code === 'STORE_KEY_MISMATCH' && u.nextKey)) throw e;
        db = this.openWith(u.nextKey);
        via = 'next';
      }
      const opened = via === 'current' ? u.dbKey : u.nextKey!;
      if (!k.macValid(opened, via)) {
        this.close();
        this.tampered();
      }
      if (k.rekeyPending && u.nextKey) {
        if (via === 'current') {
          leaveWal(db);
          rekeyAndReturnToWal(db, u.nextKey);
        }
        k.finishRekey();
        this.key = Buffer.from(u.nextKey);
        this.write(k);
        this.logger.log('info', 'store.rekey_finished', { after: 'restart' });
      } else if (u.legacy || !k.snapshot().mac) {
        this.write(k);
      }
      return db;
    });
  }

  private openWith(key: Buffer): Db {
    mkdirSync(this.paths.tmp, { recursive: true, mode: privateDirMode() });
    const started = performance.now();
    const mode = this.options.check ?? 'background';
    const plan =
      mode === 'background'
        ? integrityPlan(lastIntegrity(this.paths.dataDir), this.options.clock.now())
        : { atUnlock: mode, background: false };
    const db = openStore(this.paths.db, key, {
      logger: this.logger,
      check: plan.atUnlock,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    this.dbHandle = db;
    this.key = Buffer.from(key);
    if (plan.background && !this.integrity) this.startIntegrityCheck(key);
    // A full check at unlock that passed (after a restore, say) replaces the failed result.
    if (mode === 'background' && plan.atUnlock === 'full') {
      const at = this.options.clock.now().toISOString();
      recordIntegrity(this.paths.dataDir, {
        startedAt: at,
        finishedAt: at,
        ok: true,
        problems: [],
        ms: Math.round(performance.now() - started),
      });
    }
    return db;
  }

  /** The background integrity check started by the last open, while it runs (README "Integrity"). */
  integrityCheck(): Promise<IntegrityResult> | null {
    return this.integrity?.done ?? null;
  }

  private startIntegrityCheck(key: Buffer): void {
    const check = startBackgroundCheck({
      dataDir: this.paths.dataDir,
      dbPath: this.paths.db,
      key,
      now: () => this.options.clock.now(),
      ...(typeof this.options.nativeBinding === 'string' ? { nativeBinding: this.options.nativeBinding } : {}),
    });
    this.integrity = check;
    check.done
      .then(
        (r) => {
          if (r.ok) this.logger.log('info', 'store.integrity_checked', { ms: r.ms });
          else {
            this.logger.log('error', 'store.integrity_failed', { problems: r.problems.slice(0, 5), background: true });
            this.options.onIntegrityDamaged?.(r);
          }
        },
        (e: unknown) => this.logger.log('error', 'store.integrity_check_error', { error: String(e) }),
      )
      .finally(() => {
        if (this.integrity === check) this.integrity = null;
      });
  }

  /**
   * Give the database a new key (README "Rotation"): every remaining slot gets the new key boxed
   * to its public key, no password needed. Phase 1 (with `dbChanges`, in one transaction) writes
   * the keyring holding both boxes; the database is re-encrypted; phase 2 makes the new key current.
   * A crash between the phases is finished by the next login (openUnlocked).
   */
  rotateKey(options: RotateOptions): RotateResult {
    const db = this.db;
    return this.locked(() => {
      const k = this.keyring();
      const oldKey = Buffer.from(this.dbKey);
      const newKey = newDbKey();
      leaveWal(db);
      let dropped: { droppedUsers: string[]; droppedRecovery: boolean };
      try {
        dropped = db.transaction(() => {
          options.before?.(k);
          options.dbChanges?.();
          const d = k.beginRekey(newKey, newKeyId());
          k.sealMac(oldKey, newKey);
          writeKeyringFile(this.paths.keyring, k.snapshot());
          return d;
        })();
      } catch (e) {
        returnToWal(db);
        throw e;
      }
      rekeyAndReturnToWal(db, newKey);
      this.key?.fill(0);
      this.key = Buffer.from(newKey);
      k.finishRekey();
      options.after?.(k, newKey);
      let newRecoveryCode: string | null = null;
      if (dropped.droppedRecovery && !k.snapshot().slots.some((s) => s.type === 'recovery')) {
        newRecoveryCode = generateRecoveryCode();
        k.setRecoverySlot(newRecoveryCode, newKey, options.kdf, this.options.clock.now());
      }
      this.write(k);
      oldKey.fill(0);
      newKey.fill(0);
      this.logger.log('info', 'store.rekeyed', { droppedSlots: dropped.droppedUsers.length, newRecoveryCode: newRecoveryCode !== null });
      return { droppedUsers: dropped.droppedUsers, newRecoveryCode };
    });
  }

  get db(): Db {
    if (!this.dbHandle) throw new JiuzhuError('STORE_NOT_OPEN');
    return this.dbHandle;
  }

  /** The DB key, for new slots. Only while open. */
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
