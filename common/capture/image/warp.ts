import { homographyFromQuads, rectQuad } from './homography';
import type { Quad } from './types';

export interface PixelImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Perspective-correct the region `quad` of `src` into an outWidth×outHeight image, sampling
 * bilinearly. `channels` is 1 for grey, 4 for RGBA. Samples outside the source are clamped to it.
 */
export function warpPerspective(src: PixelImage, channels: 1 | 4, quad: Quad, outWidth: number, outHeight: number): PixelImage {
  const h = homographyFromQuads(rectQuad(outWidth, outHeight), quad);
  const out = new Uint8ClampedArray(outWidth * outHeight * channels);
  const { width, height, data } = src;
  const maxX = width - 1;
  const maxY = height - 1;
  for (let y = 0; y < outHeight; y++) {
    // Row start and per-column increments of the projective numerators and denominator.
    let nx = h[1]! * y + h[2]!;
    let ny = h[4]! * y + h[5]!;
    let dw = h[7]! * y + h[8]!;
    for (let x = 0; x < outWidth; x++) {
      let sx = nx / dw;
      let sy = ny / dw;
      nx += h[0]!;
      ny += h[3]!;
      dw += h[6]!;
      sx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
      sy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      const x0 = sx | 0;
      const y0 = sy | 0;
      const x1 = x0 < maxX ? x0 + 1 : x0;
      const y1 = y0 < maxY ? y0 + 1 : y0;
      const wx = sx - x0;
      const wy = sy - y0;
      const o = (y * outWidth + x) * channels;
      for (let c = 0; c < channels; c++) {
        const a = data[(y0 * width + x0) * channels + c]!;
        const b = data[(y0 * width + x1) * channels + c]!;
        const cc = data[(y1 * width + x0) * channels + c]!;
        const d = data[(y1 * width + x1) * channels + c]!;
        out[o + c] = (a + (b - a) * wx) * (1 - wy) + (cc + (d - cc) * wx) * wy;
      }
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}
