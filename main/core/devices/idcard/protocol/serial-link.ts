import { SerialPort } from 'serialport';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { FrameDecoder } from './decoder';
import type { ResponseFrame } from './frame';
import { toResponse } from './parse-frame';

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
    private readonly port: SerialPort,
    readonly path: string,
  ) {
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('close', () => this.onClosed());
    port.on('error', () => this.onClosed());
  }

  static open(path: string, baudRate = 115200): Promise<SerialLink> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((err) => {
        if (err) reject(new JiuzhuError('IDCARD_PORT_OPEN_FAILED', { port: path, reason: err.message }, { port: path }));
        else resolve(new SerialLink(port, path));
      });
    });
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
      this.port.write(Buffer.from(request.buffer, request.byteOffset, request.byteLength), (err) => {
        if (err && this.pending) {
          this.settle();
          reject(new JiuzhuError('IDCARD_DISCONNECTED', {}, { port: this.path, reason: err.message }));
        }
      });
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.port.close(() => {
        this.onClosed();
        resolve();
      });
    });
  }

  private onData(chunk: Buffer): void {
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
    if (this.port.isOpen) this.port.close(() => undefined);
  }
}
