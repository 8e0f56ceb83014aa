import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { JiuzhuError } from '../../../common/contract/errors';
import { AuditLog } from '../kernel/audit/auditLog';
import { fsyncDir, writeFileAtomicSync } from '../kernel/store/fsAtomic';
import { toStoreIoError } from '../kernel/store/ioErrors';
import { Keyring, newDbKey, newKeyId } from '../kernel/store/keys/keyring';
import { parseKeyring, writeKeyringFile } from '../kernel/store/keys/keyringFile';
import type { KeyringBody } from '../kernel/store/keys/keyringFormat';
import { leaveWal, rekeyAndReturnToWal } from '../kernel/store/rekey';
import { closeStore, openStore } from '../kernel/store/openStore';
import { schemaVersion } from '../kernel/store/migrate';
import { SCHEMA_VERSION } from '../kernel/store/migrations/index';
import { openSqlite } from '../kernel/store/sqlite';
import type { Station } from '../kernel/store/station';
import type { Clock, Db } from '../kernel/store/types';
import { checkStore } from './checkStore';
import { manifestMacValid, readEntry, readManifest, verifyEntries, type BackupManifest } from './container';
import { throwIfAborted, type ProgressFn } from './errors';
import { privateDirMode, privateFileMode } from '../kernel/store/fileModes';
import { createSm4GcmDecryptor, type Sm4GcmStream } from '../../../sync-protocol/gm/index';
import { ENTRY_TAG_BYTES, GM_BACKUP_CIPHER, sm4EntryKey } from './seal';
import { auditHeadRow } from './backupRepo';

export type RestoreUnlock =
  /**
   * An admin restoring on the same station: the backup's box for their slot, opened with their
   * session's slot private key. `stationKey` opens a backup made while the keyring still held
   * format 1 slots (those kept the station's key).
   */
  | { session: { username: string; privateKey: KeyObject | null; stationKey?: Buffer } }
  /** The recovery code of the backup's keyring (a new machine, or the station will not open). */
  | { recoveryCode: string };

export interface RestoreOptions {
  file: string;
  unlock: RestoreUnlock;
  actor: string;
  /** Accept a backup of another station (moving a station's data to a new install). Default false. */
  allowOtherStation?: boolean;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the replaced data was moved (encrypted; the admin may delete it once satisfied). */
  previousDataDir: string | null;
}

/**
 * Restore = verify everything first, then swap. The backup is hashed, its MAC checked with the
 * key, its keyring parsed, its database extracted to dataDir/tmp and opened read-only for a full
 * check (integrity, audit chain, attachment hashes, schema not newer than this program). Only
 * then is the station closed and its files moved aside (dataDir/pre-restore-…) and replaced by
 * renames on the same filesystem. Anything that fails before the swap leaves current data as is.
 * After a restore every session is gone: the caller closes its AuthService and users log in again.
 */
