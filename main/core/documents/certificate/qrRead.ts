/**
 * A small QR reader for the symbols this app prints (the 救助证明 check reads the document camera's
 * frame with it; the tests read printed PDFs back with it): find the symbol in a grey
 * raster by its finder pattern, sample the module grid, read the format information, unmask,
 * read the codewords in the zig-zag order, de-interleave the blocks and parse the segments
 * (numeric, alphanumeric, byte — what the `qrcode` encoder produces). No error correction: a
 * clean 300 dpi rendering must read back exactly, and the Ed25519 signature catches any slip. The
 * symbol must face the camera square (no rotation or perspective): a crease or a tilt is a failed
 * read (CERT_NO_QR), and the clerk types the number instead. No kept npm QR reader is installed.
 * The layout tables (function patterns, block structure) come from the `qrcode` package.
 */
import { createRequire } from 'node:module';
import QRCode from 'qrcode';

const requireCjs = createRequire(import.meta.url);
const ecc = requireCjs('qrcode/lib/core/error-correction-code.js') as {
  getBlocksCount(version: number, level: unknown): number;
  getTotalCodewordsCount(version: number, level: unknown): number;
};
const utils = requireCjs('qrcode/lib/core/utils.js') as { getSymbolTotalCodewords(version: number): number };
const levels = requireCjs('qrcode/lib/core/error-correction-level.js') as Record<'L' | 'M' | 'Q' | 'H', { bit: number }>;

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Find the symbol (searching from the top-left) and sample its modules. */
export function sampleQr(img: GreyImage): boolean[][] {
  const dark = (x: number, y: number) => img.data[Math.round(y) * img.width + Math.round(x)]! < 128;
  for (let y = 0; y < img.height; y++) {
    // Runs along the row: [start, length, dark?]
    const runs: Array<[number, number, boolean]> = [];
    for (let x = 0; x < img.width; x++) {
      const d = dark(x, y);
      const last = runs.at(-1);
      if (last && last[2] === d) last[1]++;
      else runs.push([x, 1, d]);
    }
    for (let i = 0; i + 4 < runs.length; i++) {
      const five = runs.slice(i, i + 5);
      if (!five[0]![2]) continue;
      const m = five.reduce((s, r) => s + r[1], 0) / 7;
      const ok = [1, 1, 3, 1, 1].every((k, j) => Math.abs(five[j]![1] - k * m) < m * 0.5);
      if (!ok || m < 2) continue;
      // The centre row of the top-left finder: walk up to its top edge.
      const x0 = five[0]![0];
      let top = y;
      while (top > 0 && dark(x0 + m / 2, top - 1)) top--;
      // A finder pattern is 7 × 7 modules: dark ring, light ring, dark 3 × 3 centre.
      const isFinder = (fx: number, fy: number, pitch: number) => {
        for (let r = 0; r < 7; r++)
          for (let c = 0; c < 7; c++) {
            const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
            if (dark(fx + (c + 0.5) * pitch, fy + (r + 0.5) * pitch) !== (ring !== 2)) return false;
          }
        return true;
      };
      if (top + 7 * m > img.height || !isFinder(x0, top, m)) continue;
      // Along the top row, a 7-module dark run ending the symbol is the top-right finder's top
      // edge; its end gives the exact pitch (the run lengths alone drift over 50 modules).
      const row = Math.round(top + m / 2);
      let size = 0;
      let mod = m;
      let x = Math.round(x0 + 7 * m);
      while (x < img.width && !size) {
        while (x < img.width && !dark(x, row)) x++;
        const from = x;
        while (x < img.width && dark(x, row)) x++;
        if (Math.abs(x - from - 7 * m) > 1.5 * m) continue;
        const n = Math.round(((x - x0) / m - 17) / 4) * 4 + 17;
        const pitch = (x - x0) / n;
        if (n >= 21 && top + n * pitch <= img.height && isFinder(x - 7 * pitch, top, pitch) && isFinder(x0, top + (n - 7) * pitch, pitch))
          [size, mod] = [n, pitch];
      }
      if (!size) continue;
      return Array.from({ length: size }, (_, r) =>
        Array.from({ length: size }, (_, c) => dark(x0 + (c + 0.5) * mod, top + (r + 0.5) * mod)),
      );
    }
  }
  throw new Error('no QR symbol found');
}

const MASKS: Array<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

