import { JiuzhuError } from '../../../../../common/contract/errors';
import { nativeSerialTransport } from '../../serial/nativeTransport';
import type { SerialChannel, SerialTransport } from '../../serial/transport';
import { REQUEST_FRAMES, type CommandName } from './commands';
import { FrameDecoder } from './decoder';
import type { RawFrame, ResponseFrame } from './frame';
import { OwedAnswers } from './owedAnswers';
import { toResponse } from './parseFrame';

/** After a damaged frame, wait this long for a good one before giving up on the exchange. */
const DAMAGED_FRAME_GRACE_MS = 60;

interface Pending {
  command: CommandName;
  resolve(frame: ResponseFrame): void;
  reject(error: JiuzhuError): void;
  timer: NodeJS.Timeout;
  damaged?: JiuzhuError;
  graceTimer?: NodeJS.Timeout;
}

/**
 * One open serial port speaking request/response frames. Exchanges are strictly one at a time
 * (the SAM answers each request once, in order); callers serialise through SamReader. An answer that
 * missed its timeout is still owed: it is recognised and dropped when it arrives (owedAnswers.ts), so
 * the answers never drift one request behind.
 */
export class SerialLink {
  private readonly decoder = new FrameDecoder();
  private readonly owed = new OwedAnswers();
  private pending: Pending | undefined;
  private closed = false;
  private readonly closeListeners = new Set<(error: JiuzhuError) => void>();
  /** Bytes written and received in total, so a benchmark can subtract wire time. */
  bytesOut = 0;
  bytesIn = 0;

  private constructor(
    private readonly channel: SerialChannel,
    readonly path: string,
  ) {
    channel.onData((chunk) => this.onData(chunk));
    channel.onClose(() => this.onClosed());
  }

  static async open(path: string, baudRate = 115200, transport: SerialTransport = nativeSerialTransport): Promise<SerialLink> {
    try {
      return new SerialLink(await transport.open(path, baudRate), path);
    } catch (err) {
      throw new JiuzhuError('IDCARD_PORT_OPEN_FAILED', { port: path, reason: (err as Error).message }, { port: path });
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  onClose(listener: (error: JiuzhuError) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Late answers recognised and dropped so far. */
  get lateAnswers(): number {
    return this.owed.dropped;
  }

  /** Answers the reader may still send for requests that timed out. */
  get answersOwed(): number {
    return this.owed.count;
  }

  /** Send one command and wait for its response frame. */
  exchange(command: CommandName, timeoutMs: number): Promise<ResponseFrame> {
    if (this.closed) return Promise.reject(new JiuzhuError('IDCARD_DISCONNECTED', {}, { port: this.path }));
    if (this.pending) throw new Error('SerialLink.exchange called while another exchange is pending');
    // With nothing owed, bytes still buffered are noise or a stray. A part of a frame while an answer is
    // owed is the start of that answer: it is kept, so the whole frame is recognised and dropped.
    if (this.owed.count === 0) this.decoder.reset();
    const request = REQUEST_FRAMES[command];
    return new Promise<ResponseFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        const damaged = this.pending?.damaged;
        this.settle();
        if (!damaged) this.owed.lost(command, timeoutMs);
        reject(damaged ?? new JiuzhuError('IDCARD_TIMEOUT', { ms: timeoutMs }, { port: this.path }));
      }, timeoutMs);
      this.pending = { command, resolve, reject, timer };
      this.bytesOut += request.length;
      this.channel.write(request).catch((err: Error) => {
        if (this.pending) {
          this.settle();
          reject(new JiuzhuError('IDCARD_DISCONNECTED', {}, { port: this.path, reason: err.message }));
        }
      });
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.channel.close().finally(() => this.onClosed());
  }

  private onData(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'error') this.onDamaged(event.error);
      else this.onFrame(event.frame);
    }
  }

  private onFrame(frame: RawFrame): void {
    let answer: ResponseFrame;
    try {
      answer = toResponse(frame);
    } catch (error) {
      return this.onDamaged(error as JiuzhuError);
    }
    const pending = this.pending;
    if (this.owed.judge(answer, pending?.command) !== 'answer' || !pending) return;
    this.settle();
    pending.resolve(answer);
  }

  private onDamaged(error: JiuzhuError): void {
    if (this.owed.ignoresDamaged()) return;
    const pending = this.pending;
    if (!pending) return;
    pending.damaged ??= error;
    pending.graceTimer ??= setTimeout(() => {
      if (this.pending !== pending) return;
      this.settle();
      pending.reject(error);
    }, DAMAGED_FRAME_GRACE_MS);
  }

  private settle(): void {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    if (this.pending.graceTimer) clearTimeout(this.pending.graceTimer);
    this.pending = undefined;
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    const error = new JiuzhuError('IDCARD_DISCONNECTED', {}, { port: this.path });
    const pending = this.pending;
    this.settle();
    pending?.reject(error);
    for (const listener of this.closeListeners) listener(error);
    void this.channel.close().catch(() => undefined);
  }
}
