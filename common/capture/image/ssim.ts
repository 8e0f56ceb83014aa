import type { GrayImage } from './types';

export interface SsimResult {
  /** Mean SSIM over all windows (1 = identical). Blank paper pulls this towards 1. */
  mean: number;
  /** Mean SSIM over windows of the original that carry ink (std ≥ inkStd): the legibility figure. */
  ink: number;
  windows: number;
  inkWindows: number;
}

const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/**
 * Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004) with uniform `window`-pixel
 * windows every `step` pixels. `a` is the reference; both images must have the same size.
 */
export function ssim(a: GrayImage, b: GrayImage, window = 8, step = 4, inkStd = 10): SsimResult {
  if (a.width !== b.width || a.height !== b.height) throw new Error('ssim: images differ in size');
  const { width, height } = a;
  const n = window * window;
  let total = 0;
  let windows = 0;
  let inkTotal = 0;
  let inkWindows = 0;
  for (let y = 0; y + window <= height; y += step) {
    for (let x = 0; x + window <= width; x += step) {
      let sa = 0,
        sb = 0,
        saa = 0,
        sbb = 0,
        sab = 0;
      for (let dy = 0; dy < window; dy++) {
        const row = (y + dy) * width + x;
        for (let dx = 0; dx < window; dx++) {
          const va = a.data[row + dx]!;
          const vb = b.data[row + dx]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      const s = ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      total += s;
      windows++;
      if (va >= inkStd * inkStd) {
        inkTotal += s;
        inkWindows++;
      }
    }
  }
  return { mean: windows ? total / windows : 1, ink: inkWindows ? inkTotal / inkWindows : 1, windows, inkWindows };
}
