import { MalformedImageError } from './malformed';

/** Markers kept before the scan: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform). */
const KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

/**
 * Copy a JPEG without its metadata: APP1 (EXIF with GPS, camera serial, thumbnails; XMP), the
 * other APPn segments that carry text (APP13 IPTC, …) and COM comments. Everything from the
 * first SOS on (the entropy-coded image) is copied verbatim. Parsed by hand: the format is a
 * plain list of length-prefixed segments, and no kept pure-JS library strips without re-encoding.
 */
export function stripJpegMetadata(src: Uint8Array): Buffer {
  const b = Buffer.from(src.buffer, src.byteOffset, src.length);
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw new MalformedImageError('JPEG 文件头');
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  for (;;) {
    if (i + 4 > b.length) throw new MalformedImageError('JPEG 在图像数据前结束');
    if (b[i] !== 0xff) throw new MalformedImageError('JPEG 段标记');
    let marker = b[i + 1]!;
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1]!; // fill bytes
    if (marker === 0xd9) throw new MalformedImageError('JPEG 没有图像数据');
    if (marker >= 0xd0 && marker <= 0xd7) throw new MalformedImageError('JPEG 段标记');
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) throw new MalformedImageError('JPEG 段长度');
    const end = i + 2 + len;
    if (marker === 0xda) {
      out.push(b.subarray(i));
      return Buffer.concat(out);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && !KEEP_APP.has(marker)) || marker === 0xfe;
    if (!drop) out.push(b.subarray(i, end));
    i = end;
  }
}
