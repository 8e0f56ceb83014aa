import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUpdateSource } from '../core/updates/index';
import { writeUpdateSource } from '../core/updates/source';
import { runCli } from './run';

/** jiuzhu-admin update: the address 程序更新 set is the default of --from; install only verifies and names the file. */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-update-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { io: { out: (t) => (out += t), err: (t) => (err += t) } });
  return { code, text: out + err };
}

describe('jiuzhu-admin update', () => {
  it('without --from takes the address set on 程序更新, and says what to do when there is none', async () => {
    const dataDir = join(root, 'station');
    const previous = process.env.JIUZHU_PRESET;
    process.env.JIUZHU_PRESET = join(root, 'no-preset.json');
    try {
      const none = await cli('--data', dataDir, 'update', 'check');
      expect(none.code).not.toBe(0);
      expect(none.text).toContain('需要 --from');
      // A loopback port nothing listens on: the check goes there, and fails in words.
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((r) => closed.close(r));
      writeUpdateSource(dataDir, `http://127.0.0.1:${port}/jiuzhu/`);
      expect(readUpdateSource(dataDir, undefined)).toEqual({ url: `http://127.0.0.1:${port}/jiuzhu/`, from: 'station' });
      const set = await cli('--data', dataDir, '--json', 'update', 'check');
      expect(set.code).not.toBe(0);
      expect(set.text).toContain('UPDATE_UNREACHABLE');
      expect(set.text).toContain('服务器没有应答');
    } finally {
      if (previous === undefined) delete process.env.JIUZHU_PRESET;
      else process.env.JIUZHU_PRESET = previous;
    }
  });

  it('install verifies a kept download and never runs it; a version not downloaded is named', async () => {
    const dataDir = join(root, 'station');
    const missing = await cli('--data', dataDir, 'update', 'install');
    expect(missing.text).toContain('需要 --version');
    const none = await cli('--data', dataDir, '--json', 'update', 'install', '--version', '0.2.0');
    expect(none.code).not.toBe(0);
    expect(none.text).toContain('UPDATE_NOT_DOWNLOADED');
    expect(none.text).toContain('0.2.0');
  });
});