export function restoreBackup(station: Station, clock: Clock, options: RestoreOptions): RestoreResult {
  const { onProgress, signal } = options;
  const progress = (phase: Parameters<ProgressFn>[0]['phase'], fraction: number) => onProgress?.({ phase, fraction });
  progress('verify', 0);
  const { manifest, fileSize } = readManifest(options.file);
  let seen = 0;
  verifyEntries(options.file, manifest, (n) => progress('verify', 0.4 * ((seen += n) / fileSize)), signal);

  const keyringEntry = manifest.entries.find((e) => e.name === 'keyring')!;
  const keyringBytes = readEntry(options.file, keyringEntry);
  let backupKeyring;
  try {
    backupKeyring = parseKeyring(keyringBytes);
  } catch {
    throw new JiuzhuError('BACKUP_DAMAGED', { detail: '密钥文件' });
  }
  if (backupKeyring.stationId !== manifest.stationId) throw new JiuzhuError('BACKUP_DAMAGED', { detail: '清单与密钥不一致' });

  const currentStationId = currentStation(station);
  if (currentStationId && currentStationId !== manifest.stationId && !options.allowOtherStation) {
    throw new JiuzhuError('BACKUP_FOREIGN', { detail: '工作站编号不同' });
  }
  const key = unlockBackup(backupKeyring, options.unlock, manifest);
  if (!manifestMacValid(manifest, key)) throw new JiuzhuError('BACKUP_FOREIGN', { detail: '加密密钥不同' });
  if (manifest.schemaVersion > SCHEMA_VERSION) throw new JiuzhuError('BACKUP_TOO_NEW', { found: manifest.schemaVersion });
  throwIfAborted(signal);

  mkdirSync(station.paths.tmp, { recursive: true, mode: privateDirMode() });
  const staged = join(station.paths.tmp, `restore-${randomUUID()}.db`);
  try {
    extractDb(options.file, manifest, key, staged, signal);
    progress('check', 0.5);
    const snap = openSqlite(staged, key, {
      readonly: true,
      ...(station.options.nativeBinding ? { nativeBinding: station.options.nativeBinding } : {}),
    });
    try {
      const found = schemaVersion(snap);
      if (found > SCHEMA_VERSION) throw new JiuzhuError('BACKUP_TOO_NEW', { found });
      const report = checkStore(snap, clock, { signal, onProgress: (p) => progress('check', 0.5 + 0.4 * p.fraction) });
      if (!report.ok) {
        const detail =
          report.integrity[0] ??
          (report.audit.ok ? `附件 ${report.attachments.bad.length} 个损坏` : `审计记录第 ${report.audit.firstBad.seq} 条`);
        throw new JiuzhuError('BACKUP_CHECK_FAILED', { detail: detail.slice(0, 80) });
      }
      const head = auditHeadRow(snap);
      if ((head?.seq ?? 0) !== manifest.auditHead.seq) throw new JiuzhuError('BACKUP_CHECK_FAILED', { detail: '审计记录与清单不符' });
    } catch (e) {
      if (e instanceof JiuzhuError) throw e;
      throw new JiuzhuError('BACKUP_CHECK_FAILED', { detail: (e as { code?: string }).code ?? '数据库无法读取' });
    } finally {
      snap.close();
    }
    throwIfAborted(signal);

    // --- point of no return: swap files (under the data folder's lock: the CLI may be running) ---
    progress('swap', 0.9);
    station.close();
    const previousDataDir = station.locked(() => {
      const aside = moveAside(station, clock);
      try {
        writeFileAtomicSync(station.paths.keyring, keyringBytes);
        renameSync(staged, station.paths.db);
        fsyncDir(station.paths.dataDir);
      } catch (e) {
        throw toStoreIoError(e);
      }
      const db = openStore(station.paths.db, key, station.options.nativeBinding ? { nativeBinding: station.options.nativeBinding } : {});
      try {
        new AuditLog(db, clock, station.machineId).append({
          actor: options.actor,
          action: 'backup.restore',
          targetType: 'station',
          targetId: manifest.stationId,
          details: { backupCreatedAt: manifest.createdAt, auditHeadSeq: manifest.auditHead.seq },
        });
        rekeyRestored(station, db, key, backupKeyring);
      } finally {
        closeStore(db);
      }
      return aside;
    });
    progress('done', 1);
    return { manifest, previousDataDir };
  } finally {
    rmSync(staged, { force: true });
    key.fill(0);
  }
}

/** The backup's data key, from the admin's slot in its keyring or from its recovery code. */
function unlockBackup(body: KeyringBody, unlock: RestoreUnlock, manifest: BackupManifest): Buffer {
  const k = Keyring.fromBody(body);
  if ('recoveryCode' in unlock) return k.unlockRecovery(unlock.recoveryCode).dbKey;
  const { username, privateKey, stationKey } = unlock.session;
  const fromSlot = privateKey ? k.unlockWithPrivateKey(username, privateKey) : null;
  if (fromSlot) return fromSlot;
  if (stationKey && manifestMacValid(manifest, stationKey)) return Buffer.from(stationKey);
  throw new JiuzhuError('BACKUP_NO_SLOT');
}

