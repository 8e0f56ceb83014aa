import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataLocation, machineRoot } from './dataScope';

/**
 * A station shared by several OS accounts, on real files with real modes: the CLI run as separate
 * processes under different uids (as root, the accounts need not exist), or as this user with its
 * own primary group when the tests do not run as root.
 */
const repo = join(import.meta.dirname, '..', '..', '..', '..');
const top = mkdtempSync(join(tmpdir(), 'jiuzhu-shared-'));
chmodSync(top, 0o755);
afterAll(() => rmSync(top, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;
const GROUP = asRoot ? 47_011 : process.getgid!();
const OTHER_GROUP = 47_012;
const account = (uid: number, gid = GROUP) => (asRoot ? { uid, gid } : {});

function cli(who: { uid?: number; gid?: number }, env: Record<string, string>, ...args: string[]) {
  const home = mkdtempSync(join(top, 'home-'));
  if (who.uid !== undefined) chownSync(home, who.uid, who.gid!);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'main/cli/index.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TSX_DISABLE_CACHE: '1', ...env },
    timeout: 120_000,
    ...who,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return lstatSync(p).isDirectory() ? [p, ...walk(p)] : [p];
  });
}

describe('where the station lives', () => {
  it('per account by default; under ProgramData or /var/lib for the whole PC when the preset says machine', () => {
    expect(dataLocation({}, { XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toEqual({
      scope: 'user',
      dataDir: '/home/a/.config/jiuzhu-workstation',
      machineSecretDir: null,
    });
    expect(dataLocation({ dataScope: 'machine' }, {}, 'linux')).toEqual({
      scope: 'machine',
      dataDir: '/var/lib/jiuzhu-workstation/data',
      machineSecretDir: '/var/lib/jiuzhu-workstation/machine',
    });
    expect(dataLocation({ dataScope: 'machine' }, { ProgramData: 'C:\\ProgramData' }, 'win32')).toMatchObject({
      dataDir: join('C:\\ProgramData', 'jiuzhu-workstation', 'data'),
      machineSecretDir: join('C:\\ProgramData', 'jiuzhu-workstation', 'machine'),
    });
    expect(machineRoot({ JIUZHU_MACHINE_ROOT: '/srv/jz' }, 'linux')).toBe('/srv/jz');
  });
});

describe('a station shared by the staff accounts of one PC', () => {
  it('one account sets it up, another of the group logs in to the same station, one outside the group is refused; nothing is world-readable', (ctx) => {
    if (process.platform === 'win32') {
      console.log('skip: POSIX modes and groups; the Windows form (DPAPI machine scope, the installer ACL) runs on Windows only');
      ctx.skip();
      return;
    }
    if (!asRoot) console.log('not root: both "accounts" are this user with its own primary group; the refused outsider is not tried');
    // What the deb's postinst makes: the machine root 3770 root:jiuzhu, and the preset.
    const root = join(top, 'var-lib-jiuzhu');
    mkdirSync(root);
    chmodSync(root, 0o3770);
    if (asRoot) chownSync(root, 0, GROUP);
    const preset = join(top, 'preset.json');
    writeFileSync(preset, JSON.stringify({ dataScope: 'machine' }));
    const env = { JIUZHU_PRESET: preset, JIUZHU_MACHINE_ROOT: root, JIUZHU_PASSWORD: 'Counter-Pass-2026' };

    const setup = cli(account(47_001), env, 'init', '--station-name', '桥头镇社会救助工作站', '--region', '500110', '--admin', 'admin');
    expect(setup.out).toContain('恢复码');
    expect(setup.code).toBe(0);

    const secret = lstatSync(join(root, 'machine', 'machine-secret.json'));
    expect((secret.mode & 0o7777).toString(8)).toBe('640');
    expect((lstatSync(join(root, 'machine')).mode & 0o7777).toString(8)).toBe('2750');
    expect((lstatSync(join(root, 'data')).mode & 0o7777).toString(8)).toBe('2770');
    expect((lstatSync(join(root, 'data', 'jiuzhu.db')).mode & 0o777).toString(8)).toBe('660');
    // No per-account secret was made: the machine-wide one is the binding.
    expect(setup.out).not.toContain('jiuzhu-workstation-machine');

    const second = cli(account(47_002), env, '--user', 'admin', '--json', 'check');
    expect(second.out).not.toContain('STORE_OTHER_MACHINE');
    expect(second.code, second.out).toBe(0);

    // Whatever either account's process wrote (the database and its journal files, keyring, logs,
    // the integrity record) is for the station's group only.
    const files = walk(root);
    expect(files).toContain(join(root, 'data', 'logs'));
    expect(files).toContain(join(root, 'data', 'jiuzhu.keyring'));
    for (const f of files) {
      const st = lstatSync(f);
      expect((st.mode & 0o007).toString(8), `${f} is not for other accounts`).toBe('0');
      expect(st.gid, `${f} belongs to the station's group`).toBe(GROUP);
    }

    if (asRoot) {
      const outsider = cli(account(47_003, OTHER_GROUP), env, '--user', 'admin', 'check');
      expect(outsider.code).not.toBe(0);
      expect(outsider.out).toContain('jiuzhu 组');
      // A secret another account could rewrite is refused, not used.
      chmodSync(join(root, 'machine', 'machine-secret.json'), 0o660);
      expect(cli(account(47_002), env, '--user', 'admin', 'check').out).toContain('其他账户可以改动或读取');
      chmodSync(join(root, 'machine', 'machine-secret.json'), 0o640);
    }
  }, 240_000);

  it("the data folder's lock keeps a second account's process out while the first holds it", (ctx) => {
    if (process.platform === 'win32') {
      ctx.skip();
      return;
    }
    const dir = join(top, 'lock-data');
    mkdirSync(dir);
    chmodSync(dir, 0o2770);
    if (asRoot) chownSync(dir, 0, GROUP);
    const script = (holdMs: number, timeoutMs: number) => `
      import { shareFilesWithGroup } from ${JSON.stringify(join(repo, 'main/core/kernel/store/fileModes.ts'))};
      import { withDataDirLock } from ${JSON.stringify(join(repo, 'main/core/kernel/store/dataDirLock.ts'))};
      shareFilesWithGroup();
      const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      try {
        withDataDirLock(${JSON.stringify(dir)}, () => { process.stdout.write('held\\n'); sleep(${holdMs}); }, { timeoutMs: ${timeoutMs} });
        process.stdout.write('released\\n');
      } catch (e) { process.stdout.write(String(e.code) + '\\n'); }`;
    const run = (who: object, holdMs: number, timeoutMs: number) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(holdMs, timeoutMs)], {
          cwd: repo,
          ...who,
        });
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('held')) resolve(out);
        });
        child.on('exit', () => resolve(out));
      });
    return (async () => {
      const first = run(account(47_001), 4000, 1000);
      expect(await first).toContain('held');
      const lock = lstatSync(join(dir, 'jiuzhu.lock'));
      expect((lock.mode & 0o777).toString(8)).toBe('660');
      const second = await run(account(47_002), 0, 500);
      expect(second.trim()).toBe('STORE_BUSY');
    })();
  }, 60_000);
});
