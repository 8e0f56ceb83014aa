import type { Socket } from 'node:net';
import type { DirectionOptions } from './options';

const HIGH_WATER = 256 * 1024;
const LOW_WATER = 64 * 1024;
/** Smallest slice worth a write on a rate-limited line (about one TCP segment). */
const SLICE = 1460;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

export interface PipeHooks {
  /** Cut once this many bytes have been forwarded; the bytes up to the limit are delivered first. */
  cutAfter?: number;
  stall?: { afterBytes: number; ms: number };
  onForward(bytes: number): void;
  onCut(atByte: number): void;
}

/**
 * One direction of a proxied connection: delay (latency), rate (token bucket), stalls and a cut
 * at an exact byte offset. Source back-pressure is honoured, so a slow line slows the sender.
 */
export class ShapedPipe {
  private queue: { chunk: Buffer; readyAt: number }[] = [];
  private queuedBytes = 0;
  private forwarded = 0;
  private tokens = 0;
  private lastRefill = Date.now();
  private pumping = false;
  private ended = false;
  private stopped = false;
  private stalled = false;

  constructor(
    private readonly source: Socket,
    private readonly dest: Socket,
    private readonly options: () => DirectionOptions,
    private readonly random: () => number,
    private readonly hooks: PipeHooks,
  ) {
    source.on('data', (chunk: Buffer) => {
      if (this.stopped) return;
      this.queue.push({ chunk, readyAt: Date.now() + (this.options().latencyMs ?? 0) });
      this.queuedBytes += chunk.length;
      if (this.queuedBytes > HIGH_WATER) source.pause();
      void this.pump();
    });
    source.on('end', () => {
      this.ended = true;
      void this.pump();
    });
  }

  get bytesForwarded(): number {
    return this.forwarded;
  }

  /** Forward nothing more (what is queued is dropped). */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.queuedBytes = 0;
  }

  private refill(rate: number, burst: number): void {
    const now = Date.now();
    this.tokens = Math.min(burst, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
  }

  /** How many bytes of `want` may go now, waiting for tokens if the line is rate-limited. */
  private async allowance(want: number): Promise<number> {
    const { bytesPerSecond: rate, burstBytes } = this.options();
    if (!rate) return want;
    const burst = burstBytes ?? Math.max(256, Math.floor(rate / 20));
    const needed = Math.min(want, SLICE, burst);
    this.refill(rate, burst);
    if (this.tokens < needed) {
      await sleep(Math.ceil(((needed - this.tokens) / rate) * 1000));
      this.refill(rate, burst);
    }
    const n = Math.max(1, Math.min(want, Math.floor(this.tokens)));
    this.tokens -= n;
    return n;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopped && this.queue.length > 0) {
        const head = this.queue[0]!;
        const wait = head.readyAt - Date.now();
        if (wait > 0) await sleep(wait);
        const { stall, cutAfter } = this.hooks;
        if (stall && !this.stalled && this.forwarded >= stall.afterBytes) {
          this.stalled = true;
          await sleep(stall.ms);
        }
        let n = await this.allowance(head.chunk.length);
        const loss = this.options().lossStall;
        if (loss && this.random() < loss.probability) await sleep(loss.ms);
        if (this.stopped) break;
        let cut = false;
        if (cutAfter !== undefined && this.forwarded + n >= cutAfter) {
          n = cutAfter - this.forwarded;
          cut = true;
        }
        const slice = head.chunk.subarray(0, n);
        head.chunk = head.chunk.subarray(n);
        if (head.chunk.length === 0) this.queue.shift();
        this.queuedBytes -= n;
        this.forwarded += n;
        let flushed: Promise<void> | undefined;
        if (n > 0) {
          this.hooks.onForward(n);
          if (!this.dest.write(slice)) flushed = drained(this.dest);
        }
        if (cut) {
          this.hooks.onCut(this.forwarded);
          return;
        }
        if (flushed) await flushed;
        if (this.queuedBytes < LOW_WATER && this.source.isPaused()) this.source.resume();
      }
      if (this.ended && !this.stopped && this.queue.length === 0 && !this.dest.destroyed) this.dest.end();
    } finally {
      this.pumping = false;
    }
  }
}
