import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { FixtureCard } from './cards';
import type { Faults } from './faults';
import { PtyPair } from './pty';
import { nameOf, SamModule, type SamOptions } from './sam';
import { response, RequestReader, type Request } from './wire';

export interface EmulatedReaderOptions {
  /** Where the pty links go; a fresh temporary folder when absent. */
  dir?: string;
  /** The host end's path; default <dir>/reader. */
  hostPath?: string;
  sam?: SamOptions;
  faults?: Faults;
  card?: FixtureCard;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A second-generation ID card reader on a pseudo-terminal: the driver opens `hostPath` exactly as it
 * would open /dev/ttyACM0 or COM3, and the emulator answers byte by byte on the other end.
 */
export class EmulatedReader {
  readonly sam: SamModule;
  faults: Faults;
  /** Answers sent, for tests that check retries. */
  answers = 0;
  private port: SerialPort | undefined;
  private readonly pair: PtyPair;
  private ownedDir: string | undefined;
  private work: Promise<void> = Promise.resolve();
  private noiseSeed = 1;

  private constructor(pair: PtyPair, options: EmulatedReaderOptions) {
    this.pair = pair;
    this.sam = new SamModule(options.sam);
    this.faults = { ...options.faults };
    if (options.card) this.sam.placeCard(options.card);
  }

  static async start(options: EmulatedReaderOptions = {}): Promise<EmulatedReader> {
    const owned = options.dir ? undefined : await mkdtemp(join(tmpdir(), 'sam-emulator-'));
    const dir = options.dir ?? owned!;
    const pair = new PtyPair(options.hostPath ?? join(dir, 'reader'), join(dir, `device-${process.pid}-${Date.now()}`));
    const reader = new EmulatedReader(pair, options);
    reader.ownedDir = owned;
    await reader.plug();
    return reader;
  }

  get hostPath(): string {
    return this.pair.hostPath;
  }

  placeCard(card: FixtureCard): void {
    this.sam.placeCard(card);
  }

  removeCard(): void {
    this.sam.removeCard();
  }

  /** Resolves once every request received so far has been answered (or dropped by a fault). */
  async drained(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.work) {
      seen = this.work;
      await seen.catch(() => undefined);
    }
  }

  /** The reader disappears: the pty pair is torn down under the driver. */
  async unplug(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    // The link goes first, as when a cable is pulled: a write still draining into it (tcdrain, which
    // waits for the other side to read and holds a libuv thread) then ends at once instead of keeping
    // the port's close waiting behind it.
    await this.pair.stop();
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
  }

  /** The reader comes back at the same path. */
  async replug(): Promise<void> {
    await this.plug();
  }

  async stop(): Promise<void> {
    await this.unplug();
    await this.work.catch(() => undefined);
    if (this.ownedDir) await rm(this.ownedDir, { recursive: true, force: true });
  }

  private async plug(): Promise<void> {
    await this.pair.start();
    const port = new SerialPort({ path: this.pair.devicePath, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    const requests = new RequestReader();
    port.on('data', (chunk: Buffer) => {
      const arrived = performance.now();
      for (const req of requests.push(chunk)) this.work = this.work.then(() => this.serve(port, req, arrived)).catch(() => undefined);
    });
    port.on('error', () => undefined);
    this.port = port;
  }

  private async serve(port: SerialPort, req: Request, arrived: number): Promise<void> {
    const f = this.faults;
    if (f.silent && f.silent > 0) {
      f.silent--;
      return;
    }
    const byteMs = f.baudRate ? 10_000 / f.baudRate : 0;
    // A real UART delivers the request's last byte only after its wire time.
    const requestDone = arrived + req.wireBytes * byteMs;
    if (f.slowMs) await sleep(f.slowMs);
    const name = nameOf(req);
    if (f.late && f.late.times > 0 && name === f.late.command) {
      f.late.times--;
      await sleep(f.late.ms - (performance.now() - arrived));
    }
    let answer: Uint8Array;
    if (f.status && f.status.times > 0 && name === f.status.command) {
      f.status.times--;
      this.sam.seen.push(name);
      answer = response(f.status.sw3);
    } else {
      answer = this.sam.answer(req);
    }
    if (f.badChecksum && f.badChecksum > 0 && (!f.badChecksumOn || (name && f.badChecksumOn.includes(name)))) {
      f.badChecksum--;
      answer = answer.slice();
      answer[answer.length - 1] = answer[answer.length - 1]! ^ 0x5a;
    }
    const bytes = f.garbageBefore ? concat(this.noise(f.garbageBefore), answer) : answer;
    this.answers++;
    if (f.dribbleMs !== undefined) {
      for (const b of bytes) {
        if (port !== this.port) return;
        await write(port, Uint8Array.of(b));
        await sleep(f.dribbleMs);
      }
      return;
    }
    if (byteMs > 0) return this.paced(port, bytes, requestDone, byteMs);
    if (port === this.port) await write(port, bytes);
  }

  /** Send in chunks on an absolute schedule so timer jitter never adds up over a long frame. */
  private async paced(port: SerialPort, bytes: Uint8Array, start: number, byteMs: number): Promise<void> {
    const chunk = 64;
    for (let at = 0; at < bytes.length; at += chunk) {
      const end = Math.min(bytes.length, at + chunk);
      const due = start + end * byteMs;
      const wait = due - performance.now();
      if (wait > 0.5) await sleep(wait);
      if (port !== this.port) return;
      await write(port, bytes.subarray(at, end));
    }
  }

  /** Noise that never contains the preamble's 0xAA, so it cannot be mistaken for a frame start. */
  private noise(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      this.noiseSeed = (this.noiseSeed * 1103515245 + 12345) >>> 0;
      const b = (this.noiseSeed >>> 16) & 0xff;
      out[i] = b === 0xaa ? 0x55 : b;
    }
    return out;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Write and wait until the bytes are out. Done at once when the port is (or has just been) closed: serialport's
 * drain on a closed port waits for it to open again, which an unplugged port never does, and every later answer
 * is queued behind this one.
 */
function write(port: SerialPort, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.write(Buffer.from(bytes), (err) => (err || !port.isOpen ? resolve() : port.drain(() => resolve())));
  });
}
