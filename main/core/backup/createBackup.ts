import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { AuditLog } from '../kernel/audit/auditLog';
import { fsyncDir } from '../kernel/store/fsAtomic';
import { serializeKeyring } from '../kernel/store/keys/keyringFile';
import { JiuzhuError } from '../../../common/contract/errors';
import { newDbKey, newKeyId } from '../kernel/store/keys/keyring';
import { leaveWal, rekeyAndReturnToWal } from '../kernel/store/rekey';
import { openSqlite } from '../kernel/store/sqlite';
import { schemaVersion } from '../kernel/store/migrate';
import type { Station } from '../kernel/store/station';
import type { Clock } from '../kernel/store/types';
import { attachmentCount, auditHeadRow, useRollbackJournal, vacuumInto } from './backupRepo';
import { encodeTrailer, HEADER, readManifest, signManifest, verifyEntries, type BackupManifest } from './container';
import { targetError, throwIfAborted, type ProgressFn } from './errors';
import { toStoreIoError } from '../kernel/store/ioErrors';
import { createSm4GcmEncryptor, type Sm4GcmStream } from '../../../sync-protocol/gm/index';
import { backupCipherFor, ENTRY_TAG_BYTES, GM_BACKUP_CIPHER, newEntryNonce, sm4EntryKey, type BackupCipher } from './seal';

