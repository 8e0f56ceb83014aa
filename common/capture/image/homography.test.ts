import { describe, expect, it } from 'vitest';
import { applyHomography, homographyFromQuads, rectQuad } from './homography';
import type { Quad } from './types';
import { warpPerspective } from './warp';

const skewed: Quad = [
  { x: 110, y: 40 },
  { x: 500, y: 75 },
  { x: 470, y: 620 },
  { x: 60, y: 560 },
];

describe('homography', () => {
  it('maps each source corner exactly onto its target corner', () => {
    const h = homographyFromQuads(rectQuad(400, 600), skewed);
    rectQuad(400, 600).forEach((p, i) => {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(skewed[i]!.x, 6);
      expect(q.y).toBeCloseTo(skewed[i]!.y, 6);
    });
  });

  it('is projective: straight lines stay straight and the inverse undoes it', () => {
    const forward = homographyFromQuads(rectQuad(400, 600), skewed);
    const back = homographyFromQuads(skewed, rectQuad(400, 600));
    const a = applyHomography(forward, { x: 0, y: 100 });
    const b = applyHomography(forward, { x: 200, y: 100 });
    const c = applyHomography(forward, { x: 399, y: 100 });
    const collinear = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    expect(Math.abs(collinear)).toBeLessThan(1e-6);
    const round = applyHomography(back, applyHomography(forward, { x: 123.5, y: 456.25 }));
    expect(round.x).toBeCloseTo(123.5, 6);
    expect(round.y).toBeCloseTo(456.25, 6);
  });

  it('refuses a degenerate quad', () => {
    const line: Quad = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ];
    expect(() => homographyFromQuads(rectQuad(10, 10), line)).toThrow(/singular/);
  });

  it('warps an axis-aligned quad to the identical crop and samples bilinearly between pixels', () => {
    const src = { width: 4, height: 2, data: Uint8ClampedArray.from([0, 100, 200, 250, 5, 6, 7, 8]) };
    const same = warpPerspective(src, 1, rectQuad(4, 2), 4, 2);
    expect([...same.data]).toEqual([0, 100, 200, 250, 5, 6, 7, 8]);
    const wide = { width: 3, height: 3, data: Uint8ClampedArray.from([0, 90, 180, 0, 90, 180, 0, 90, 180]) };
    const halfway = warpPerspective(wide, 1, rectQuad(3, 3), 5, 3);
    expect([...halfway.data.slice(0, 5)]).toEqual([0, 45, 90, 135, 180]);
  });
});
