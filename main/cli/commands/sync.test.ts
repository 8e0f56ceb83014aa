import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../city-platform/testClient/fixtures';
import type { RunningPlatform } from '../../../city-platform/platform';
import { createFixedCore } from '../../core/index';
import { runCli } from '../run';

const PASSWORD = 'Qiaotou#2026';
let dataDir: string;
let platform: RunningPlatform;
let stop: () => Promise<void>;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dataDir, ...argv], {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    makeCore: (dir) => createFixedCore({ dataDir: dir }),
    readPassword: async () => PASSWORD,
  });
  return { code, out, err };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-sync-'));
  ({ platform, cleanup: stop } = await tempPlatform());
  process.env['JIUZHU_PASSWORD'] = PASSWORD;
  expect((await cli('init', '--station-name', '桥头镇社会救助工作站', '--region', '500110', '--admin', 'admin')).code).toBe(0);
});
afterAll(async () => {
  delete process.env['JIUZHU_PASSWORD'];
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('jiuzhu-admin sync', () => {
  it('status before registration; sync now refuses with a message', async () => {
    const status = await cli('--json', '--user', 'admin', 'sync', 'status');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ registered: false, outbox: { queued: 0 } });
    const now = await cli('--user', 'admin', 'sync', 'now');
    expect(now.code).toBe(1);
    expect(now.err).toContain('尚未在市级平台登记');
  });

  it('register with a code and the slip fingerprint; a missing or wrong fingerprint is refused', async () => {
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-CLI', regionCode: '500110' });
    // Without the fingerprint there is no trust on first use: the CLI and core both refuse, and the code stays unused.
    const bare = await cli('--user', 'admin', 'sync', 'register', '--platform', platform.url, '--code', slip.code);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('--fingerprint');
    const core = createFixedCore({ dataDir });
    const admin = { via: 'cli' as const, windowId: 'cli' };
    try {
      expect(await core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin)).toMatchObject({ ok: true });
      for (const input of [
        { platformUrl: platform.url, code: slip.code },
        { platformUrl: platform.url, code: slip.code, fingerprint: '   ' },
      ]) {
        const refused = await core.invoke('sync.register', input, admin);
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { path: 'fingerprint' } } });
      }
      expect(await core.invoke('sync.status', {}, admin)).toMatchObject({ ok: true, result: { registered: false } });
    } finally {
      await core.close();
    }
    const wrong = await cli(
      '--user',
      'admin',
      'sync',
      'register',
      '--platform',
      platform.url,
      '--code',
      slip.code,
      '--fingerprint',
      '0000-0000-0000-0000-0000-0000-0000-0000',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('假冒');
    // The platform's own fingerprint is never printed: the clerk checks the slip, not what the other end says.
    expect(wrong.out + wrong.err).not.toContain(slip.fingerprint);
    const ok = await cli(
      '--json',
      '--user',
      'admin',
      'sync',
      'register',
      '--platform',
      platform.url,
      '--code',
      slip.code,
      '--fingerprint',
      slip.fingerprint,
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      stationId: 'ST-CLI',
      fingerprint: slip.fingerprint,
      deviceId: expect.stringMatching(/^dev_/),
    });
  });

  it('sync now runs one cycle and prints the summary; status shows the last success', async () => {
    await platform.admin.decide({ caseId: 'K-1', stationId: 'ST-CLI', outcome: 'refused', reasons: ['家庭收入超过标准'] });
    const now = await cli('--json', '--user', 'admin', 'sync', 'now');
    expect(now.code).toBe(0);
    expect(JSON.parse(now.out)).toMatchObject({ outcome: 'ok', pushed: 0, acknowledged: 0, rejected: 0, blobsSent: 0, pulled: 1 });
    const human = await cli('--user', 'admin', 'sync', 'now');
    expect(human.out).toContain('结果：成功');
    expect(human.out).toContain('下载条目：0');
    const status = JSON.parse((await cli('--json', '--user', 'admin', 'sync', 'status')).out) as {
      lastSuccessAt: string | null;
      runs: unknown[];
      stale: boolean;
    };
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.runs).toHaveLength(2);
    expect(status.stale).toBe(false);
  });
});