/**
 * The restored database gets a new key at once (two phases, as a rotation): the live files then
 * share no key with the backup file they came from. A backup that still carries format 1 slots
 * keeps its key (those slots cannot follow).
 */
function rekeyRestored(station: Station, db: Db, key: Buffer, body: KeyringBody): void {
  const k = Keyring.fromBody(body);
  const legacy = k.legacySlots();
  if (legacy.usernames.length > 0 || legacy.recovery) return;
  const next = newDbKey();
  try {
    leaveWal(db);
    k.beginRekey(next, newKeyId());
    k.sealMac(key, next);
    writeKeyringFile(station.paths.keyring, k.snapshot());
    rekeyAndReturnToWal(db, next);
    k.finishRekey();
    k.sealMac(next);
    writeKeyringFile(station.paths.keyring, k.snapshot());
  } finally {
    next.fill(0);
  }
}

function currentStation(station: Station): string | null {
  if (!existsSync(station.paths.keyring)) return null;
  try {
    return station.keyring().stationId;
  } catch {
    return null; // a damaged current keyring is a reason to restore, not a reason to refuse
  }
}

/**
 * The database entry to `to`: copied as is, or in a 国密 backup opened with SM4-GCM in 1 MiB
 * pieces against the tag at its end. The staged file is used only after the tag verified (a wrong
 * tag is BACKUP_DAMAGED and the caller removes the file).
 */
function extractDb(file: string, manifest: BackupManifest, key: Buffer, to: string, signal?: AbortSignal): void {
  const entry = manifest.entries.find((e) => e.name === 'db')!;
  if (manifest.cipher !== GM_BACKUP_CIPHER) return extract(file, entry.offset, entry.size, to, null, signal);
  if (!entry.nonce || entry.size < ENTRY_TAG_BYTES) throw new JiuzhuError('BACKUP_DAMAGED', { detail: '数据不完整' });
  const bodySize = entry.size - ENTRY_TAG_BYTES;
  const tag = readEntry(file, { ...entry, offset: entry.offset + bodySize, size: ENTRY_TAG_BYTES });
  const entryKey = sm4EntryKey(key);
  try {
    const gcm = createSm4GcmDecryptor(entryKey, Buffer.from(entry.nonce, 'hex'), tag);
    extract(file, entry.offset, bodySize, to, gcm, signal);
    try {
      gcm.final();
    } catch {
      throw new JiuzhuError('BACKUP_DAMAGED', { detail: '数据校验未通过（SM4-GCM）' });
    }
  } finally {
    entryKey.fill(0);
  }
}

function extract(file: string, offset: number, size: number, to: string, gcm: Sm4GcmStream | null, signal?: AbortSignal): void {
  const src = openSync(file, 'r');
  const dst = openSync(to, 'wx', privateFileMode());
  try {
    const buf = Buffer.alloc(1024 * 1024);
    let done = 0;
    while (done < size) {
      throwIfAborted(signal);
      const n = readSync(src, buf, 0, Math.min(buf.length, size - done), offset + done);
      if (n <= 0) throw new JiuzhuError('BACKUP_DAMAGED', { detail: '数据不完整' });
      const out = gcm ? gcm.update(buf.subarray(0, n)) : buf.subarray(0, n);
      let off = 0;
      while (off < out.length) off += writeSync(dst, out, off, out.length - off);
      done += n;
    }
    fsyncSync(dst);
  } catch (e) {
    throw toStoreIoError(e);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

function moveAside(station: Station, clock: Clock): string | null {
  const names = ['', '-wal', '-shm']
    .map((s) => station.paths.db + s)
    .concat(station.paths.keyring)
    .filter((p) => existsSync(p));
  if (names.length === 0) return null;
  const dir = join(station.paths.dataDir, `pre-restore-${clock.now().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { mode: privateDirMode() });
  for (const p of names) renameSync(p, join(dir, p.slice(station.paths.dataDir.length + 1)));
  fsyncDir(station.paths.dataDir);
  return dir;
}
