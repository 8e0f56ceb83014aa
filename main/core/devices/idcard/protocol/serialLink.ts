import { JiuzhuError } from '../../../../../common/contract/errors';
import { nativeSerialTransport } from '../../serial/nativeTransport';
import type { SerialChannel, SerialTransport } from '../../serial/transport';
import { FrameDecoder } from './decoder';
import type { ResponseFrame } from './frame';
import { toResponse } from './parseFrame';

/** After a damaged frame, wait this long for a good one before giving up on the exchange. */
const DAMAGED_FRAME_GRACE_MS = 60;

interface Pending {
  resolve(frame: ResponseFrame): void;
  reject(error: JiuzhuError): void;
  timer: NodeJS.Timeout;
  damaged?: JiuzhuError;
  graceTimer?: NodeJS.Timeout;
}

/**
 * One open serial port speaking request/response frames. Exchanges are strictly one at a time
 * (the SAM answers each request once); callers serialise through SamReader.
 */
export class SerialLink {
  private readonly decoder = new FrameDecoder();
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

  /** Send one request and wait for its response frame. */
  exchange(request: Uint8Array, timeoutMs: number): Promise<ResponseFrame> {
    if (this.closed) return Promise.reject(new JiuzhuError('IDCARD_DISCONNECTED', {}, { port: this.path }));
    if (this.pending) throw new Error('SerialLink.exchange called while another exchange is pending');
    // Whatever arrived before this request can only be a late answer to an earlier one.
    this.decoder.reset();
    return new Promise<ResponseFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        const damaged = this.pending?.damaged;
        this.settle();
        reject(damaged ?? new JiuzhuError('IDCARD_TIMEOUT', { ms: timeoutMs }, { port: this.path }));
      }, timeoutMs);
      this.pending = { resolve, reject, timer };
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
    const pending = this.pending;
    const events = this.decoder.push(chunk);
    if (!pending) return;
    for (const event of events) {
      if (event.kind === 'error') {
        pending.damaged ??= event.error;
        pending.graceTimer ??= setTimeout(() => {
          if (this.pending !== pending) return;
          this.settle();
          pending.reject(event.error);
        }, DAMAGED_FRAME_GRACE_MS);
        continue;
      }
      this.settle();
      try {
        pending.resolve(toResponse(event.frame));
      } catch (error) {
        pending.reject(error as JiuzhuError);
      }
      return;
    }
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
