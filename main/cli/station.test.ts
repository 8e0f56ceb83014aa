import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../core/index';
import { runCli } from './run';

/** jiuzhu-admin init / backup / check / audit verify / restore on a real encrypted station. */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-station-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PASSWORD = 'Qiaotou#2026';

function cli(dataDir: string, password: string | undefined, machine = 'c') {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const previous = process.env.JIUZHU_PASSWORD;
    if (password) process.env.JIUZHU_PASSWORD = password;
    else delete process.env.JIUZHU_PASSWORD;
    try {
      const code = await runCli(['--data', dataDir, ...argv], {
        io: { out: (t) => (out += t), err: (t) => (err += t) },
        makeCore: (dir) => createCore({ shell: 'cli', dataDir: dir, version: 'test', logger: silentLogger, deviceId: async () => machine.repeat(64) }),
        readPassword: async () => password,
      });
      return { code, out, err };
    } finally {
      if (previous === undefined) delete process.env.JIUZHU_PASSWORD;
      else process.env.JIUZHU_PASSWORD = previous;
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
    const missing = await admin('--user', 'admin', 'backup', '--out', '/proc/no-such-dir/x.jzbak');
    expect(missing.code).toBe(1);
  });

  it('restores onto a new machine with the recovery code, and refuses a damaged file', async () => {
    const newMachine = cli(join(root, 'new-machine'), PASSWORD, 'd');
    const bad = await newMachine('restore', '--in', join(root, 'nothing.jzbak'), '--recovery-code', recoveryCode, '--admin', 'admin');
    expect(bad.code).toBe(1);
    expect(existsSync(join(root, 'new-machine', 'jiuzhu.keyring'))).toBe(false);
    const NEW_PASSWORD = 'Xinjiqi#2027';
    const r = await cli(join(root, 'new-machine'), NEW_PASSWORD, 'd')('--json', 'restore', '--in', backupFile, '--recovery-code', recoveryCode, '--admin', 'admin');
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
