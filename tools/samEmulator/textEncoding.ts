/**
 * Writes card text blocks the way a chip stores them: UCS-2LE, each field padded with spaces
 * to its fixed width. Written separately from the driver's parser so one cannot hide the other's bug.
 */
export class TextBlockWriter {
  readonly bytes = new Uint8Array(256);

  constructor() {
    this.fill(0, 256, ' ');
  }

  /** Put `value` at `offset`, padded with spaces to `width` bytes; too long is a fixture bug. */
  put(offset: number, width: number, value: string): this {
    if (value.length * 2 > width) throw new RangeError(`"${value}" does not fit in ${width} bytes`);
    this.fill(offset, width, ' ');
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      this.bytes[offset + i * 2] = code & 0xff;
      this.bytes[offset + i * 2 + 1] = code >> 8;
    }
    return this;
  }

  private fill(offset: number, width: number, ch: string): void {
    for (let i = 0; i < width; i += 2) {
      this.bytes[offset + i] = ch.charCodeAt(0);
      this.bytes[offset + i + 1] = 0;
    }
  }
}

export function ucs2le(text: string, width: number): Uint8Array {
  const w = new TextBlockWriter();
  w.put(0, Math.min(width, 256), text);
  return w.bytes.slice(0, width);
}
