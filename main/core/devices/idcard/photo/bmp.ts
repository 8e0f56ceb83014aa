/** Wrap 24-bit BGR pixels (top row first) in a BMP file: bottom-up rows padded to 4 bytes. */
export function bgrToBmp(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const rowIn = width * 3;
  const rowOut = (rowIn + 3) & ~3;
  const size = 54 + rowOut * height;
  const bmp = new Uint8Array(size);
  const view = new DataView(bmp.buffer);
  bmp[0] = 0x42;
  bmp[1] = 0x4d;
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, rowOut * height, true);
  for (let y = 0; y < height; y++) {
    bmp.set(pixels.subarray(y * rowIn, (y + 1) * rowIn), 54 + (height - 1 - y) * rowOut);
  }
  return bmp;
}
