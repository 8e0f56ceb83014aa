import { crc32, inflateRawSync } from 'node:zlib';
import { JiuzhuError } from '../../../../common/contract/errors';

/** Bounds a ZIP may not pass: what an .xlsx of a station's roster needs, far below what a zip bomb asks for. */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries read from one archive. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, per entry (checked above 1 MB: a real sheet deflates 5–50×, a bomb 1000× and more). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 1000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bad = (reason: string): JiuzhuError => new JiuzhuError('FILE_ZIP_INVALID', {}, { reason });

/**
 * A ZIP archive read from its central directory (APPNOTE 6.3: stored and deflate; no ZIP64, no
 * encryption, no multi-disk), for the .xlsx files stations bring from other systems. Every entry is
 * inflated with node:zlib under `maxOutputLength`, so a size the headers understate cannot grow past
 * the limits; its CRC-32 and size are checked against the directory.
 */
export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();
  private total = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    for (const e of this.directory()) this.byName.set(e.name, e);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The uncompressed bytes of one entry, or null when the archive has none of that name. */
  read(name: string): Buffer | null {
    const e = this.byName.get(name);
    if (!e) return null;
    if (e.size > this.limits.maxEntryBytes)
      throw new JiuzhuError('FILE_ZIP_TOO_LARGE', { mb: String(Math.ceil(this.limits.maxEntryBytes / 1048576)) });
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.packed) > this.limits.maxRatio)
      throw new JiuzhuError('FILE_ZIP_BOMB', {}, { name, ratio: Math.round(e.size / Math.max(1, e.packed)) });
    if (this.total + e.size > this.limits.maxTotalBytes)
      throw new JiuzhuError('FILE_ZIP_TOO_LARGE', { mb: String(Math.ceil(this.limits.maxTotalBytes / 1048576)) });
    const b = this.bytes;
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== LOCAL) throw bad(`local header of ${name}`);
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    if (start + e.packed > b.length) throw bad(`data of ${name} past the end`);
    const packed = b.subarray(start, start + e.packed);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(packed);
    else {
      try {
        // One byte more than declared: an entry that inflates past its size is caught below, not truncated silently.
        out = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size + 1) });
      } catch {
        throw bad(`deflate data of ${name}`);
      }
    }
    if (out.length !== e.size) throw bad(`size of ${name}`);
    if (crc32(out) >>> 0 !== e.crc) throw bad(`checksum of ${name}`);
    this.total += out.length;
    return out;
  }

  private directory(): ZipEntry[] {
    const b = this.bytes;
    if (b.length < 22) throw bad('too short');
    // The end record is in the last 22 + 65535 (comment) bytes.
    let end = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (b.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) throw bad('no end of central directory');
    if (b.readUInt16LE(end + 4) !== 0 || b.readUInt16LE(end + 6) !== 0)
      throw new JiuzhuError('FILE_ZIP_UNSUPPORTED', {}, { what: 'multi-disk' });
    const count = b.readUInt16LE(end + 10);
    const dirSize = b.readUInt32LE(end + 12);
    const dirOffset = b.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new JiuzhuError('FILE_ZIP_UNSUPPORTED', {}, { what: 'ZIP64' });
    if (count > this.limits.maxEntries)
      throw new JiuzhuError('FILE_ZIP_TOO_MANY', { count: String(count), max: String(this.limits.maxEntries) });
    if (dirOffset + dirSize > end) throw bad('central directory out of bounds');
    const entries: ZipEntry[] = [];
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > end || b.readUInt32LE(p) !== CENTRAL) throw bad('central directory entry');
      const flags = b.readUInt16LE(p + 8);
      const method = b.readUInt16LE(p + 10);
      const nameLen = b.readUInt16LE(p + 28);
      const extraLen = b.readUInt16LE(p + 30);
      const commentLen = b.readUInt16LE(p + 32);
      const rawName = b.subarray(p + 46, p + 46 + nameLen);
      // Names are UTF-8 when flag 11 says so; the parts of an .xlsx are ASCII either way.
      const name = flags & 0x0800 ? rawName.toString('utf8') : rawName.toString('latin1');
      const e: ZipEntry = {
        name,
        method,
        flags,
        crc: b.readUInt32LE(p + 16),
        packed: b.readUInt32LE(p + 20),
        size: b.readUInt32LE(p + 24),
        offset: b.readUInt32LE(p + 42),
      };
      if (e.packed === 0xffffffff || e.size === 0xffffffff || e.offset === 0xffffffff)
        throw new JiuzhuError('FILE_ZIP_UNSUPPORTED', {}, { what: 'ZIP64' });
      if (flags & 0x0001) throw new JiuzhuError('FILE_ZIP_UNSUPPORTED', {}, { what: 'encrypted' });
      if (method !== 0 && method !== 8) throw new JiuzhuError('FILE_ZIP_UNSUPPORTED', {}, { what: `method ${method}` });
      if (!name.endsWith('/')) entries.push(e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  }
}
