import type { JiuzhuError } from '../../../../../common/contract/errors';
import { HEADER_BYTES, MAX_FRAME_LENGTH, PREAMBLE, xor, type RawFrame } from './frame';
import { frameError } from './frameError';

/** The smallest length field a frame can carry: a request's CMD, PARA and CHK. */
const MIN_LENGTH = 3;

export type DecodeEvent = { kind: 'frame'; frame: RawFrame } | { kind: 'error'; error: JiuzhuError };

/**
 * Turns a byte stream into frames. Bytes arrive in any split (a reader may dribble them one by one
 * or glue two frames together); noise before a preamble is skipped, and a candidate frame whose
 * length or checksum is wrong is reported and skipped one byte past its preamble, so a real frame
 * hidden behind a false preamble is still found. Never throws on any input.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  /** Bytes thrown away as noise since the last reset, for diagnostics and tests. */
  skippedBytes = 0;

  push(chunk: Uint8Array): DecodeEvent[] {
    this.append(chunk);
    const events: DecodeEvent[] = [];
    for (;;) {
      const at = this.findPreamble();
      if (at < 0) break;
      if (this.end - at < HEADER_BYTES) break;
      const length = (this.buffer[at + 5]! << 8) | this.buffer[at + 6]!;
      if (length < MIN_LENGTH || length > MAX_FRAME_LENGTH) {
        events.push({ kind: 'error', error: frameError('length', { length }) });
        this.skip(at + 1);
        continue;
      }
      const total = HEADER_BYTES + length;
      if (this.end - at < total) break;
      const checksum = xor(this.buffer, at + 5, at + total - 1);
      if (checksum !== this.buffer[at + total - 1]) {
        events.push({ kind: 'error', error: frameError('checksum', { expected: checksum, got: this.buffer[at + total - 1] }) });
        this.skip(at + 1);
        continue;
      }
      const body = this.buffer.slice(at + HEADER_BYTES, at + total - 1);
      this.start = at + total;
      events.push({ kind: 'frame', frame: { body, wireBytes: total } });
    }
    return events;
  }

  /** Forget everything buffered: before a fresh request, stale bytes can only mislead. */
  reset(): void {
    this.start = 0;
    this.end = 0;
    this.skippedBytes = 0;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.start;
  }

  /** Position of the next full preamble, discarding noise before it; -1 keeps a possible partial one. */
  private findPreamble(): number {
    const b = this.buffer;
    for (let i = this.start; i + PREAMBLE.length <= this.end; i++) {
      if (b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69) {
        this.skip(i);
        return i;
      }
    }
    // Keep a tail that may be the start of a preamble split across reads.
    this.skip(Math.max(this.start, this.end - (PREAMBLE.length - 1)));
    return -1;
  }

  private skip(to: number): void {
    this.skippedBytes += to - this.start;
    this.start = to;
  }

  private append(chunk: Uint8Array): void {
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
    if (this.end + chunk.length > this.buffer.length) {
      const live = this.end - this.start;
      const needed = live + chunk.length;
      const next = needed > this.buffer.length ? new Uint8Array(Math.max(needed, this.buffer.length * 2)) : this.buffer;
      if (next === this.buffer) this.buffer.copyWithin(0, this.start, this.end);
      else next.set(this.buffer.subarray(this.start, this.end), 0);
      this.buffer = next;
      this.start = 0;
      this.end = live;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }
}
