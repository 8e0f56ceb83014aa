import type { Point, Quad } from './types';

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Mean width and height of a quad (opposite sides averaged). */
export function quadSides(quad: Quad): { width: number; height: number } {
  return { width: (dist(quad[0], quad[1]) + dist(quad[3], quad[2])) / 2, height: (dist(quad[0], quad[3]) + dist(quad[1], quad[2])) / 2 };
}

export interface PaperSize {
  /** Long side in millimetres. */
  longMm: number;
  /** Short side in millimetres. */
  shortMm: number;
}

export const A4: PaperSize = { longMm: 297, shortMm: 210 };

type Vec3 = [number, number, number];
const crossV = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dotV = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The true width/height ratio of a rectangle seen in perspective, after Zhang & He,
 * "Whiteboard scanning and image enhancement" (2007): with the principal point at the frame
 * centre and square pixels, the quad fixes the focal length and then the aspect ratio. When the
 * sides are (nearly) parallel the view is affine and the side lengths answer directly.
 */
export function perspectiveAspect(quad: Quad, frameWidth: number, frameHeight: number): number {
  const u0 = frameWidth / 2;
  const v0 = frameHeight / 2;
  const m = (p: Point): Vec3 => [p.x - u0, p.y - v0, 1];
  const m1 = m(quad[0]);
  const m2 = m(quad[1]);
  const m4 = m(quad[2]);
  const m3 = m(quad[3]);
  const c14 = crossV(m1, m4);
  const k2 = dotV(c14, m3) / dotV(crossV(m2, m4), m3);
  const k3 = dotV(c14, m2) / dotV(crossV(m3, m4), m2);
  const n2: Vec3 = [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]];
  const n3: Vec3 = [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]];
  const affine = () => Math.sqrt((n2[0] ** 2 + n2[1] ** 2) / (n3[0] ** 2 + n3[1] ** 2));
  if (Math.abs(n2[2]) < 1e-6 || Math.abs(n3[2]) < 1e-6) return affine();
  const f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2]);
  if (!(f2 > 0) || !Number.isFinite(f2)) return affine();
  return Math.sqrt((n2[0] ** 2 + n2[1] ** 2 + f2 * n2[2] ** 2) / (n3[0] ** 2 + n3[1] ** 2 + f2 * n3[2] ** 2));
}

/**
 * Output pixel size of a deskewed page at `dpi`. The page's orientation and proportions come
 * from the quad (corrected for perspective when the frame size is given); when they are within `snap` of the paper's own proportions the paper's exact
 * size is used (an A4 sheet comes out 1240×1754 at 150 dpi), otherwise the measured proportions
 * are kept with the long side at the paper's length.
 */
export function deskewedSize(
  quad: Quad,
  paper: PaperSize,
  dpi: number,
  frame?: { width: number; height: number },
  snap = 0.1,
): { width: number; height: number } {
  const sides = quadSides(quad);
  const aspect = frame ? perspectiveAspect(quad, frame.width, frame.height) : sides.width / sides.height;
  const portrait = aspect <= 1;
  const measured = portrait ? 1 / aspect : aspect;
  const nominal = paper.longMm / paper.shortMm;
  const longPx = Math.round((paper.longMm / 25.4) * dpi);
  const ratio = Math.abs(measured - nominal) / nominal <= snap ? nominal : measured;
  const shortPx = Math.round(longPx / ratio);
  return portrait ? { width: shortPx, height: longPx } : { width: longPx, height: shortPx };
}
