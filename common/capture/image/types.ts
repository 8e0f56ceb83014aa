/** A single-channel 8-bit image, row-major, one byte per pixel. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** An RGBA image laid out like the DOM's ImageData (four bytes per pixel). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Point {
  x: number;
  y: number;
}

/** Corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function grayImage(width: number, height: number, fill = 0): GrayImage {
  const data = new Uint8ClampedArray(width * height);
  if (fill) data.fill(fill);
  return { width, height, data };
}
