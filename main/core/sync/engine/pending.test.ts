import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { request } from '../../../../city-platform/testClient/http';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { PENDING_POLL_MS, SyncScheduler } from './scheduler';
import { syncStatus } from './status';
import { engineFixture, registerWith } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A workstation that lost its disk is enrolled again on the same machine for its station. The
 * platform holds the new device pending (403 SYNC_DEVICE_PENDING) until its admin confirms the
 * replacement. The engine stops cleanly — a run outcome `pending` and the registration `pending`,
 * not a failure that backs off and gives up — asks again every few minutes, and syncs by itself
 * once the admin has confirmed.
 */
describe('sync engine: a re-enrolled machine waits for the platform admin, then resumes by itself', () => {
  it('pending → the admin confirms through the admin API → the scheduler’s next poll syncs; the old device is revoked', async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T02:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const machineId = 'machine-of-counter-2';
    const old = engineFixture({ clock, machineId });
    cleanups.push(old.cleanup);
    await registerWith(old, p.platform, 'ST-PEND');
    old.enqueueCase('P-1', 1);
    expect((await old.engine.run('manual')).outcome).toBe('ok');

    // The disk is lost: a new data folder on the same machine, enrolled again for the station.
    const fresh = engineFixture({ clock, machineId });
    cleanups.push(fresh.cleanup);
    const registration = await registerWith(fresh, p.platform, 'ST-PEND');
    fresh.engine.state().saveSettings({ ...fresh.engine.state().settings(), windows: [] });
    fresh.enqueueCase('P-2', 2);
    const refused = await fresh.engine.run('manual');
    expect(refused).toMatchObject({ outcome: 'pending', error: { code: 'SYNC_DEVICE_PENDING' } });
    expect(refused.error!.message).toContain('市级平台管理员确认');
    const waiting = syncStatus(fresh.engine, clock);
    expect(waiting.registration?.status).toBe('pending');
    expect(waiting.runs[0]).toMatchObject({ outcome: 'pending', errorCode: 'SYNC_DEVICE_PENDING' });
    expect(waiting.outbox.queued + waiting.outbox.inFlight).toBe(1); // kept, nothing lost
    expect(await p.platform.admin.getCase('P-2')).toBeUndefined();

    // Not confirmed yet: the scheduler asks again every PENDING_POLL_MS, without backing off.
    const scheduler = new SyncScheduler(fresh.engine, clock, { isOpen: async () => true });
    expect(await scheduler.tick()).toBeUndefined();
    clock.advanceMinutes(PENDING_POLL_MS / 60_000);
    expect(await scheduler.tick()).toBe('retry');
    expect(fresh.engine.runs().recent(1)[0]?.outcome).toBe('pending');
    expect(fresh.engine.state().get('failures')).toBeUndefined();

    // The platform admin confirms the replacement (admin HTTP API, admin token).
    const listed = JSON.parse(
      (
        await request(`${p.platform.url}/admin/devices/pending`, {
          method: 'GET',
          headers: { Authorization: `Bearer ${p.platform.adminToken}` },
        })
      ).body.toString(),
    ) as Array<{
      deviceId: string;
    }>;
    expect(listed.map((d) => d.deviceId)).toContain(registration.deviceId);
    const confirmed = await request(`${p.platform.url}/admin/devices/${registration.deviceId}/confirm-replacement`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${p.platform.adminToken}` },
    });
    expect(confirmed.status).toBe(200);

    // No one clicks anything: the next poll syncs.
    clock.advanceMinutes(PENDING_POLL_MS / 60_000);
    expect(await scheduler.tick()).toBe('retry');
    expect(fresh.engine.runs().recent(1)[0]).toMatchObject({ trigger: 'retry', outcome: 'ok' });
    expect(syncStatus(fresh.engine, clock).registration?.status).toBe('active');
    expect((await p.platform.admin.getCase('P-2'))?.version).toBe(1);
    // Once confirmed, it is polled no more; the replaced device is revoked.
    clock.advanceMinutes(PENDING_POLL_MS / 60_000);
    expect(await scheduler.tick()).toBeUndefined();
    expect((await old.engine.run('manual')).error?.code).toBe('SYNC_DEVICE_REVOKED');
  });
});
