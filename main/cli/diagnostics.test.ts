import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../core/index';
import { runCli } from './run';

/** jiuzhu-admin diagnostics: with an admin login it is the app's export; without, the files alone (an app that will not start). */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-diagnostics-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PASSWORD = 'Qiaotou#2026';
const secret = createHash('sha256').update('cli-diagnostics-machine').digest();

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  process.env.JIUZHU_PASSWORD = PASSWORD;
  try {
    const code = await runCli(['--data', dataDir, ...argv], {
      io: { out: (t) => (out += t), err: (t) => (err += t) },
      makeCore: (dir) =>
        createCore({
          shell: 'cli',
          dataDir: dir,
          version: 'test',
          logger: silentLogger,
          deviceId: async () => 'e'.repeat(64),
          machineSecret: secret,
        }),
      readPassword: async () => PASSWORD,
    });
    return { code, out, err };
  } finally {
    delete process.env.JIUZHU_PASSWORD;
  }
}
const zipNames = (file: string) =>
  execFileSync(
    'python3',
    ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))', file],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');

describe('jiuzhu-admin diagnostics', () => {
  it('without a login: logs, versions and device settings of a station nobody can open — never the store', async () => {
    const dataDir = join(root, 'broken');
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    writeFileSync(
      join(dataDir, 'logs', 'core-electron.log'),
      '{"level":"error","event":"store.open_failed","error":"SQLITE_NOTADB 王五"}\n',
    );
    writeFileSync(join(dataDir, 'station.sqlite'), Buffer.alloc(4096, 3));
    const file = join(root, 'broken.zip');
    const r = await cli(dataDir, '--json', 'diagnostics', '--out', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file, files: ['about.json', 'logs/core-electron.log'] });
    expect(zipNames(file)).toEqual(['about.json', 'logs/core-electron.log']);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('with an admin: the app export, with the station and sync state', async () => {
    const dataDir = join(root, 'station');
    expect((await cli(dataDir, 'init', '--station-name', '桥头镇社会救助工作站', '--region', '500110', '--admin', 'admin')).code).toBe(0);
    const file = join(root, 'station.zip');
    const r = await cli(dataDir, '--user', 'admin', 'diagnostics', '--out', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(file);
    expect(zipNames(file)).toEqual(expect.arrayContaining(['about.json', 'station.json', 'sync.json']));
  });

  it('says what is missing without --out', async () => {
    const r = await cli(join(root, 'x'), 'diagnostics');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--out');
  });
});
