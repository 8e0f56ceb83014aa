import type { GrayImage } from './types';

/** Shrink by an integer factor, averaging each factor×factor block (area resampling). */
export function downscaleBy(image: GrayImage, factor: number): GrayImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const width = Math.floor(image.width / f);
  const height = Math.floor(image.height / f);
  const out = new Uint8ClampedArray(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * image.width + x * f;
        for (let dx = 0; dx < f; dx++) acc += image.data[row + dx]!;
      }
      out[y * width + x] = acc / area;
    }
  }
  return { width, height, data: out };
}

/** The integer factor that brings the longer side to at most `maxSide`. */
export function factorFor(image: { width: number; height: number }, maxSide: number): number {
  return Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
}

/** Bilinear resize to an exact size (for thumbnails and face crops). */
export function resizeBilinear(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8ClampedArray(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const a = image.data[y0 * image.width + x0]!;
      const b = image.data[y0 * image.width + x1]!;
      const c = image.data[y1 * image.width + x0]!;
      const d = image.data[y1 * image.width + x1]!;
      out[y * width + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
    }
  }
  return { width, height, data: out };
}

/** Copy a rectangle (clamped to the image). */
export function cropGray(image: GrayImage, rect: { x: number; y: number; width: number; height: number }): GrayImage {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    out.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, data: out };
}
