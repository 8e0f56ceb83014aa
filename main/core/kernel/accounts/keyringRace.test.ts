import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, machineSecretOf, MACHINE_A, makeStation, tempDir, type TestStation } from '../store/testing/fixtures';

const run = promisify(execFile);
const tsx = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
const script = join(import.meta.dirname, 'testing', 'hammerLogins.ts');

/**
 * Finding 6, the attacker's steps: the CLI and the running app are two processes on one keyring.
 * Failed logins split between them must all count toward one lockout, and no queued auth event may
 * be lost. Two real processes (tsx), started together, each trying wrong passwords.
 */
describe('two processes on one keyring', () => {
  let t: TestStation;
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir());
    t = makeStation(join(root, 'station'));
  });
  afterEach(() => {
    t.auth.close();
    cleanup();
  });

  async function hammer(attempts: number, maxFailedLogins: number): Promise<Array<Record<string, number>>> {
    const env = { ...process.env, JIUZHU_TEST_MACHINE_SECRET: machineSecretOf(MACHINE_A).toString('hex') };
    const children = ['app', 'cli'].map((name) =>
      run(process.execPath, [tsx, script, t.dataDir, 'admin', String(attempts), String(maxFailedLogins), name], { env, timeout: 60_000 }),
    );
    const deadline = Date.now() + 30_000;
    while (!(existsSync(join(root, 'ready-app')) && existsSync(join(root, 'ready-cli')))) {
      if (Date.now() > deadline) throw new Error('the processes did not start');
      await new Promise((r) => setTimeout(r, 20));
    }
    writeFileSync(join(root, 'go'), '');
    return (await Promise.all(children)).map((c) => JSON.parse(c.stdout) as Record<string, number>);
  }

  it('failed logins from both processes lock the account after the configured number in total', async () => {
    const answers = await hammer(12, 5);
    const wrong = answers.reduce((n, a) => n + (a.STORE_WRONG_PASSWORD ?? 0), 0);
    const locked = answers.reduce((n, a) => n + (a.AUTH_ACCOUNT_LOCKED ?? 0), 0);
    expect(wrong).toBe(5);
    expect(locked).toBe(24 - 5);
    const keyring = JSON.parse(readFileSync(t.station.paths.keyring, 'utf8')) as {
      guard: Record<string, { failures: number; lockedUntil: string | null }>;
    };
    expect(keyring.guard.admin?.failures).toBe(5);
    expect(keyring.guard.admin?.lockedUntil).not.toBeNull();
    expect(readdirLocks(t.dataDir)).toEqual([]);
  });

  it('no queued auth event is lost: every failure of both processes reaches the audit log', async () => {
    const answers = await hammer(25, 1000);
    expect(answers.map((a) => a.STORE_WRONG_PASSWORD)).toEqual([25, 25]);
    t.auth.login('admin', ADMIN.password);
    const failed = t.auth.audit().query({ action: 'auth.login_failed', limit: 500 });
    expect(failed).toHaveLength(50);
    expect(failed.every((r) => (r.details as { queued?: boolean }).queued === true)).toBe(true);
  });
});

function readdirLocks(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ['jiuzhu.lock', 'jiuzhu.lock.break'].filter((f) => existsSync(join(dir, f)));
}
