import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A pair of connected pseudo-terminals made by socat: bytes written to one end come out of the other,
 * through the same tty layer a USB-CDC reader uses. Killing socat makes both ends vanish, which is
 * what an unplugged reader looks like to the driver.
 */
export class PtyPair {
  private proc: ChildProcess | undefined;

  constructor(
    /** The end the driver opens. */
    readonly hostPath: string,
    /** The end the emulator opens. */
    readonly devicePath: string,
  ) {}

  async start(): Promise<void> {
    if (this.proc) return;
    const proc = spawn('socat', [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    this.proc = proc;
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.hostPath) && existsSync(this.devicePath))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        this.proc = undefined;
        proc.kill('SIGKILL');
        await exited;
        throw new Error(`socat did not create ${this.hostPath}: ${stderr.trim() || 'timeout'}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Kill socat and wait until its links are gone. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.proc = undefined;
    if (proc.exitCode === null) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      await exited;
    }
  }

  get running(): boolean {
    return this.proc !== undefined;
  }
}
