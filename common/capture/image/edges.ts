import type { GrayImage } from './types';

/** Sobel gradient magnitude (|gx| + |gy|, the cheap L1 form), zero on the one-pixel border. */
export function sobelMagnitude(image: GrayImage): Float32Array {
  const { width, height, data } = image;
  const out = new Float32Array(width * height);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const tl = data[i - width - 1]!,
        t = data[i - width]!,
        tr = data[i - width + 1]!;
      const l = data[i - 1]!,
        r = data[i + 1]!;
      const bl = data[i + width - 1]!,
        b = data[i + width]!,
        br = data[i + width + 1]!;
      const gx = tr + 2 * r + br - tl - 2 * l - bl;
      const gy = bl + 2 * b + br - tl - 2 * t - tr;
      out[i] = Math.abs(gx) + Math.abs(gy);
    }
  }
  return out;
}

/**
 * Binary edge map: a pixel is an edge when its gradient exceeds a fraction of the strong
 * gradients in the frame (the 98th percentile), never less than `minMagnitude`, so a flat
 * noisy desk yields no edges at all.
 */
export function edgeMap(image: GrayImage, fraction = 0.35, minMagnitude = 60): Uint8Array {
  const mag = sobelMagnitude(image);
  const histogram = new Uint32Array(2048);
  for (let i = 0; i < mag.length; i++) histogram[Math.min(2047, mag[i]! | 0)]!++;
  const target = mag.length * 0.98;
  let seen = 0;
  let p98 = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v]!;
    if (seen >= target) {
      p98 = v;
      break;
    }
  }
  const threshold = Math.max(minMagnitude, p98 * fraction);
  const out = new Uint8Array(mag.length);
  for (let i = 0; i < mag.length; i++) out[i] = mag[i]! >= threshold ? 1 : 0;
  return out;
}
