import type { GrayImage } from './types';

/**
 * Variance of the 4-neighbour Laplacian: the classic focus measure. A sharp face crop at
 * 128 px scores in the hundreds; a defocused or motion-blurred one falls to a few tens.
 */
export function laplacianVariance(image: GrayImage): number {
  const { width, height, data } = image;
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      sum += v;
      sumSq += v * v;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** Mean grey level (0–255). */
export function meanLuma(image: GrayImage): number {
  let sum = 0;
  for (let i = 0; i < image.data.length; i++) sum += image.data[i]!;
  return image.data.length ? sum / image.data.length : 0;
}
