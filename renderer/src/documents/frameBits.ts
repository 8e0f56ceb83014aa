/**
 * A camera frame as 1 bit a pixel (dark = 1, rows packed MSB first) for `certificate.scan`: the QR
 * reader in core needs only dark and light, and a 1920×1440 frame is 338 KB this way instead of 8 MB
 * of RGBA. Dark is below the frame's own mid grey (between its 5th and 95th percentile of luma),
 * so a dim or bright desk still splits ink from paper.
 */
export function frameBits(img: ImageData): { width: number; height: number; bits: string } {
  const { width, height, data } = img;
  const luma = new Uint8Array(width * height);
  const histogram = new Uint32Array(256);
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) {
    const y = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114) / 1000;
    luma[i] = y;
    histogram[luma[i]!]!++;
  }
  const at = (q: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= q * luma.length) return v;
    return 255;
  };
  const threshold = (at(0.05) + at(0.95)) / 2;
  const stride = Math.ceil(width / 8);
  const bits = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (luma[y * width + x]! < threshold) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  let bin = '';
  for (let i = 0; i < bits.length; i += 0x8000) bin += String.fromCharCode(...bits.subarray(i, i + 0x8000));
  return { width, height, bits: btoa(bin) };
}
