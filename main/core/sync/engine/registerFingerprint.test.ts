import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { createCore } from '../../core';
import { tempDir } from '../../kernel/store/testing/fixtures';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const PASSWORD = 'Qiaotou#2026';
const ctx = { via: 'cli' as const, windowId: 'cli' };

describe('enrolment with a wrong platform fingerprint', () => {
  it('is refused without ever saying the platform’s fingerprint: not in the message, the details or the logs', async () => {
    const dir = tempDir('jiuzhu-sync-fp-');
    cleanups.push(dir.cleanup);
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    const logged: string[] = [];
    const core = createCore({
      shell: 'cli',
      dataDir: dir.dir,
      version: '0.0.0-test',
      logger: { log: (level, event, fields) => logged.push(JSON.stringify({ level, event, fields })) },
      deviceId: async () => 'c'.repeat(64),
    });
    cleanups.push(() => core.close());
    expect(
      await core.invoke(
        'setup.init',
        {
          stationName: '桥头镇社会救助工作站',
          regionCode: '500110',
          admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
        },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    expect(await core.invoke('session.login', { username: 'admin', password: PASSWORD }, ctx)).toMatchObject({ ok: true });

    // Whoever answers at the address the clerk typed (here the real platform) publishes its fingerprint;
    // echoing it back would let an impostor hand the clerk the value to "find" on the slip.
    const slip = await p.platform.admin.createEnrolmentCode({ stationId: 'ST-FP', regionCode: '500110' });
    const real = slip.fingerprint;
    const typed = real.replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')); // one character off, as a misread slip would be
    const refused = await core.invoke('sync.register', { platformUrl: p.platform.url, code: slip.code, fingerprint: typed }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SYNC_PLATFORM_KEY_MISMATCH' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('请逐字核对登记单上印的平台指纹');
    expect(refused.error.message).toContain('可能连到了假冒的平台');
    const said = [JSON.stringify(refused), ...logged].join('\n');
    const groups = real.split('-');
    expect(groups.length).toBeGreaterThan(2);
    expect(said).not.toContain(real);
    expect(said).not.toContain(real.replace(/-/g, ''));
    // Not even its beginning (where it differs from what the clerk typed).
    expect(said).not.toContain(`${groups[0]}-${groups[1]}`);

    // The code is still good: with the fingerprint as printed, the same code enrols the workstation.
    const ok = await core.invoke('sync.register', { platformUrl: p.platform.url, code: slip.code, fingerprint: real }, ctx);
    expect(ok).toMatchObject({ ok: true, result: { stationId: 'ST-FP', fingerprint: real } });
  });
});
