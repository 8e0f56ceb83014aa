import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/**
 * An independent reader of the SQLCipher 4 file format, written from its definition with Node's
 * crypto (OpenSSL), not with sqlite3mc: raw 256-bit key, 4096-byte pages, the 16-byte salt in
 * front of page 1, per page AES-256-CBC over the page less its 80 reserved bytes (page 1 from
 * byte 16), then the 16-byte IV and HMAC-SHA512 over ciphertext + IV + page number (little
 * endian), under a key PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 iterations). Tests use it to prove
 * that what the store leaves on disk is that format, page for page, whoever wrote the page.
 */
export const PAGE = 4096;
const IV = 16;
const MAC = 64;
const RESERVE = IV + MAC;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface Sqlcipher4Keys {
  key: Buffer;
  hmacKey: Buffer;
}

export function sqlcipher4Keys(key: Uint8Array, salt: Buffer): Sqlcipher4Keys {
  const mask = Buffer.from(salt.map((b) => b ^ 0x3a));
  return { key: Buffer.from(key), hmacKey: pbkdf2Sync(Buffer.from(key), mask, 2, 32, 'sha512') };
}

/** Decrypt one page (page number from 1); throws naming the page when its HMAC does not verify. */
export function decryptPage(keys: Sqlcipher4Keys, page: Buffer, pgno: number): Buffer {
  const start = pgno === 1 ? 16 : 0;
  const end = PAGE - RESERVE;
  const pgnoLe = Buffer.alloc(4);
  pgnoLe.writeUInt32LE(pgno);
  const mac = createHmac('sha512', keys.hmacKey)
    .update(page.subarray(start, end + IV))
    .update(pgnoLe)
    .digest();
  if (!timingSafeEqual(mac, page.subarray(end + IV, PAGE))) throw new Error(`page ${pgno}: HMAC does not verify`);
  const decipher = createDecipheriv('aes-256-cbc', keys.key, page.subarray(end, end + IV)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
  const out = Buffer.alloc(PAGE);
  if (pgno === 1) SQLITE_HEADER.copy(out, 0);
  plain.copy(out, start);
  return out;
}

/** The whole database file decrypted into a plain SQLite file image (reserved bytes zeroed). */
export function decryptDatabase(file: Buffer, key: Uint8Array): Buffer {
  if (file.length % PAGE !== 0) throw new Error(`file size ${file.length} is not a multiple of ${PAGE}`);
  const keys = sqlcipher4Keys(key, file.subarray(0, 16));
  const pages: Buffer[] = [];
  for (let i = 0; i < file.length / PAGE; i++) pages.push(decryptPage(keys, file.subarray(i * PAGE, (i + 1) * PAGE), i + 1));
  return Buffer.concat(pages);
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export interface WalFrame {
  /** Byte offset of the frame header in the WAL file. */
  offset: number;
  pgno: number;
  /** Database size in pages for a commit frame, else 0. */
  commit: number;
}

/** SQLite's WAL checksum over 32-bit words in the byte order the WAL magic names. */
function walChecksum(bigEndian: boolean, data: Buffer, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i < data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** The frames of a WAL file image whose salts match its header (the ones SQLite would consider). */
export function walFrames(wal: Buffer): WalFrame[] {
  const frames: WalFrame[] = [];
  const salt = wal.subarray(16, 24);
  for (let off = WAL_HEADER; off + FRAME_HEADER + PAGE <= wal.length; off += FRAME_HEADER + PAGE) {
    if (!wal.subarray(off + 8, off + 16).equals(salt)) break;
    frames.push({ offset: off, pgno: wal.readUInt32BE(off), commit: wal.readUInt32BE(off + 4) });
  }
  return frames;
}

/** Page data of a frame. */
export const framePage = (wal: Buffer, frame: WalFrame): Buffer =>
  wal.subarray(frame.offset + FRAME_HEADER, frame.offset + FRAME_HEADER + PAGE);

/**
 * Recompute every frame checksum of a WAL image in place after its page data was changed, as
 * someone with write access to the disk (but not the key) can: the WAL's checksums carry no secret.
 */
export function resealWal(wal: Buffer): void {
  const bigEndian = (wal.readUInt32BE(0) & 1) === 1;
  let s: [number, number] = [wal.readUInt32BE(24), wal.readUInt32BE(28)];
  for (const f of walFrames(wal)) {
    s = walChecksum(bigEndian, wal.subarray(f.offset, f.offset + 8), s);
    s = walChecksum(bigEndian, framePage(wal, f), s);
    wal.writeUInt32BE(s[0], f.offset + 16);
    wal.writeUInt32BE(s[1], f.offset + 20);
  }
}