function formatBits(levelBit: number, mask: number): number {
  const data = (levelBit << 3) | mask;
  let d = data << 10;
  while (Math.floor(Math.log2(d)) >= 10) d ^= 0x537 << (Math.floor(Math.log2(d)) - 10);
  return ((data << 10) | d) ^ 0x5412;
}

/** Decode a module matrix to its text. */
export function decodeQrMatrix(modules: boolean[][]): string {
  const size = modules.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1) throw new Error(`bad symbol size ${size}`);
  // Format information, read where the encoder writes it (vertical copy beside the left finders).
  let read = 0;
  for (let i = 0; i < 15; i++) {
    const r = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    if (modules[r]![8]) read |= 1 << i;
  }
  let level: 'L' | 'M' | 'Q' | 'H' | undefined;
  let mask = -1;
  for (const l of ['L', 'M', 'Q', 'H'] as const)
    for (let k = 0; k < 8; k++) if (formatBits(levels[l].bit, k) === read) [level, mask] = [l, k];
  if (!level) throw new Error('format information unreadable');
  // Function patterns of this version, from the encoder's own layout.
  const reference = QRCode.create('0', { version, errorCorrectionLevel: level }).modules as unknown as { reservedBit: Uint8Array };
  const reserved = (r: number, c: number) => reference.reservedBit[r * size + c] === 1;
  const bits: number[] = [];
  let upward = true;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k;
      for (const c of [col, col - 1]) if (!reserved(r, c)) bits.push(modules[r]![c]! !== MASKS[mask]!(r, c) ? 1 : 0);
    }
    upward = !upward;
  }
  const total = utils.getSymbolTotalCodewords(version);
  const codewords = Array.from({ length: total }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  const blocks = ecc.getBlocksCount(version, levels[level]);
  const dataTotal = total - ecc.getTotalCodewordsCount(version, levels[level]);
  const shortLen = Math.floor(dataTotal / blocks);
  const longBlocks = dataTotal % blocks;
  const lens = Array.from({ length: blocks }, (_, b) => shortLen + (b >= blocks - longBlocks ? 1 : 0));
  const perBlock: number[][] = lens.map(() => []);
  let p = 0;
  for (let i = 0; i < shortLen + 1; i++) for (let b = 0; b < blocks; b++) if (i < lens[b]!) perBlock[b]!.push(codewords[p++]!);
  const data = perBlock.flat();
  return parseSegments(data, version);
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function parseSegments(data: number[], version: number): string {
  let pos = 0;
  const take = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++, pos++) v = (v << 1) | ((data[pos >> 3]! >> (7 - (pos & 7))) & 1);
    return v;
  };
  const bytes: number[] = [];
  const small = version < 10;
  while (pos + 4 <= data.length * 8) {
    const mode = take(4);
    if (mode === 0) break;
    if (mode === 1) {
      let count = take(small ? 10 : 12);
      for (; count >= 3; count -= 3) bytes.push(...Buffer.from(String(take(10)).padStart(3, '0')));
      if (count === 2) bytes.push(...Buffer.from(String(take(7)).padStart(2, '0')));
      if (count === 1) bytes.push(...Buffer.from(String(take(4))));
    } else if (mode === 2) {
      let count = take(small ? 9 : 11);
      for (; count >= 2; count -= 2) {
        const v = take(11);
        bytes.push(ALNUM.charCodeAt(Math.floor(v / 45)), ALNUM.charCodeAt(v % 45));
      }
      if (count === 1) bytes.push(ALNUM.charCodeAt(take(6)));
    } else if (mode === 4) {
      const count = take(small ? 8 : 16);
      for (let i = 0; i < count; i++) bytes.push(take(8));
    } else throw new Error(`unsupported segment mode ${mode}`);
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A 1-bit frame (dark = 1, rows packed MSB first, each row starting on a byte) as the grey image the reader samples. */
export function greyFromBits(width: number, height: number, bits: Uint8Array): GreyImage {
  const stride = Math.ceil(width / 8);
  if (bits.length !== stride * height) throw new RangeError(`expected ${stride * height} bytes, got ${bits.length}`);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[y * width + x] = (bits[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
  return { width, height, data };
}

/** The text of the first QR symbol found in the image, or null when none reads. */
export function readQrText(img: GreyImage): string | null {
  try {
    return decodeQrMatrix(sampleQr(img));
  } catch {
    return null;
  }
}
