import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { JiuzhuError } from '../../../common/contract/errors';
import { canonicalJson } from '../kernel/store/keys/canonicalJson';
import { BACKUP_CIPHERS, manifestMac } from './seal';

/**
 * One backup = one file, so it can be carried on a USB stick without losing a part:
 *
 *   "JZBACKUP" 0x01 + 7 zero bytes      header (16 bytes)
 *   entry bytes, back to back             the encrypted DB snapshot, the keyring
 *   manifest JSON                         names, offsets, sizes, SHA-256 of every entry, a MAC
 *   u32 BE manifest length + "JZBKEND1"   trailer (12 bytes)
 *
 * The manifest is written last so the entries can be streamed without knowing their hashes in
 * advance. Its MAC is keyed from the DB key: a backup made with another key is "foreign". The
 * manifest names the cipher that seals the database entry and MACs the manifest (seal.ts).
 */
export const HEADER = Buffer.concat([Buffer.from('JZBACKUP', 'latin1'), Buffer.from([1, 0, 0, 0, 0, 0, 0, 0])]);
export const TRAILER_MAGIC = Buffer.from('JZBKEND1', 'latin1');
const MAX_MANIFEST = 64 * 1024;

export const manifestEntrySchema = z.object({
  name: z.enum(['db', 'keyring']),
  offset: z.number().int().min(HEADER.length),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** SM4-GCM entries: the 12-byte nonce (the entry's bytes are ciphertext ‖ tag). */
  nonce: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional(),
});

export const manifestSchema = z.object({
  format: z.literal('jiuzhu-backup'),
  version: z.literal(1),
  /** What seals the database entry and MACs the manifest; absent in backups made before it was named (the first kind). */
  cipher: z.enum(BACKUP_CIPHERS).optional(),
  createdAt: z.string(),
  stationId: z.string(),
  keyringId: z.string(),
  schemaVersion: z.number().int(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
  attachments: z.number().int(),
  entries: z.array(manifestEntrySchema),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type UnsignedManifest = Omit<BackupManifest, 'mac'>;

export function signManifest(m: UnsignedManifest, dbKey: Uint8Array): BackupManifest {
  return { ...m, mac: manifestMac(m.cipher, dbKey, canonicalJson(m)) };
}

export function manifestMacValid(m: BackupManifest, dbKey: Uint8Array): boolean {
  const { mac, ...rest } = m;
  return signManifest(rest, dbKey).mac === mac;
}

export function encodeTrailer(m: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(m), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([json, len, TRAILER_MAGIC]);
}

const damaged = (detail: string) => new JiuzhuError('BACKUP_DAMAGED', { detail });

/** Read and validate the header and manifest (not the entry hashes: see verifyEntries). */
export function readManifest(file: string): { manifest: BackupManifest; fileSize: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new JiuzhuError('BACKUP_NOT_FOUND', { file: file.slice(-80) });
    throw new JiuzhuError('BACKUP_TARGET_UNAVAILABLE', { detail: (e as NodeJS.ErrnoException).code ?? 'open' });
  }
  try {
    const size = fstatSync(fd).size;
    if (size < HEADER.length + 12) throw damaged('文件太短');
    const head = Buffer.alloc(HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    if (!head.equals(HEADER)) throw damaged('不是救助通备份文件');
    const tail = Buffer.alloc(12);
    readSync(fd, tail, 0, 12, size - 12);
    if (!tail.subarray(4).equals(TRAILER_MAGIC)) throw damaged('文件结尾缺失（可能没有写完）');
    const len = tail.readUInt32BE(0);
    if (len === 0 || len > MAX_MANIFEST || len > size - HEADER.length - 12) throw damaged('清单长度');
    const json = Buffer.alloc(len);
    readSync(fd, json, 0, len, size - 12 - len);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw damaged('清单格式');
    }
    const r = manifestSchema.safeParse(parsed);
    if (!r.success) throw damaged('清单内容');
    const dataEnd = size - 12 - len;
    for (const e of r.data.entries) if (e.offset + e.size > dataEnd) throw damaged(`${e.name} 超出文件`);
    if (!r.data.entries.some((e) => e.name === 'db') || !r.data.entries.some((e) => e.name === 'keyring')) throw damaged('缺少数据或密钥');
    return { manifest: r.data, fileSize: size };
  } finally {
    closeSync(fd);
  }
}

/** Re-hash every entry from disk; throws BACKUP_DAMAGED naming the first bad one. */
export function verifyEntries(file: string, manifest: BackupManifest, onBytes?: (n: number) => void, signal?: AbortSignal): void {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (const e of manifest.entries) {
      const h = createHash('sha256');
      let done = 0;
      while (done < e.size) {
        if (signal?.aborted) throw new JiuzhuError('BACKUP_CANCELLED');
        const n = readSync(fd, buf, 0, Math.min(buf.length, e.size - done), e.offset + done);
        if (n <= 0) throw damaged(`${e.name} 不完整`);
        h.update(buf.subarray(0, n));
        done += n;
        onBytes?.(n);
      }
      if (h.digest('hex') !== e.sha256) throw damaged(`${e.name} 校验和不符`);
    }
  } finally {
    closeSync(fd);
  }
}

export function readEntry(file: string, entry: z.infer<typeof manifestEntrySchema>): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(entry.size);
    let done = 0;
    while (done < entry.size) {
      const n = readSync(fd, b, done, entry.size - done, entry.offset + done);
      if (n <= 0) throw damaged(`${entry.name} 不完整`);
      done += n;
    }
    return b;
  } finally {
    closeSync(fd);
  }
}
