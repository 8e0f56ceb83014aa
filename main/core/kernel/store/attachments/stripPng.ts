import { crc32 } from 'node:zlib';
import { MalformedImageError } from './malformed';

/** Ancillary chunks that carry free text, EXIF or timestamps. */
const DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/**
 * Copy a PNG without its text and EXIF chunks. Every chunk's CRC is checked, the file must start
 * with IHDR and end with IEND, and nothing after IEND is kept (a common hiding place).
 */
export function stripPngMetadata(src: Uint8Array): Buffer {
  const b = Buffer.from(src.buffer, src.byteOffset, src.length);
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  let first = true;
  for (;;) {
    if (i + 12 > b.length) throw new MalformedImageError('PNG 数据块不完整');
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (len > 0x7fffffff || end > b.length) throw new MalformedImageError('PNG 数据块长度');
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== b.readUInt32BE(i + 8 + len)) throw new MalformedImageError(`PNG ${type} 校验`);
    if (first && type !== 'IHDR') throw new MalformedImageError('PNG 缺少 IHDR');
    first = false;
    if (!DROP.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(out);
  }
}
