import { homographyFromQuads, rectQuad } from './homography';
import type { GrayImage, Quad } from './types';
import { grayImage } from './types';

/**
 * Generated fixtures (pure, seeded): a page of Chinese-looking text and a photographed scene of
 * that page on a dark desk. Tests, e2e fixtures and benchmarks all draw from here, so no image
 * file is shipped and every run sees the same pixels.
 */

import { seededRandom } from '../../random/seeded';

export { seededRandom };

function fillRect(img: GrayImage, x: number, y: number, w: number, h: number, value: number): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w));
  const y1 = Math.min(img.height, Math.round(y + h));
  for (let yy = y0; yy < y1; yy++) img.data.fill(value, yy * img.width + x0, yy * img.width + x1);
}

/**
 * One CJK-like glyph in a size×size cell: a few horizontal and vertical strokes (横, 竖) and
 * dots (点), stroke width ~1/11 of the cell, the density of a 10.5 pt 宋体 character.
 */
function drawGlyph(img: GrayImage, x: number, y: number, size: number, rnd: () => number, ink: number): void {
  const stroke = Math.max(1, Math.round(size / 11));
  const pad = size * 0.1;
  const inner = size - 2 * pad;
  const strokes = 3 + Math.floor(rnd() * 5);
  for (let s = 0; s < strokes; s++) {
    const kind = rnd();
    if (kind < 0.45) {
      const len = inner * (0.35 + rnd() * 0.65);
      fillRect(img, x + pad + rnd() * (inner - len), y + pad + rnd() * inner, len, stroke, ink);
    } else if (kind < 0.85) {
      const len = inner * (0.35 + rnd() * 0.65);
      fillRect(img, x + pad + rnd() * inner, y + pad + rnd() * (inner - len), stroke, len, ink);
    } else {
      fillRect(img, x + pad + rnd() * inner, y + pad + rnd() * inner, stroke * 1.6, stroke * 1.6, ink);
    }
  }
}

export interface TextPageOptions {
  width: number;
  height: number;
  seed?: number;
  /** Glyph cell in pixels; 22 px is a 10.5 pt character at 150 dpi. */
  glyph?: number;
  /** Line pitch over glyph size. */
  lineSpacing?: number;
  paper?: number;
  ink?: number;
}

/** A page of text: title, paragraphs of glyph lines with ragged ends, a signature line, margins. */
export function textPage({ width, height, seed = 1, glyph = 22, lineSpacing = 1.6, paper = 245, ink = 25 }: TextPageOptions): GrayImage {
  const img = grayImage(width, height, paper);
  const rnd = seededRandom(seed);
  const margin = Math.round(width * 0.1);
  const line = Math.round(glyph * lineSpacing);
  // Title: larger glyphs, centred.
  const titleSize = Math.round(glyph * 1.6);
  const titleCount = 8;
  let x = (width - titleCount * titleSize) / 2;
  for (let i = 0; i < titleCount; i++, x += titleSize) drawGlyph(img, x, margin, titleSize, rnd, ink);
  let y = margin + titleSize * 2;
  const perLine = Math.floor((width - 2 * margin) / glyph);
  while (y + line < height - margin * 1.5) {
    const paragraphEnd = rnd() < 0.15;
    const count = paragraphEnd ? Math.floor(perLine * (0.3 + rnd() * 0.6)) : perLine;
    const indent = rnd() < 0.2 ? 2 : 0;
    for (let i = indent; i < count; i++) drawGlyph(img, margin + i * glyph, y, glyph, rnd, ink);
    y += paragraphEnd ? line * 1.6 : line;
  }
  // A ruled signature line near the foot.
  fillRect(img, width - margin - glyph * 12, height - margin, glyph * 12, Math.max(1, Math.round(glyph / 11)), ink);
  return img;
}

export interface SceneOptions {
  width: number;
  height: number;
  /** Where the page's corners land in the scene (TL, TR, BR, BL of the page). */
  quad: Quad;
  desk?: number;
  /** Amplitude of the desk's texture noise. */
  noise?: number;
  seed?: number;
}

/**
 * Photograph `page` onto a dark, slightly textured desk with the projective map page → quad.
 * Each scene pixel averages 3×3 samples of the page, as a lens and sensor integrate light
 * (plain nearest sampling would leave aliasing no camera produces).
 */
export function photographPage(page: GrayImage, { width, height, quad, desk = 45, noise = 12, seed = 7 }: SceneOptions): GrayImage {
  const rnd = seededRandom(seed);
  const scene = grayImage(width, height);
  const toPage = homographyFromQuads(quad, rectQuad(page.width, page.height));
  const offsets = [-1 / 3, 0, 1 / 3];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const deskValue = desk + (rnd() - 0.5) * noise;
      let sum = 0;
      for (const oy of offsets) {
        for (const ox of offsets) {
          const sx = x + ox;
          const sy = y + oy;
          const w = toPage[6]! * sx + toPage[7]! * sy + toPage[8]!;
          const px = (toPage[0]! * sx + toPage[1]! * sy + toPage[2]!) / w;
          const py = (toPage[3]! * sx + toPage[4]! * sy + toPage[5]!) / w;
          sum +=
            px >= 0 && py >= 0 && px <= page.width - 1 && py <= page.height - 1
              ? page.data[Math.round(py) * page.width + Math.round(px)]!
              : deskValue;
        }
      }
      scene.data[y * width + x] = sum / 9;
    }
  }
  return scene;
}

/** Corners of a w×h page rotated by `degrees` about (cx, cy). */
export function rotatedQuad(cx: number, cy: number, w: number, h: number, degrees: number): Quad {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const corner = (dx: number, dy: number) => ({ x: cx + dx * cos - dy * sin, y: cy + dx * sin + dy * cos });
  return [corner(-w / 2, -h / 2), corner(w / 2, -h / 2), corner(w / 2, h / 2), corner(-w / 2, h / 2)];
}
