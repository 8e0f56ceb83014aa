import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { SyncScheduler } from './scheduler';
import { syncStatus } from './status';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HOUR = 3600_000;

/** Count the engine's requests by method and path (upload ids folded). */
function countRequests(f: EngineFixture): string[] {
  const seen: string[] = [];
  const http = f.engine.http;
  const original = http.request.bind(http);
  http.request = async (url, input) => {
    const answer = await original(url, input);
    seen.push(`${input.method} ${new URL(url).pathname.replace(/[A-Za-z0-9_-]{22}$/, 'ID')} ${answer.status}`);
    return answer;
  };
  return seen;
}

/**
 * A platform that wants an hour or a day before it takes more (its upload quota, a rate limit)
 * never holds a run for that long: a blob over the quota is deferred — kept queued, shown with the
 * platform's reason and its retry time — while the run pushes, uploads the rest and pulls; any
 * other long Retry-After ends the run, and the scheduler comes back after it. The engine used to
 * sleep out the Retry-After (24 h here) inside the run, pull included.
 */
describe('sync engine: long Retry-After never stalls a run', () => {
  it('a blob over the device’s upload quota is deferred; the run pushes, uploads the other blob and pulls; the scheduler sends it when its time comes', async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T02:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime(), guards: { uploadBytesPerDevicePerDay: 100_000 } });
    cleanups.push(p.cleanup);
    const f = engineFixture({ clock });
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-QUOTA');
    f.engine.state().saveSettings({ ...f.engine.state().settings(), windows: [] }); // only retries in this test
    const first = f.putBlob(60_000);
    const second = f.putBlob(60_000);
    f.enqueueCase('Q-1', 1, { blobs: [first] });
    f.enqueueCase('Q-2', 2, { blobs: [second] });
    await p.platform.admin.decide({ caseId: 'Q-9', stationId: 'ST-QUOTA', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
    const seen = countRequests(f);

    const startedAt = Date.now();
    const run = await f.engine.run('manual');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(run.outcome).toBe('partial');
    expect(run.summary).toMatchObject({ acknowledged: 2, blobsSent: 1, blobsDeferred: 1 });
    expect(run.summary.pulled).toBeGreaterThanOrEqual(1); // the decision, pulled in the same run
    expect(seen.filter((s) => s.startsWith('POST /v1/uploads '))).toEqual(['POST /v1/uploads 201', 'POST /v1/uploads 429']);
    expect((await p.platform.admin.blobs()).map((b) => b.sha256)).toEqual([first]);

    // The sync centre: one blob deferred, with the platform's zh-CN reason and its retry time (24 h after the first upload).
    const status = syncStatus(f.engine, clock);
    expect(status.blobs).toMatchObject({ queued: 1, deferred: 1, failed: 0 });
    expect(status.deferredBlobs).toHaveLength(1);
    const deferred = status.deferredBlobs[0]!;
    expect(deferred.sha256).toBe(second);
    expect(deferred.reason).toContain('上限');
    expect(Date.parse(deferred.retryAt) - clock.now().getTime()).toBeGreaterThan(23 * HOUR);
    expect(Date.parse(deferred.retryAt) - clock.now().getTime()).toBeLessThanOrEqual(24 * HOUR + 1000);

    // Before its time, neither a run nor the scheduler asks the platform again.
    seen.length = 0;
    expect((await f.engine.run('manual')).outcome).toBe('partial');
    expect(seen.filter((s) => s.includes('/v1/uploads') || s.includes('/v1/blobs'))).toEqual([]);
    const scheduler = new SyncScheduler(f.engine, clock, { isOpen: async () => true });
    clock.advanceMinutes(12 * 60);
    expect(await scheduler.tick()).toBeUndefined();

    // A day later the quota has room again: the scheduler's run sends it.
    clock.advanceMinutes(12 * 60 + 1);
    expect(await scheduler.tick()).toBe('retry');
    expect(f.engine.runs().recent(1)[0]).toMatchObject({ trigger: 'retry', outcome: 'ok' });
    expect((await p.platform.admin.blobs()).map((b) => b.sha256).sort()).toEqual([first, second].sort());
    expect(syncStatus(f.engine, clock)).toMatchObject({ blobs: { queued: 0, deferred: 0, stored: 2 }, deferredBlobs: [] });
  });

  it('a rate limit of an hour ends the run at once, the in-flight bundle kept; the scheduler waits the hour', async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T02:00:00Z'));
    const p = await tempPlatform({
      now: () => clock.now().getTime(),
      timing: { sessionTtlSeconds: 60 },
      guards: { sessionsPerDevice: { max: 1, windowSeconds: 3600 } },
    });
    cleanups.push(p.cleanup);
    const f = engineFixture({ clock });
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-RATE');
    f.engine.state().saveSettings({ ...f.engine.state().settings(), windows: [] });
    f.enqueueCase('L-1', 1);
    expect((await f.engine.run('manual')).outcome).toBe('ok'); // its one session of the hour
    clock.advanceMinutes(2); // the session expires; a new one is over the limit for ~58 minutes
    f.enqueueCase('L-2', 2);
    f.engine.state().set('retryAt', String(clock.now().getTime()));
    const scheduler = new SyncScheduler(f.engine, clock, { isOpen: async () => true, backoff: { baseMs: 1000, capMs: 2000 } });

    const startedAt = Date.now();
    expect(await scheduler.tick()).toBe('retry');
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const [run] = f.engine.runs().recent(1);
    expect(run).toMatchObject({ outcome: 'failed', errorCode: 'SYNC_RATE_LIMITED' });
    expect(run!.errorMessage).toContain('秒后再同步');
    expect(f.engine.state().inflight()?.recordIds).toHaveLength(1);
    // The scheduler comes back after the platform's Retry-After, not after its own 1–2 s backoff.
    const wait = Number(f.engine.state().get('retryAt')) - clock.now().getTime();
    expect(wait).toBeGreaterThan(55 * 60_000);
    expect(wait).toBeLessThanOrEqual(58 * 60_000 + 1000);
    clock.advanceMinutes(59);
    expect(await scheduler.tick()).toBe('retry');
    expect(f.engine.runs().recent(1)[0]?.outcome).toBe('ok');
    expect((await p.platform.admin.records()).map((r) => r.caseId).sort()).toEqual(['L-1', 'L-2']);
  });
});
