import { MalformedImageError } from './malformed';

/**
 * Copy a WebP (RIFF) without its EXIF and XMP chunks, clearing their flags in VP8X and fixing
 * the RIFF size. Chunks are padded to even length as RIFF requires.
 */
export function stripWebpMetadata(src: Uint8Array): Buffer {
  const b = Buffer.from(src.buffer, src.byteOffset, src.length);
  if (b.length < 20) throw new MalformedImageError('WebP 文件太短');
  const riffEnd = 8 + b.readUInt32LE(4);
  if (riffEnd > b.length) throw new MalformedImageError('WebP 长度');
  const chunks: Buffer[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) throw new MalformedImageError('WebP 数据块');
    const type = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size & 1);
    if (end > riffEnd + (size & 1)) throw new MalformedImageError('WebP 数据块长度');
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      if (type === 'VP8X' && chunk.length >= 9) chunk[8] = chunk[8]! & ~0x0c; // clear EXIF (0x08) and XMP (0x04) flags
      chunks.push(chunk);
    }
    i = end;
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
