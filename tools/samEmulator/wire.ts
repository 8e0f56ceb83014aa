/**
 * The emulator's own framing: requests in, responses out. Deliberately independent of the
 * driver's decoder, so a shared mistake cannot pass the tests on both sides.
 */
export interface Request {
  cmd: number;
  para: number;
  data: Uint8Array;
  /** The frame's checksum or length was wrong: the SAM answers SW3 0x10 / 0x11. */
  damaged?: 'checksum' | 'length';
  wireBytes: number;
}

const PRE = [0xaa, 0xaa, 0xaa, 0x96, 0x69];

export class RequestReader {
  private buf: number[] = [];

  push(chunk: Uint8Array): Request[] {
    for (const b of chunk) this.buf.push(b);
    const out: Request[] = [];
    for (;;) {
      let at = -1;
      for (let i = 0; i + 5 <= this.buf.length; i++) {
        if (PRE.every((v, k) => this.buf[i + k] === v)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        this.buf = this.buf.slice(Math.max(0, this.buf.length - 4));
        return out;
      }
      this.buf = this.buf.slice(at);
      if (this.buf.length < 7) return out;
      const len = (this.buf[5]! << 8) | this.buf[6]!;
      if (len < 3 || len > 64) {
        this.buf = this.buf.slice(1);
        out.push({ cmd: 0, para: 0, data: new Uint8Array(0), damaged: 'length', wireBytes: 7 });
        continue;
      }
      if (this.buf.length < 7 + len) return out;
      const frame = this.buf.slice(0, 7 + len);
      this.buf = this.buf.slice(7 + len);
      let x = 0;
      for (let i = 5; i < frame.length - 1; i++) x ^= frame[i]!;
      out.push({
        cmd: frame[7]!,
        para: frame[8]!,
        data: Uint8Array.from(frame.slice(9, frame.length - 1)),
        ...(x !== frame[frame.length - 1] ? { damaged: 'checksum' as const } : {}),
        wireBytes: frame.length,
      });
    }
  }
}

export function response(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = data.length + 4;
  const out = new Uint8Array(7 + len);
  out.set(PRE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out[9] = sw3;
  out.set(data, 10);
  let x = 0;
  for (let i = 5; i < out.length - 1; i++) x ^= out[i]!;
  out[out.length - 1] = x;
  return out;
}
