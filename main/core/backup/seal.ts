/**
 * How a backup is sealed, named in its manifest (`cipher`):
 *
 * - `SQLCIPHER-HMACSHA256-v1`: the database entry is the snapshot as the store encrypts it
 *   (SQLCipher 4 under the backup's own data key); the manifest MAC is HMAC-SHA256 keyed by
 *   HKDF-SHA256(dataKey, info "jiuzhu-backup/manifest-mac/v1"). Backups made before the field
 *   existed have no `cipher` and are this kind.
 * - `SM4GCM-HMACSM3-v1` (国密, where the station's pinned sync suite is SM2-SM3-SM4GCM-v1): the
 *   same snapshot is in addition sealed with SM4-GCM (GB/T 32907, NIST SP 800-38D; the stream of
 *   sync-protocol/gm) under HKDF-SM3(dataKey, info "jiuzhu-backup/sm4-gcm/v1", 16 bytes) with a
 *   random 12-byte nonce kept in the entry (`nonce`); the entry's bytes are ciphertext ‖ tag. The
 *   manifest MAC is HMAC-SM3 keyed by HKDF-SM3(dataKey, info "jiuzhu-backup/manifest-mac/sm3/v1").
 *
 * The keyring entry is the same in both: its boxes are sealed to the slots' public keys and it is
 * read before the data key is known (it is what yields the key). The entries' SHA-256 in the
 * manifest are a damage check (a torn copy on a USB stick), not the protection: the MAC and the
 * GCM tag are.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { hkdfSm3, hmacSm3, SM4_GCM_NONCE_BYTES, SM4_GCM_TAG_BYTES, SM4_KEY_BYTES } from '../../../sync-protocol/gm/index';
import type { Db } from '../kernel/store/types';
import { pinnedSyncSuite } from './backupRepo';

export const BACKUP_CIPHERS = ['SQLCIPHER-HMACSHA256-v1', 'SM4GCM-HMACSM3-v1'] as const;
export type BackupCipher = (typeof BACKUP_CIPHERS)[number];
export const GM_BACKUP_CIPHER: BackupCipher = 'SM4GCM-HMACSM3-v1';

/** The cipher of a backup of this database: 国密 where the pinned sync suite is. */
export function backupCipherFor(db: Db): BackupCipher {
  const suite = pinnedSyncSuite(db);
  return suite === 'SM2-SM3-SM4GCM-v1' ? GM_BACKUP_CIPHER : 'SQLCIPHER-HMACSHA256-v1';
}

/** The manifest's MAC over its canonical JSON, by its cipher (absent: the first kind). */
export function manifestMac(cipher: BackupCipher | undefined, dataKey: Uint8Array, canonical: string): string {
  if (cipher === GM_BACKUP_CIPHER)
    return hmacSm3(hkdfSm3(dataKey, Buffer.alloc(0), 'jiuzhu-backup/manifest-mac/sm3/v1', 32), Buffer.from(canonical, 'utf8')).toString(
      'hex',
    );
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'jiuzhu-backup/manifest-mac/v1', 32));
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/** The SM4-GCM key of a 国密 backup's database entry. */
export const sm4EntryKey = (dataKey: Uint8Array): Buffer => hkdfSm3(dataKey, Buffer.alloc(0), 'jiuzhu-backup/sm4-gcm/v1', SM4_KEY_BYTES);

export const newEntryNonce = (): Buffer => randomBytes(SM4_GCM_NONCE_BYTES);
export const ENTRY_TAG_BYTES = SM4_GCM_TAG_BYTES;
