import { describe, expect, it } from 'vitest';
import { applyHomography, homographyFromQuads, rectQuad } from './homography';
import { A4, deskewedSize, perspectiveAspect, quadSides } from './pageSize';
import { findPageQuad, insetQuad, orderQuad } from './quad';
import { ssim } from './ssim';
import { photographPage, rotatedQuad, textPage } from './synthetic';
import type { Point, Quad } from './types';
import { warpPerspective } from './warp';

/** Project an A4 page (mm) pitched and yawed in front of a pinhole camera into a 960×720 frame. */
function pinholeA4(pitchDeg: number, yawDeg: number): Quad {
  const p = (pitchDeg * Math.PI) / 180;
  const y = (yawDeg * Math.PI) / 180;
  const project = (mx: number, my: number): Point => {
    // Page plane centred at the origin, rotated about x (pitch) then y (yaw), 520 mm away.
    const x1 = mx;
    const y1 = my * Math.cos(p);
    const z1 = my * Math.sin(p);
    const x2 = x1 * Math.cos(y) + z1 * Math.sin(y);
    const z2 = -x1 * Math.sin(y) + z1 * Math.cos(y) + 520;
    return { x: 480 + (900 * x2) / z2, y: 360 + (900 * y1) / z2 };
  };
  return [project(-105, -148.5), project(105, -148.5), project(105, 148.5), project(-105, 148.5)];
}

const maxCornerError = (found: Quad, truth: Quad) => Math.max(...found.map((p, i) => Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y)));

// A4 proportions at ~60 dpi, small enough to keep the suite fast.
const page = textPage({ width: 496, height: 702, seed: 3, glyph: 9 });

describe('findPageQuad', () => {
  it('finds a rotated white page on a dark desk to within a few pixels', () => {
    for (const degrees of [-12, 0, 7, 20]) {
      const truth = rotatedQuad(480, 360, 430, 608, degrees);
      const scene = photographPage(page, { width: 960, height: 720, quad: orderQuad(truth) });
      const found = findPageQuad(scene);
      expect(found, `${degrees}°`).not.toBeNull();
      // Within 0.6 % of the frame diagonal (1200 px).
      expect(maxCornerError(found!.quad, orderQuad(truth)), `${degrees}°`).toBeLessThan(7);
      expect(found!.support).toBeGreaterThan(0.8);
    }
  });

  it('finds a page photographed in perspective (keystone) and deskews it to A4 proportions', () => {
    // An A4 sheet (210×297 mm) tilted 30° away from a pinhole camera (f = 900 px), yawed 8°.
    const truth = pinholeA4(30, 8);
    const scene = photographPage(page, { width: 960, height: 720, quad: truth });
    const found = findPageQuad(scene)!;
    expect(found).not.toBeNull();
    expect(maxCornerError(found.quad, truth)).toBeLessThan(7);
    // Naive side lengths are fooled by the tilt; the perspective estimate is not.
    const naive = quadSides(found.quad);
    expect(Math.abs(naive.height / naive.width - 297 / 210)).toBeGreaterThan(0.15);
    expect(1 / perspectiveAspect(found.quad, 960, 720)).toBeCloseTo(297 / 210, 1);
    const size = deskewedSize(found.quad, A4, 60, { width: 960, height: 720 });
    expect(size).toEqual({ width: 496, height: 702 });
    // The deskewed crop looks like the original page.
    const flat = warpPerspective(scene, 1, found.quad, page.width, page.height);
    const score = ssim(page, { width: flat.width, height: flat.height, data: flat.data });
    expect(score.mean).toBeGreaterThan(0.6);
  });

  it('says "no page" for an empty desk and for a page cut off by the frame', () => {
    const desk = photographPage(page, { width: 640, height: 480, quad: rotatedQuad(-5000, -5000, 10, 10, 0) });
    expect(findPageQuad(desk)).toBeNull();
    const tiny = photographPage(page, { width: 640, height: 480, quad: orderQuad(rotatedQuad(320, 240, 60, 85, 5)) });
    expect(findPageQuad(tiny)).toBeNull();
  });

  it('orders corners TL, TR, BR, BL whatever order they arrive in', () => {
    const pts: Point[] = [
      { x: 10, y: 90 },
      { x: 90, y: 10 },
      { x: 12, y: 8 },
      { x: 95, y: 95 },
    ];
    expect(orderQuad(pts)).toEqual([
      { x: 12, y: 8 },
      { x: 90, y: 10 },
      { x: 95, y: 95 },
      { x: 10, y: 90 },
    ]);
  });

  it('insets each side by the given distance', () => {
    const inset = insetQuad(rectQuad(101, 101), 10);
    expect(inset[0].x).toBeCloseTo(10);
    expect(inset[0].y).toBeCloseTo(10);
    expect(inset[2].x).toBeCloseTo(90);
    expect(inset[2].y).toBeCloseTo(90);
  });

  it('round-trips the scene generator: page corners map where the scene says', () => {
    const truth = orderQuad(rotatedQuad(300, 300, 200, 280, 10));
    const h = homographyFromQuads(rectQuad(page.width, page.height), truth);
    const p = applyHomography(h, { x: page.width - 1, y: 0 });
    expect(p.x).toBeCloseTo(truth[1].x, 6);
  });
});
