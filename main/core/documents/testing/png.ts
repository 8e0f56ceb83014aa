/** A tiny PNG encoder for test fixtures (signature strokes, a face-like thumbnail). */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** RGB PNG from a pixel function returning [r, g, b]. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A pen stroke on white: a wavy line, like a signature. */
export const signaturePng = (): Buffer =>
  makePng(360, 150, (x, y) => {
    const curve = 75 + 40 * Math.sin(x / 22) * Math.cos(x / 61);
    return Math.abs(y - curve) < 3 ? [20, 20, 60] : [255, 255, 255];
  });

/** A face-like thumbnail: a skin oval on a light background. */
export const facePng = (): Buffer =>
  makePng(102, 126, (x, y) => {
    const d = ((x - 51) / 34) ** 2 + ((y - 60) / 44) ** 2;
    return d < 1 ? [224, 186, 160] : y > 100 ? [60, 70, 110] : [225, 232, 240];
  });
