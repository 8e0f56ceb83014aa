import { open } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import { residentCard } from './cards';
import { EmulatedReader } from './emulatedReader';

/** A request frame as a driver sends it: preamble, length 3, command, parameter, XOR check. */
const request = (cmd: number, para: number): number[] => [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, cmd, para, 0x03 ^ cmd ^ para];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves to how long `work` took, or rejects after `ms` (a hang reads as a failure, not a stuck run). */
async function within(ms: number, work: Promise<void>): Promise<number> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms)));
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
  return Date.now() - start;
}

describe('EmulatedReader unplugged while it is answering', () => {
  it('stops, and answers again after a replug, when an answer was still being written', async () => {
    const emu = await EmulatedReader.start({ sam: { haltAfterRead: false }, card: residentCard({ seed: 7 }) });
    // A host that sends and never reads: the answers fill the pty until the emulator's write waits on it.
    const host = await open(emu.hostPath, 'r+');
    try {
      const reads = Array.from({ length: 120 }, () => request(0x30, 0x01)).flat();
      await host.write(Uint8Array.from([...request(0x20, 0x01), ...request(0x20, 0x02), ...reads]));
      let seen = -1;
      while (emu.answers !== seen) {
        seen = emu.answers;
        await sleep(300);
      }
      expect(emu.answers).toBeLessThan(122);
      await within(5000, emu.unplug());
    } finally {
      await host.close();
    }
    await within(5000, emu.replug());
    const again = new SerialPort({ path: emu.hostPath, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => again.open((err) => (err ? reject(err) : resolve())));
    try {
      const answer = new Promise<Buffer>((resolve) => {
        let got = Buffer.alloc(0);
        again.on('data', (chunk: Buffer) => (got = Buffer.concat([got, chunk])).length >= 11 && resolve(got));
      });
      again.write(Buffer.from(request(0x11, 0xff)));
      let status: Buffer | undefined;
      await within(
        5000,
        answer.then((b) => void (status = b)),
      );
      expect(status?.[9]).toBe(0x90);
    } finally {
      await new Promise<void>((resolve) => again.close(() => resolve()));
      await within(5000, emu.stop());
    }
  });
});