export interface BackupOptions {
  /** Target file (e.g. on a USB stick). Written as FILE.partial, then renamed. */
  out: string;
  actor: string;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Online, consistent backup while the app is in use. `VACUUM INTO` copies one read snapshot of
 * the database into a new file (better-sqlite3's page backup refuses an encrypted source with a
 * new target), which is then re-encrypted with the backup's own random data key; the keyring
 * that goes with it has every slot's box re-sealed to that key (README "Own data key"). The
 * snapshot, the keyring and a manifest signed with the backup's key go into one file on the
 * target, created new (an existing file or symlink there is refused), owner-only, and re-read
 * and re-hashed before the backup counts as done. Where the station's pinned sync suite is 国密
 * the snapshot is streamed through SM4-GCM and the manifest MAC'd with HMAC-SM3 (seal.ts), in
 * 1 MiB pieces: memory stays flat whatever the size. Any failure (disk full, stick pulled, cancel)
 * removes the partial file; station data is only read, apart from the audit row of the backup.
 */
export function createBackup(station: Station, audit: AuditLog, clock: Clock, options: BackupOptions): BackupResult {
  const { out, onProgress, signal } = options;
  const progress = (phase: Parameters<ProgressFn>[0]['phase'], fraction: number) => onProgress?.({ phase, fraction });
  const db = station.db;
  const info = station.stationInfo();
  if (!info) throw new Error('station row missing');
  throwIfAborted(signal);
  const targetDir = dirname(out);
  if (!existsSync(targetDir) || !statSync(targetDir).isDirectory()) throw targetError({ code: 'ENOENT' });
  refuseExisting(out);
  refuseExisting(`${out}.partial`);
  const liveKeyring = station.keyring();
  // A keyring still holding format 1 slots cannot re-seal them: such a backup keeps the station's key (README).
  const legacy = liveKeyring.legacySlots();
  const ownKey = legacy.usernames.length === 0 && !legacy.recovery;
  const key = ownKey ? newDbKey() : Buffer.from(station.dbKey);

  const snapshot = join(station.paths.tmp, `backup-${randomUUID()}.db`);
  const partial = `${out}.partial`;
  try {
    progress('snapshot', 0);
    try {
      vacuumInto(db, snapshot);
    } catch (e) {
      throw toStoreIoError(e);
    }
    throwIfAborted(signal);
    const native = station.options.nativeBinding ? { nativeBinding: station.options.nativeBinding } : {};
    const snap = openSqlite(snapshot, station.dbKey, native);
    let head: { seq: number; hash: Buffer } | undefined;
    let attachments: number;
    let version: number;
    let cipher: BackupCipher;
    try {
      cipher = backupCipherFor(snap);
      head = auditHeadRow(snap);
      attachments = attachmentCount(snap);
      version = schemaVersion(snap);
      if (ownKey) {
        leaveWal(snap);
        rekeyAndReturnToWal(snap, key);
        useRollbackJournal(snap);
      }
    } finally {
      snap.close();
    }
    const keyringBytes = serializeKeyring(ownKey ? liveKeyring.forBackup(key, newKeyId()) : liveKeyring.snapshot());
    const snapshotSize = statSync(snapshot).size;
    const sealed = cipher === GM_BACKUP_CIPHER;
    const dbSize = snapshotSize + (sealed ? ENTRY_TAG_BYTES : 0);
    const total = dbSize + keyringBytes.length;
    progress('snapshot', 0.3);

    let fd: number;
    try {
      // O_EXCL: never through a symlink, never over a file that appeared meanwhile; owner-only.
      fd = openSync(partial, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new JiuzhuError('BACKUP_TARGET_EXISTS', { file: `${out}.partial`.slice(-80) });
      throw targetError(e);
    }
    let written = 0;
    const entries: BackupManifest['entries'] = [];
    try {
      const write = (b: Buffer) => {
        let off = 0;
        while (off < b.length) off += writeSync(fd, b, off, b.length - off);
      };
      write(HEADER);
      let offset = HEADER.length;
      // the database snapshot, streamed (through SM4-GCM in a 国密 backup)
      const src = openSync(snapshot, 'r');
      const h = createHash('sha256');
      const nonce = sealed ? newEntryNonce() : null;
      // The stream keeps the key it is given: wiped once the entry is written.
      const entryKey = nonce ? sm4EntryKey(key) : null;
      const gcm: Sm4GcmStream | null = entryKey && nonce ? createSm4GcmEncryptor(entryKey, nonce) : null;
      const put = (b: Buffer) => {
        h.update(b);
        write(b);
        written += b.length;
      };
      try {
        const buf = Buffer.alloc(1024 * 1024);
        for (;;) {
          throwIfAborted(signal);
          const n = readSync(src, buf, 0, buf.length, null);
          if (n <= 0) break;
          put(gcm ? gcm.update(buf.subarray(0, n)) : buf.subarray(0, n));
          progress('write', 0.3 + 0.5 * (written / total));
        }
        if (gcm) put(gcm.final());
      } finally {
        closeSync(src);
        entryKey?.fill(0);
      }
      entries.push({ name: 'db', offset, size: dbSize, sha256: h.digest('hex'), ...(nonce ? { nonce: nonce.toString('hex') } : {}) });
      offset += dbSize;
      write(keyringBytes);
      entries.push({ name: 'keyring', offset, size: keyringBytes.length, sha256: createHash('sha256').update(keyringBytes).digest('hex') });
      written += keyringBytes.length;
      const manifest = signManifest(
        {
          format: 'jiuzhu-backup',
          version: 1,
          cipher,
          createdAt: clock.now().toISOString(),
          stationId: info.stationId,
          keyringId: station.keyring().keyringId,
          schemaVersion: version,
          auditHead: { seq: head?.seq ?? 0, hash: head?.hash.toString('hex') ?? '' },
          attachments,
          entries,
        },
        key,
      );
      write(encodeTrailer(manifest));
      fsyncSync(fd);
    } catch (e) {
      throw targetError(e);
    } finally {
      closeSync(fd);
    }
    throwIfAborted(signal);
    // Read back from the target before calling it done (USB sticks lie).
    progress('verify', 0.8);
    const { manifest } = readManifest(partial);
    let checked = 0;
    verifyEntries(partial, manifest, (n) => progress('verify', 0.8 + 0.2 * ((checked += n) / total)), signal);
    publishNoReplace(partial, out);
    try {
      fsyncDir(targetDir);
    } catch (e) {
      throw targetError(e);
    }
    const bytes = statSync(out).size;
    audit.append({
      actor: options.actor,
      action: 'backup.create',
      targetType: 'station',
      targetId: info.stationId,
      details: { bytes, auditHeadSeq: manifest.auditHead.seq, attachments },
    });
    progress('done', 1);
    return { file: out, bytes, manifest };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    rmSync(snapshot, { force: true });
    key.fill(0);
  }
}

/** Any entry at the path, a dangling symlink included, is refused. */
function refuseExisting(path: string): void {
  try {
    lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw targetError(e);
  }
  throw new JiuzhuError('BACKUP_TARGET_EXISTS', { file: path.slice(-80) });
}

/**
 * Give the finished file its name without replacing anything there: a hard link fails if the
 * name exists. FAT/exFAT sticks have no hard links; there the name is checked, then renamed.
 */
function publishNoReplace(partial: string, out: string): void {
  try {
    linkSync(partial, out);
    rmSync(partial, { force: true });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new JiuzhuError('BACKUP_TARGET_EXISTS', { file: out.slice(-80) });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw targetError(e);
  }
  refuseExisting(out);
  try {
    renameSync(partial, out);
  } catch (e) {
    throw targetError(e);
  }
}
