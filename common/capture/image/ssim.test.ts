import { describe, expect, it } from 'vitest';
import { gaussianBlur } from './blur';
import { ssim } from './ssim';
import { seededRandom, textPage } from './synthetic';
import type { GrayImage } from './types';

const page = textPage({ width: 620, height: 877, seed: 11 }); // half an A4 page at 150 dpi: 10.5 pt glyphs
const map = (img: GrayImage, f: (v: number, i: number) => number): GrayImage => ({ ...img, data: img.data.map(f) });

describe('ssim', () => {
  it('is exactly 1 for identical images and symmetric', () => {
    expect(ssim(page, page).mean).toBe(1);
    const noisy = map(page, (v, i) => v + ((i * 7919) % 17) - 8);
    expect(ssim(page, noisy).mean).toBeCloseTo(ssim(noisy, page).mean, 10);
  });

  it('counts ink windows separately from blank paper', () => {
    const r = ssim(page, page);
    expect(r.inkWindows).toBeGreaterThan(r.windows * 0.2);
    expect(r.inkWindows).toBeLessThan(r.windows * 0.9);
  });

  it('falls as a page loses legibility, so the 0.90 ink bound separates readable from unreadable', () => {
    const rnd = seededRandom(5);
    // Mild sensor noise (±6 levels) and a slight defocus (σ 0.6 px) keep 10.5 pt glyphs readable.
    const noise = ssim(
      page,
      map(page, (v) => v + (rnd() - 0.5) * 12),
    ).ink;
    const slight = ssim(page, gaussianBlur(page, 0.6)).ink;
    // A σ 2 px blur at 150 dpi fuses the strokes of a 22 px glyph; 4-level posterisation erases thin strokes' edges.
    const heavy = ssim(page, gaussianBlur(page, 2)).ink;
    const posterised = ssim(
      page,
      map(page, (v) => (v < 128 ? 64 : 192)),
    ).ink;
    expect(noise).toBeGreaterThan(0.9);
    expect(slight).toBeGreaterThan(0.9);
    expect(heavy).toBeLessThan(0.9);
    expect(posterised).toBeLessThan(0.9);
    expect(heavy).toBeLessThan(slight);
  });

  it('refuses images of different sizes', () => {
    expect(() => ssim(page, { width: 1, height: 1, data: new Uint8ClampedArray(1) })).toThrow();
  });
});
