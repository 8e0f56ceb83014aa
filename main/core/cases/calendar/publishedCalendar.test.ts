import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { describeStores } from '../../../../city-platform/testing/stores';
import { syncThroughCuts, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { registerCalendarPullHandler } from './pullHandler';
import { PublishedCalendarRepo } from './publishedCalendarRepo';

const STATION = 'ST-CALENDAR';
/** The 2027 arrangement as the platform would publish it (元旦 1 January off; 2 January, a Saturday, worked, as a made-up 调休). */
const CALENDAR_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  years: [2027],
  holidays: ['2027-01-01'],
  workdays: ['2027-01-02'],
};

/**
 * The working-day calendar the platform publishes (a `reference` item of table `working-days`) is
 * used: the shipped calendar stops at 2026, so a deadline running into 2027 was counted Monday–Friday
 * and marked provisional; after the pull it counts 2027's holidays and 调休 and is no longer provisional.
 */
describeStores('working-day calendar published by the platform (reference working-days → pull → deadlines)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: CaseService;

  beforeEach(async () => {
    ps = await platformStation(store, { at: '2026-12-21T01:00:00Z' });
    ({ platform, f, cases: svc } = ps);
    ps.handlers(registerCalendarPullHandler(f.engine.pullHandlers, () => svc));
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  const publish = (version: number, data: unknown) => platform.admin.publishReference({ table: 'working-days', version, data });
  const held = () => new PublishedCalendarRepo(f.db()).get();

  it('a deadline into 2027 counts the published holidays and 调休 and is no longer provisional; the audit names the version', async () => {
    // Before: 2027 unknown, counted Monday–Friday (1 January a working day, 2 January a Saturday off).
    expect(svc.counter().covers('2027-01-04')).toBe(false);
    expect(svc.counter().isWorkingDay('2027-01-01')).toBe(true);
    const before = svc.counter().addWorkingDays('2026-12-28', 4);

    await publish(1, CALENDAR_2027);
    expect((await f.engine.run('manual')).outcome).toBe('ok');

    expect(held()).toMatchObject({ version: 1, calendar: { years: [2027], holidays: ['2027-01-01'], workdays: ['2027-01-02'] } });
    const c = svc.counter();
    expect(c.covers('2027-01-04')).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.isWorkingDay('2027-01-02')).toBe(true);
    // The shipped 2026 arrangement is kept (1 October off).
    expect(c.isWorkingDay('2026-10-01')).toBe(false);
    // From Monday 28 December: the 29th, 30th, 31st, then 1 January off and Saturday 2 January worked.
    expect(before).toBe('2027-01-01');
    expect(c.addWorkingDays('2026-12-28', 4)).toBe('2027-01-02');
    const audit = f.db().prepare("SELECT details FROM audit_log WHERE action = 'calendar.received'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as Record<string, unknown>)).toEqual([expect.objectContaining({ version: 1, years: '2027' })]);
  });

  it('an older version delivered again changes nothing; a newer one replaces it; through cuts, exactly once', async () => {
    await publish(2, CALENDAR_2027);
    await publish(1, { years: [2027], holidays: [], workdays: [] });
    await syncThroughCuts(f, platform, 21_5);
    expect(held()).toMatchObject({ version: 2, calendar: { holidays: ['2027-01-01'] } });
    await publish(3, { ...CALENDAR_2027, holidays: ['2027-01-01', '2027-02-05'] });
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(held()).toMatchObject({ version: 3, calendar: { holidays: ['2027-01-01', '2027-02-05'] } });
    expect(svc.counter().isWorkingDay('2027-02-05')).toBe(false);
  });

  it('a calendar that does not read is refused naming the field and kept; other reference tables stay kept for later', async () => {
    await publish(1, { years: [2027], holidays: ['2027-1-1'], workdays: [] });
    await platform.admin.publishReference({ table: 'regions', version: 1, data: { '500110': '綦江区' } });
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(held()).toBeNull();
    const kept = f.db().prepare("SELECT item_key FROM pulled_item WHERE kind = 'reference' ORDER BY item_key").pluck().all();
    expect(kept).toEqual(['regions', 'working-days']);
    expect(svc.counter().covers('2027-01-04')).toBe(false);
  });
});
