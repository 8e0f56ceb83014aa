import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../../city-platform/platform';
import { tempDir } from '../../kernel/store/testing/fixtures';
import { engineFixture, type EngineFixture } from './testing/engineFixture';

const GM = 'SM2-SM3-SM4GCM-v1' as const;
const INTL = 'X25519-ED25519-AES256GCM-v1' as const;

/**
 * The deployment chooses the suite: the platform offers its suites, the enrolment slip carries
 * the fingerprint of one suite's keys, and the workstation enrols with that suite and pins it. A
 * platform that later offers only the other suite does not talk the station down to it.
 */
describe('crypto suite per deployment (real engine, real platform)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function platformOn(dataDir: string, suites: Array<typeof GM | typeof INTL>, port?: number): Promise<RunningPlatform> {
    const platform = await startPlatform({ dataDir, suites, ...(port ? { port } : {}) });
    cleanups.push(() => platform.stop());
    return platform;
  }

  async function station(platform: RunningPlatform, stationId: string, suite?: typeof GM | typeof INTL): Promise<EngineFixture> {
    const f = engineFixture();
    cleanups.push(() => f.cleanup());
    const slip = await platform.admin.createEnrolmentCode({ stationId, regionCode: '500110', ...(suite ? { suite } : {}) });
    await f.engine.register({
      platformUrl: platform.url,
      code: slip.code,
      fingerprint: slip.fingerprint,
      deviceName: '一号窗口',
      appVersion: '0.1.0-test',
      machineId: f.t.station.machineId,
    });
    return f;
  }

  it('enrols each station in the suite of its slip, pins it, and syncs cases and blobs in it', async () => {
    const { dir, cleanup } = tempDir('jiuzhu-suites-');
    cleanups.push(cleanup);
    const platform = await platformOn(dir, [GM, INTL]);
    expect(platform.info().suites).toEqual([GM, INTL]);
    const gm = await station(platform, 'ST-GM');
    const intl = await station(platform, 'ST-INTL', INTL);
    expect(gm.engine.state().registration()?.suite).toBe(GM);
    expect(intl.engine.state().registration()?.suite).toBe(INTL);
    expect(gm.db().prepare('SELECT suite FROM sync_registration').get()).toEqual({ suite: GM });
    expect(Buffer.from(gm.engine.state().registration()!.platformSigningKey, 'base64url')).toHaveLength(65);

    const blob = gm.putBlob(40_000);
    gm.enqueueCase('C-GM-1', 11, { blobs: [blob] });
    intl.enqueueCase('C-INTL-1', 12);
    expect((await gm.engine.run('test')).outcome).toBe('ok');
    expect((await intl.engine.run('test')).outcome).toBe('ok');
    const held = await platform.admin.records();
    expect(held.map((r) => r.caseId).sort()).toEqual(['C-GM-1', 'C-INTL-1']);
    expect((await platform.admin.blobs()).map((b) => b.sha256)).toEqual([blob]);
  }, 120_000);

  it('a platform that later offers only the other suite is refused with a typed error; the station keeps its suite and its queue', async () => {
    const { dir, cleanup } = tempDir('jiuzhu-suites-');
    cleanups.push(cleanup);
    let platform = await platformOn(dir, [GM]);
    const gm = await station(platform, 'ST-GM');
    gm.enqueueCase('C-GM-2', 21);
    expect((await gm.engine.run('test')).outcome).toBe('ok');

    const port = platform.port;
    await platform.stop();
    platform = await platformOn(dir, [INTL], port);
    expect(platform.info().suites).toEqual([INTL]);
    gm.enqueueCase('C-GM-3', 22);
    const run = await gm.engine.run('test');
    expect(run.outcome).toBe('failed');
    expect(run.error?.code).toBe('SYNC_SUITE_NOT_OFFERED');
    expect(gm.engine.state().registration()?.suite).toBe(GM);
    // Still the station's to send (queued, or sealed in flight in its own suite), never acknowledged.
    const row = gm.db().prepare("SELECT state FROM outbox WHERE case_id = 'C-GM-3'").get() as { state: string };
    expect(['queued', 'sent']).toContain(row.state);
    const inflight = gm.engine.state().inflight();
    if (inflight) expect(inflight.bytes.subarray(8, 8 + inflight.bytes.readUInt32BE(4)).toString()).toContain(`"suite":"${GM}"`);
    expect((await platform.admin.records()).map((r) => r.caseId)).toEqual(['C-GM-2']);
  }, 120_000);
});
