import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCard } from '../main/core/devices/idcard/reader/buildCard';
import { SamReader } from '../main/core/devices/idcard/reader/samReader';
import { row, type Benchmark, type BenchRow } from './types';

const BAUD = 115200;
const READS = 30;

/** Start the emulator CLI in its own process, so its work is not counted as the driver's. */
async function startEmulator(link: string, paced: boolean): Promise<ChildProcess> {
  const args = ['--import', 'tsx', 'tools/samEmulator/cli.ts', '--link', link, '--card', 'resident', '--no-halt'];
  if (paced) args.push('--baud', String(BAUD));
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!out.includes('card:')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`sam-emulator did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return child;
}

async function stopEmulator(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.stdin!.write('quit\n');
  await exited;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** find → select → read → appended address → parsed card, READS times; returns median ms and wire ms. */
async function measure(link: string): Promise<{ total: number; wire: number }> {
  const reader = await SamReader.open({ path: link, timeoutMs: 1000 });
  try {
    await reader.samId(); // read once per session; not part of a card read
    const totals: number[] = [];
    const wires: number[] = [];
    for (let i = 0; i < READS + 3; i++) {
      const before = reader.wireBytes;
      const t0 = performance.now();
      const raw = await reader.readOnce();
      if ('same' in raw) throw new Error('unexpected same-card answer');
      await buildCard(raw, { today: '2026-06-01' });
      const t1 = performance.now();
      const after = reader.wireBytes;
      if (i < 3) continue; // warm-up
      totals.push(t1 - t0);
      wires.push(((after.out - before.out + after.in - before.in) * 10 * 1000) / BAUD);
    }
    return { total: median(totals), wire: median(wires) };
  } finally {
    await reader.close();
  }
}

export const benchmark: Benchmark = {
  name: 'idcard',
  summary: 'ID card read against the SAM emulator on a pty: find card → parsed card, minus the bytes’ wire time at 115200 baud',
  async run(): Promise<BenchRow[]> {
    const dir = await mkdtemp(join(tmpdir(), 'bench-idcard-'));
    try {
      const pacedLink = join(dir, 'paced');
      const paced = await startEmulator(pacedLink, true);
      let pacedResult: { total: number; wire: number };
      try {
        pacedResult = await measure(pacedLink);
      } finally {
        await stopEmulator(paced);
      }
      const rawLink = join(dir, 'raw');
      const raw = await startEmulator(rawLink, false);
      let rawResult: { total: number; wire: number };
      try {
        rawResult = await measure(rawLink);
      } finally {
        await stopEmulator(raw);
      }
      const work = `${READS} reads, median`;
      const overhead = pacedResult.total - pacedResult.wire;
      return [
        // Baseline: the wire time itself, the floor no driver can beat at this speed.
        row('find → parsed card at 115200 baud (wall)', work, round(pacedResult.total), 'ms', round(pacedResult.wire)),
        row('wire time of those bytes at 115200 baud', work, round(pacedResult.wire), 'ms'),
        row('software overhead (wall − wire; goal ≤ 20 ms)', work, round(overhead), 'ms'),
        row('find → parsed card, unpaced pty (no wire time)', work, round(rawResult.total), 'ms'),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

const round = (n: number): number => Math.round(n * 100) / 100;
