import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient } from './testClient/client';
import { newCase } from './testClient/fixtures';
import type { PlatformInfo } from '../common/sync/registration';
import { request, type PlatformHttpError } from './testClient/http';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TOKEN = 'cli-test-token-7f3a9c1e5b2d4';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the platform CLI to its end. */
function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'city-platform', 'cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Start `serve` and wait for the lines it prints once listening. */
function serve(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'city-platform', 'cli.ts'), 'serve', '--port', '0', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /city-platform (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url && /admin-token .*\n/.test(stdout)) resolve({ child, url, stdout: () => stdout });
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => reject(new Error(`serve ended (${code}): ${stderr}`)));
    child.stdin!.end(options.stdin ?? '');
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('close', () => resolve());
    child.kill('SIGTERM');
  });

describe('platform CLI', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-platform-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const child of children) await stop(child);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an admin token on the command line and says how to give it instead', async () => {
    const run = await cli(['serve', '--port', '0', '--data', dataDir(), '--admin-token', TOKEN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('JIUZHU_PLATFORM_ADMIN_TOKEN');
    expect(run.stderr).toContain('--admin-token-stdin');
    expect(run.stdout).not.toContain('city-platform http');
  }, 30_000);

  it('takes the admin token from the environment or from stdin, and does not print it', async () => {
    for (const way of [{ env: { JIUZHU_PLATFORM_ADMIN_TOKEN: TOKEN } }, { args: ['--admin-token-stdin'], stdin: `${TOKEN}\n` }]) {
      const running = await serve(['--data', dataDir(), '--quiet', ...(way.args ?? [])], way);
      children.push(running.child);
      expect(running.stdout()).toContain('admin-token   (as given)');
      expect(running.stdout()).not.toContain(TOKEN);
      const ok = await request(`${running.url}/admin/records`, { method: 'GET', headers: { Authorization: `Bearer ${TOKEN}` } });
      const wrong = await request(`${running.url}/admin/records`, {
        method: 'GET',
        headers: { Authorization: 'Bearer not-the-token-at-all' },
      });
      expect([ok.status, wrong.status]).toEqual([200, 403]);
      await stop(running.child);
    }
    const empty = await cli(['serve', '--port', '0', '--data', dataDir(), '--admin-token-stdin'], { stdin: '\n' });
    expect([empty.code, empty.stderr.includes('标准输入的第一行是空的')]).toEqual([2, true]);
  }, 60_000);

  it('lists a pending replacement and confirms it (replacements, confirm-replacement)', async () => {
    const dir = dataDir();
    const running = await serve(['--data', dir, '--quiet'], { env: { JIUZHU_PLATFORM_ADMIN_TOKEN: TOKEN } });
    children.push(running.child);
    const enrol = async () => {
      const slip = await request(`${running.url}/admin/enrolment-codes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify({ stationId: 'ST-CLI', regionCode: '500110' })),
      });
      const { code, fingerprint } = JSON.parse(slip.body.toString()) as { code: string; fingerprint: string };
      return TestClient.enrol(running.url, { code, fingerprint, machineId: 'machine-cli-1' });
    };
    const old = await enrol();
    const fresh = await enrol();
    const listed = await cli(['replacements', '--json', '--data', dir]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ deviceId: fresh.device.deviceId, replaces: expect.objectContaining({ deviceId: old.device.deviceId }) }),
    ]);
    expect(await fresh.push([newCase(fresh, 'C-CLI-1', 1)]).catch((e: PlatformHttpError) => e.error?.code)).toBe('SYNC_DEVICE_PENDING');
    fresh.nextBundleSeq = 1;
    const confirmed = await cli(['confirm-replacement', '--device', fresh.device.deviceId, '--data', dir]);
    expect([confirmed.code, confirmed.stdout]).toEqual([0, `${fresh.device.deviceId} 已启用；${old.device.deviceId} 已注销\n`]);
    expect((await fresh.push([newCase(fresh, 'C-CLI-2', 2)])).result.answers[0]?.status).toBe('acknowledged');
    expect(await old.push([newCase(old, 'C-CLI-3', 3)]).catch((e: PlatformHttpError) => e.error?.code)).toBe('SYNC_DEVICE_REVOKED');
    const again = await cli(['confirm-replacement', '--device', fresh.device.deviceId, '--data', dir]);
    expect(again.code).toBe(1);
    await stop(running.child);
  }, 60_000);
  it('offers the suites given with --suites, keeps the choice for later commands, and refuses an unknown one', async () => {
    const dir = dataDir();
    const running = await serve(['--data', dir, '--quiet', '--suites', 'gm'], { env: { JIUZHU_PLATFORM_ADMIN_TOKEN: TOKEN } });
    children.push(running.child);
    expect(running.stdout()).toContain('suites        SM2-SM3-SM4GCM-v1\n');
    const info = JSON.parse((await request(`${running.url}/v1/platform`, { method: 'GET' })).body.toString()) as PlatformInfo;
    expect(info.suites).toEqual(['SM2-SM3-SM4GCM-v1']);
    expect(info.suiteKeys).toEqual([expect.objectContaining({ suite: 'SM2-SM3-SM4GCM-v1', fingerprint: info.fingerprint })]);
    expect(Buffer.from(info.signingKey, 'base64url')).toHaveLength(65);
    // `enroll` without --suites prints the slip of the kept choice: the 国密 keys' fingerprint.
    const slip = await cli(['enroll', '--region', '500115', '--json', '--data', dir]);
    const printed = JSON.parse(slip.stdout) as { code: string; fingerprint: string; suite: string };
    expect([printed.suite, printed.fingerprint]).toEqual(['SM2-SM3-SM4GCM-v1', info.fingerprint]);
    const client = await TestClient.enrol(running.url, { code: printed.code, fingerprint: printed.fingerprint });
    expect(client.device.platform.suite).toBe('SM2-SM3-SM4GCM-v1');
    expect((await client.push([newCase(client, 'C-GM-1', 1)])).result.answers[0]?.status).toBe('acknowledged');
    await stop(running.child);
    // A slip for a suite this deployment does not offer is refused; no code is made.
    const intlSlip = await cli(['enroll', '--region', '500115', '--suite', 'intl', '--data', dir]);
    expect([intlSlip.code, intlSlip.stdout.includes('enrolment-code')]).toEqual([1, false]);
    const bad = await cli(['serve', '--port', '0', '--data', dir, '--suites', 'sm9']);
    expect([bad.code, bad.stderr.includes('不认识的加密套件')]).toEqual([2, true]);
  }, 90_000);
});
