import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { SyncScheduler } from './scheduler';
import { engineFixture, registerWith } from './testing/engineFixture';
import { latestWindow, nextWindow } from './windows';

const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi);

describe('windows', () => {
  it('finds the latest and the next window in local time, across midnight', () => {
    const w = ['12:00', '17:30'];
    expect(latestWindow(local(2026, 12, 1, 13, 0), w)).toEqual(local(2026, 12, 1, 12, 0));
    expect(latestWindow(local(2026, 12, 1, 9, 0), w)).toEqual(local(2026, 11, 30, 17, 30));
    expect(nextWindow(local(2026, 12, 1, 17, 30), w)).toEqual(local(2026, 12, 2, 12, 0));
    expect(nextWindow(local(2026, 12, 1, 9, 0), [])).toBeUndefined();
  });
});

describe('scheduler', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('runs a window after its jitter, once; a window missed while logged out runs at the next check after login', async () => {
    const clock = new FakeClock(local(2026, 12, 1, 11, 0).getTime());
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    const f = engineFixture({ clock });
    cleanups.push(f.cleanup);
    await registerWith(f, p.platform, 'ST-SCHED');
    f.engine.state().set('lastWindowAt', String(clock.now().getTime()));
    let open = true;
    const scheduler = new SyncScheduler(f.engine, clock, { random: () => 0.5, isOpen: async () => open });
    expect(await scheduler.tick()).toBeUndefined();
    clock.advanceMinutes(60); // 12:00, jitter 5 min (0.5 × 10)
    expect(await scheduler.tick()).toBeUndefined();
    clock.advanceMinutes(5);
    expect(await scheduler.tick()).toBe('window');
    expect(await scheduler.tick()).toBeUndefined(); // once per window
    open = false; // everyone logs out before 17:30
    clock.advanceMinutes(6 * 60);
    expect(await scheduler.tick()).toBeUndefined();
    open = true; // 18:05: the 17:30 window runs at the first check after login
    expect(await scheduler.tick()).toBe('window');
    expect(
      f.engine
        .runs()
        .recent(5)
        .map((r) => [r.trigger, r.outcome]),
    ).toEqual([
      ['window', 'ok'],
      ['window', 'ok'],
    ]);
  });
});
