import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../core/index';
import { runCli } from './run';

/** jiuzhu-admin init / backup / check / audit verify / restore on a real encrypted station. */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-station-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PASSWORD = 'Qiaotou#2026';

/** Each test machine has its own machine secret (in a real install: the per-user file outside the data folder). */
const secretOf = (machine: string) => createHash('sha256').update(`cli-test-machine-${machine}`).digest();

function cli(dataDir: string, password: string | undefined, machine = 'c', env: Record<string, string> = {}) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const names = ['JIUZHU_PASSWORD', ...Object.keys(env)];
    const previous = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    if (password) process.env.JIUZHU_PASSWORD = password;
    else delete process.env.JIUZHU_PASSWORD;
    Object.assign(process.env, env);
    try {
      const code = await runCli(['--data', dataDir, ...argv], {
        io: { out: (t) => (out += t), err: (t) => (err += t) },
        makeCore: (dir) =>
          createCore({
            shell: 'cli',
            dataDir: dir,
            version: 'test',
            logger: silentLogger,
            deviceId: async () => machine.repeat(64),
            machineSecret: secretOf(machine),
          }),
        readPassword: async () => password,
      });
      return { code, out, err };
    } finally {
      for (const n of names) {
        if (previous[n] === undefined) delete process.env[n];
        else process.env[n] = previous[n];
      }
    }
  };
}

describe('station administration from the CLI', () => {
  const dataDir = join(root, 'station');
  const admin = cli(dataDir, PASSWORD);
  let recoveryCode = '';
  const backupFile = join(root, 'usb', 'station.jzbak');

  it('init prints the recovery code once; a second init is refused', async () => {
    const r = await admin('--json', 'init', '--station-name', '桥头镇社会救助工作站', '--region', '500110', '--admin', 'admin');
    expect(r.code).toBe(0);
    recoveryCode = JSON.parse(r.out).recoveryCode;
    expect(recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}$/);
    const again = await admin('init', '--station-name', 'x 站', '--region', '500110', '--admin', 'admin');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已经完成过首次设置');
  });

  it('commands that need a login say how, and a wrong password is refused', async () => {
    const noUser = await admin('check');
    expect(noUser.code).toBe(2);
    expect(noUser.err).toContain('--user');
    const wrong = await cli(dataDir, 'not the password')('--user', 'admin', 'check');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('用户名或密码不正确');
  });

  it('check and audit verify pass on a healthy station', async () => {
    const check = await admin('--user', 'admin', '--json', 'check');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, integrity: [], foreignKeyViolations: 0, audit: { ok: true } });
    const verify = await admin('--user', 'admin', 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/审计日志完整：共 \d+ 条/);
  });

  it('backup writes one verified file to the target folder', async () => {
    mkdirSync(join(root, 'usb'));
    const r = await admin('--user', 'admin', '--json', 'backup', '--out', backupFile);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: backupFile });
    expect(existsSync(backupFile)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    // an existing file is never overwritten
    const again = await admin('--user', 'admin', 'backup', '--out', backupFile);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已有同名文件');
    const missing = await admin('--user', 'admin', 'backup', '--out', '/proc/no-such-dir/x.jzbak');
    expect(missing.code).toBe(1);
  });

  it('refuses a recovery code on the command line (other users can read argv), before doing anything', async () => {
    const r = await cli(join(root, 'new-machine'), PASSWORD, 'd')(
      'restore',
      '--in',
      backupFile,
      '--recovery-code',
      recoveryCode,
      '--admin',
      'admin',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('JIUZHU_RECOVERY_CODE');
    expect(existsSync(join(root, 'new-machine', 'jiuzhu.keyring'))).toBe(false);
  });

  it('restores onto a new machine with the recovery code, and refuses a damaged file', async () => {
    const newMachine = cli(join(root, 'new-machine'), PASSWORD, 'd', { JIUZHU_RECOVERY_CODE: recoveryCode });
    const bad = await newMachine('restore', '--in', join(root, 'nothing.jzbak'), '--admin', 'admin');
    expect(bad.code).toBe(1);
    expect(existsSync(join(root, 'new-machine', 'jiuzhu.keyring'))).toBe(false);
    const NEW_PASSWORD = 'Xinjiqi#2027';
    const r = await cli(join(root, 'new-machine'), NEW_PASSWORD, 'd', { JIUZHU_RECOVERY_CODE: recoveryCode })(
      '--json',
      'restore',
      '--in',
      backupFile,
      '--admin',
      'admin',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const restored = JSON.parse(r.out);
    expect(restored.recoveryCode).not.toBe(recoveryCode);
    // The restored station opens on the new machine with the new password, and its audit chain is whole.
    const check = await cli(join(root, 'new-machine'), NEW_PASSWORD, 'd')('--user', 'admin', '--json', 'check');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, audit: { ok: true } });
  });
});
