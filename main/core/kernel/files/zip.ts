import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** MS-DOS date and time, as ZIP headers hold them (local time, 2-second steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const UTF8_NAMES = 0x0800;
const SIZES_AFTER = 0x0008;

interface Written {
  name: Buffer;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  time: number;
  date: number;
  offset: number;
}

/**
 * A ZIP archive (deflate, UTF-8 names) that Windows Explorer, 7-Zip, Excel and `unzip` open. Whole
 * files are added at once; a large one is streamed through deflate chunk by chunk with its sizes in a
 * data descriptor after it, so memory holds the compressed output and one chunk — never the whole
 * uncompressed file (the Excel exports of 100k rows).
 */
export class ZipWriter {
  private readonly out: Buffer[] = [];
  private readonly entries: Written[] = [];
  private offset = 0;

  private push(b: Buffer): void {
    this.out.push(b);
    this.offset += b.length;
  }

  private localHeader(e: Omit<Written, 'offset'>): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed: deflate
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.packed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  /** A file whose bytes are all here. */
  add(name: string, data: Buffer, modified: Date): void {
    const packed = deflateRawSync(data);
    const e = {
      name: Buffer.from(name, 'utf8'),
      flags: UTF8_NAMES,
      crc: crc32(data),
      packed: packed.length,
      size: data.length,
      ...dosTime(modified),
    };
    this.entries.push({ ...e, offset: this.offset });
    this.push(this.localHeader(e));
    this.push(packed);
  }

  /** A file written piece by piece by `produce` (await each `write`: it waits while deflate catches up). */
  async addStream(
    name: string,
    modified: Date,
    produce: (write: (chunk: string | Buffer) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const start = { name: Buffer.from(name, 'utf8'), flags: UTF8_NAMES | SIZES_AFTER, crc: 0, packed: 0, size: 0, ...dosTime(modified) };
    const offset = this.offset;
    this.push(this.localHeader(start));
    const deflate = createDeflateRaw();
    let crc = 0;
    let size = 0;
    let packed = 0;
    deflate.on('data', (c: Buffer) => {
      packed += c.length;
      this.push(c);
    });
    const done = new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', reject);
    });
    await produce(async (chunk) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise<void>((r) => deflate.once('drain', r));
    });
    deflate.end();
    await done;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(packed, 8);
    descriptor.writeUInt32LE(size, 12);
    this.push(descriptor);
    this.entries.push({ ...start, crc: crc >>> 0, packed, size, offset });
  }

  /** The archive: the files, then the central directory. */
  finish(): Buffer {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4); // made by: MS-DOS attributes, spec 2.0
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(e.flags, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(e.time, 12);
      c.writeUInt16LE(e.date, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.packed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.push(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.out);
  }
}
