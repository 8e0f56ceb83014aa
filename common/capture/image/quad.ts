import { gaussianBlur } from './blur';
import { connectedComponents } from './components';
import { edgeMap } from './edges';
import { convexHull, isConvex, polygonArea } from './hull';
import { downscaleBy, factorFor } from './resize';
import type { GrayImage, Point, Quad } from './types';

const triangleArea = (a: Point, b: Point, c: Point) => Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;

/** Drop the hull vertex that adds least area until at most `max` remain (Visvalingam). */
function simplify(hull: Point[], max: number): Point[] {
  const pts = [...hull];
  while (pts.length > max) {
    let worst = 0;
    let worstArea = Infinity;
    for (let i = 0; i < pts.length; i++) {
      const area = triangleArea(pts[(i + pts.length - 1) % pts.length]!, pts[i]!, pts[(i + 1) % pts.length]!);
      if (area < worstArea) {
        worstArea = area;
        worst = i;
      }
    }
    pts.splice(worst, 1);
  }
  return pts;
}

/** The largest-area quadrilateral whose corners are vertices of the convex polygon `hull`. */
export function largestQuadInHull(hull: readonly Point[]): Point[] | null {
  const n = hull.length;
  if (n < 4) return null;
  let best = -1;
  let bestQuad: Point[] | null = null;
  for (let i = 0; i < n; i++) {
    for (let k = i + 2; k < n; k++) {
      // Best apex on each side of the diagonal i–k.
      let left = -1,
        li = -1;
      for (let j = i + 1; j < k; j++) {
        const a = triangleArea(hull[i]!, hull[j]!, hull[k]!);
        if (a > left) {
          left = a;
          li = j;
        }
      }
      let right = -1,
        ri = -1;
      for (let j = k + 1; j < n + i; j++) {
        const a = triangleArea(hull[i]!, hull[j % n]!, hull[k]!);
        if (a > right) {
          right = a;
          ri = j % n;
        }
      }
      if (li < 0 || ri < 0) continue;
      if (left + right > best) {
        best = left + right;
        bestQuad = [hull[i]!, hull[li]!, hull[k]!, hull[ri]!];
      }
    }
  }
  return bestQuad;
}

/** Put four corners in image order: top-left, top-right, bottom-right, bottom-left. */
export function orderQuad(points: readonly Point[]): Quad {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const byAngle = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  // In y-down coordinates atan2 order runs clockwise on screen: TL, TR, BR, BL once started at TL.
  let start = 0;
  for (let i = 1; i < byAngle.length; i++) if (byAngle[i]!.x + byAngle[i]!.y < byAngle[start]!.x + byAngle[start]!.y) start = i;
  const ordered = [0, 1, 2, 3].map((k) => byAngle[(start + k) % 4]!);
  return ordered as Quad;
}

/** Move every side of a convex quad inwards by `d` pixels (and re-intersect the sides). */
export function insetQuad(quad: Quad, d: number): Quad {
  const area2 = quad.reduce((s, p, i) => s + p.x * quad[(i + 1) % 4]!.y - quad[(i + 1) % 4]!.x * p.y, 0);
  const orient = Math.sign(area2) || 1;
  const lines = quad.map((p, i) => {
    const q = quad[(i + 1) % 4]!;
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    // Inward normal for this orientation.
    const nx = (-(q.y - p.y) / len) * orient;
    const ny = ((q.x - p.x) / len) * orient;
    return { p: { x: p.x + nx * d, y: p.y + ny * d }, dir: { x: q.x - p.x, y: q.y - p.y } };
  });
  const corners = quad.map((_, i) => {
    const a = lines[(i + 3) % 4]!;
    const b = lines[i]!;
    const den = a.dir.x * b.dir.y - a.dir.y * b.dir.x;
    if (Math.abs(den) < 1e-9) return b.p;
    const t = ((b.p.x - a.p.x) * b.dir.y - (b.p.y - a.p.y) * b.dir.x) / den;
    return { x: a.p.x + a.dir.x * t, y: a.p.y + a.dir.y * t };
  });
  return corners as Quad;
}

