import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamReader } from '../../main/core/devices/idcard/reader/samReader';
import { waitForCard } from '../../main/core/devices/idcard/reader/readCard';
import { residentCard } from './cards';

describe('sam-emulator CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sam-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a card on --link, obeys stdin commands and exits cleanly', async () => {
    const link = join(dir, 'reader');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/samEmulator/cli.ts', '--link', link, '--card', 'resident', '--seed', '6'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (!out.includes('card:')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`emulator did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toContain(`模拟读卡器 (emulated reader) on ${link}`);
      const reader = await SamReader.open({ path: link, timeoutMs: 500 });
      const read = await waitForCard(reader, { timeoutMs: 2000, today: () => '2026-06-01' });
      expect(read.card.idNumber).toBe(residentCard({ seed: 6 }).expected.idNumber);
      await reader.close();
      child.stdin.write('quit\n');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  }, 30_000);
});
