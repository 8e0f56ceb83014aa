import type { GrayImage } from './types';

/**
 * Stretch grey levels so the `lowPct` percentile becomes black and the `highPct` percentile
 * (the paper) becomes white. Paper grain and sensor noise clip to pure white, which both reads
 * better and compresses far better; ink keeps its shape.
 */
export function stretchLevels(image: GrayImage, lowPct = 0.01, highPct = 0.6): GrayImage {
  const hist = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i++) hist[image.data[i]!]!++;
  const at = (pct: number) => {
    const target = image.data.length * pct;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += hist[v]!;
      if (seen >= target) return v;
    }
    return 255;
  };
  const lo = at(lowPct);
  const hi = at(highPct);
  if (hi - lo < 16) return { ...image, data: new Uint8ClampedArray(image.data) };
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = ((v - lo) * 255) / (hi - lo);
  const out = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[image.data[i]!]!;
  return { width: image.width, height: image.height, data: out };
}
