import type { GrayImage, RgbaImage } from './types';

/** ITU-R BT.601 luma of an RGBA image (alpha ignored), in integer arithmetic. */
export function toGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114 + 500) / 1000;
  }
  return { width, height, data: out };
}

/** Expand a grey image to opaque RGBA (for a canvas). */
export function grayToRgba(image: GrayImage): RgbaImage {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const v = data[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return { width, height, data: out };
}