/** Fraction of points sampled along the quad's weakest side that lie on (or next to) an edge pixel. */
function sideSupport(quad: Quad, edges: Uint8Array, width: number, height: number, radius = 2): number {
  let weakest = 1;
  for (let s = 0; s < 4; s++) {
    const a = quad[s]!;
    const b = quad[(s + 1) % 4]!;
    const samples = 40;
    let hits = 0;
    for (let k = 1; k < samples; k++) {
      const x = Math.round(a.x + ((b.x - a.x) * k) / samples);
      const y = Math.round(a.y + ((b.y - a.y) * k) / samples);
      let hit = false;
      for (let dy = -radius; dy <= radius && !hit; dy++) {
        for (let dx = -radius; dx <= radius && !hit; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height && edges[yy * width + xx]) hit = true;
        }
      }
      if (hit) hits++;
    }
    weakest = Math.min(weakest, hits / (samples - 1));
  }
  return weakest;
}

export interface PageDetection {
  /** Page corners in the input image's pixel coordinates (TL, TR, BR, BL). */
  quad: Quad;
  /** Quad area over frame area. */
  areaFraction: number;
  /** Weakest side's edge support, 0–1. */
  support: number;
}

export interface FindPageOptions {
  /** Longer side of the working copy; detection runs on a downscaled frame. */
  workSide?: number;
  /** Smallest page, as a fraction of the frame. */
  minArea?: number;
  /** Smallest edge support of the weakest side. */
  minSupport?: number;
}

/**
 * Find a document page in a camera frame: downscale, blur, Sobel edges, 8-connected edge
 * components, the convex hull of each large component, the largest quadrilateral on that hull;
 * the best quad that is convex, big enough and lies on real edges on all four sides wins.
 * Returns null when no page is found (the caller then keeps the full frame and says so).
 */
export function findPageQuad(image: GrayImage, options: FindPageOptions = {}): PageDetection | null {
  const { workSide = 480, minArea = 0.12, minSupport = 0.6 } = options;
  const factor = factorFor(image, workSide);
  const small = downscaleBy(image, factor);
  const { width, height } = small;
  const blurred = gaussianBlur(small, 1.0);
  const edges = edgeMap(blurred);
  const components = connectedComponents(edges, width, height, Math.round((width + height) / 4));
  const frameArea = width * height;
  const candidates: { hull: Point[]; area: number }[] = [];
  for (const members of components) {
    // Row extremes are enough for the hull and keep it cheap.
    const minX = new Map<number, number>();
    const maxX = new Map<number, number>();
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      const x = i % width;
      const y = (i - x) / width;
      if (!minX.has(y) || x < minX.get(y)!) minX.set(y, x);
      if (!maxX.has(y) || x > maxX.get(y)!) maxX.set(y, x);
    }
    const pts: Point[] = [];
    for (const [y, x] of minX) pts.push({ x, y });
    for (const [y, x] of maxX) pts.push({ x, y });
    const hull = convexHull(pts);
    const area = polygonArea(hull);
    if (area >= minArea * frameArea) candidates.push({ hull, area });
  }
  candidates.sort((a, b) => b.area - a.area);
  for (const { hull } of candidates.slice(0, 4)) {
    const corners = largestQuadInHull(simplify(hull, 48));
    if (!corners) continue;
    // The edge band is ~2 px wide at this scale and the hull hugs its outside: step in by one.
    const quad = insetQuad(orderQuad(corners), 1);
    if (!isConvex(quad)) continue;
    const areaFraction = polygonArea(quad) / frameArea;
    if (areaFraction < minArea) continue;
    const support = sideSupport(quad, edges, width, height);
    if (support < minSupport) continue;
    const scaled = quad.map((p) => ({ x: (p.x + 0.5) * factor - 0.5, y: (p.y + 0.5) * factor - 0.5 })) as Quad;
    return { quad: scaled, areaFraction, support };
  }
  return null;
}
