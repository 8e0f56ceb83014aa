import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { openStore } from '../../../../city-platform/store/open';
import { describeStores } from '../../../../city-platform/testing/stores';
import type { FakeClock } from '../../kernel/store/testing/fixtures';
import { syncThroughCuts, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { threePersonDibao } from '../testing/household';
import { registerPolicyPullHandler } from './pullHandler';

const STATION = 'ST-POLICY';
const DAY = 86_400_000;
const BY = '綦江区民政局';

/**
 * The county's single parameters (`policy` items) from the reference platform through the real engine
 * into a real encrypted station: kept with their day, publisher and times, and from their effective day
 * the value every reader of the settings gets (the deadlines, the 核对 hint's limits, 临时救助) instead
 * of the one entered locally; an unknown key or a bad value kept, listed and never applied.
 */
describeStores('county parameters published by the platform (policy → pull → in force from their day)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: CaseService;
  let clock: FakeClock;

  beforeEach(async () => {
    // Monday 21 December 2026, 09:00 in China.
    ps = await platformStation(store, { at: '2026-12-21T01:00:00Z' });
    ({ platform, f, cases: svc, clock } = ps);
    ps.handlers(registerPolicyPullHandler(f.engine.pullHandlers, () => svc));
    await ps.register(STATION);
    // The admin's local limit: 10 working days from submission to 受理.
    svc.setSettings('admin', {
      ...svc.county.localSettings(),
      limits: { ...svc.county.localSettings().limits, acceptanceWorkingDays: 10 },
    });
  });
  afterEach(() => ps.close());

  const pull = async () => expect((await f.engine.run('manual')).outcome).toBe('ok');
  const submitted = () => {
    const saved = svc.saveDraft(f.t.adminId, { application: threePersonDibao() });
    const row = svc.submit(f.t.adminId, saved.caseId, saved.rev);
    const d = svc.repo.deadlines(row.id).find((x) => x.kind === 'acceptance');
    return d && { from: d.from_date, days: d.working_days, due: d.due_date };
  };

  it('a deadline is counted with the local limit before the county’s effective day and with the county’s from it; history and audit kept', async () => {
    await platform.admin.setPolicy({ key: 'limits.acceptanceWorkingDays', value: 5, effectiveFrom: '2026-12-28', publishedBy: BY });
    await pull();

    // Before its day: the local 10 (21 Dec + 10 working days; 2027 not yet published, so Monday–Friday there).
    expect(svc.settings().limits.acceptanceWorkingDays).toBe(10);
    expect(submitted()).toEqual({ from: '2026-12-21', days: 10, due: '2027-01-04' });
    expect(svc.county.policyInfo().versions).toEqual([
      {
        key: 'limits.acceptanceWorkingDays',
        value: 5,
        effectiveFrom: '2026-12-28',
        publishedBy: BY,
        publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        receivedAt: '2026-12-21T01:00:00.000Z',
        status: 'pending',
      },
    ]);

    // From its day: the county's 5 (28 Dec + 5 working days), whatever the local setting says.
    clock.advance(7 * DAY);
    expect(svc.settings().limits.acceptanceWorkingDays).toBe(5);
    expect(svc.county.localSettings().limits.acceptanceWorkingDays).toBe(10);
    expect(submitted()).toEqual({ from: '2026-12-28', days: 5, due: '2027-01-04' });
    expect(svc.county.policyInfo().versions.map((v) => v.status)).toEqual(['inForce']);
    // The day the count starts decides, not the day it is computed: a step taken on 24 December counts 10.
    expect(svc.county.settings('2026-12-24').limits.acceptanceWorkingDays).toBe(10);

    const audit = f.db().prepare("SELECT target_id, details FROM audit_log WHERE action = 'policy.received'").all() as Array<{
      target_id: string;
      details: string;
    }>;
    expect(audit.map((a) => [a.target_id, JSON.parse(a.details) as Record<string, unknown>])).toEqual([
      ['limits.acceptanceWorkingDays', expect.objectContaining({ effectiveFrom: '2026-12-28', applied: true })],
    ]);
  });

  it('every key reaches its reader; a later value replaces from its own day; a pending one overtaken never applies; exactly once through cuts', async () => {
    const set = (key: string, value: unknown, effectiveFrom: string) =>
      platform.admin.setPolicy({ key, value, effectiveFrom, publishedBy: BY });
    await set('decisionDelegated', true, '2026-12-01');
    await set('limits.delegatedDecisionWorkingDays', 15, '2026-12-01');
    await set('limits.countyDecisionWorkingDays', 8, '2026-12-01');
    await set('limits.reopinionWorkingDays', 12, '2026-12-01');
    await set('assetLimits.depositMonths', 24, '2026-12-01');
    await set('assetLimits.vehicleValueFen', 5_000_000, '2026-12-01');
    await set('assetLimits.realEstateCount', 1, '2026-12-01');
    await set('relief.advanceLimitYuan', 2000, '2026-12-01');
    await set('relief.advancePapersWorkingDays', 7, '2026-12-01');
    await set('relief.advanceLimitYuan', 3000, '2027-01-04');
    await set('relief.advancePapersWorkingDays', 9, '2027-02-01');
    await set('relief.advancePapersWorkingDays', 6, '2027-01-11');
    await syncThroughCuts(f, platform, 9_16);
    await pull();

    const s = svc.settings();
    expect(s.decisionDelegated).toBe(true);
    expect(s.limits).toEqual({
      acceptanceWorkingDays: 10,
      delegatedDecisionWorkingDays: 15,
      countyDecisionWorkingDays: 8,
      reopinionWorkingDays: 12,
    });
    expect(s.assetLimits).toEqual({ depositMonths: 24, vehicleValueFen: 5_000_000, realEstateCount: 1 });
    expect(s.relief).toMatchObject({ advanceLimitYuan: 2000, advancePapersWorkingDays: 7 });
    // Local settings untouched: the admin's form shows its own values beside the county's.
    expect(svc.county.localSettings()).toMatchObject({ decisionDelegated: false, relief: { advanceLimitYuan: 1000 } });

    clock.advance(14 * DAY); // 4 January 2027
    expect(svc.settings().relief).toMatchObject({ advanceLimitYuan: 3000, advancePapersWorkingDays: 7 });
    clock.advance(7 * DAY); // 11 January: the value published last (6, from 11 January) overtook the earlier-published 9 of 1 February
    expect(svc.settings().relief.advancePapersWorkingDays).toBe(6);
    clock.advance(28 * DAY); // 8 February
    expect(svc.settings().relief.advancePapersWorkingDays).toBe(6);
    const papers = svc.county.policyInfo().versions.filter((v) => v.key === 'relief.advancePapersWorkingDays');
    expect(papers.map((v) => [v.value, v.status])).toEqual([
      [6, 'inForce'],
      [9, 'superseded'],
      [7, 'superseded'],
    ]);
    // Each publication kept once, whatever the cuts repeated.
    expect(f.db().prepare('SELECT count(*) FROM county_policy').pluck().get()).toBe(12);
    expect(f.db().prepare("SELECT count(*) FROM audit_log WHERE action = 'policy.received'").pluck().get()).toBe(12);
  });

  it('an unknown key is kept not applied with the reason; a bad value is refused naming the field; neither applies, the pull goes on', async () => {
    // What a newer platform, or a broken one, may put in the feed: the reference platform's own command refuses both.
    const feed = await openStore({ dataDir: ps.dataDir, pgUrl: ps.pgUrl });
    try {
      const at = Date.parse('2026-12-20T02:00:00Z');
      const item = (body: Record<string, unknown>) => feed.appendFeed({ kind: 'policy', stationId: null, regionCode: null, body, at });
      await item({ key: 'limits.hearingWorkingDays', value: 5, effectiveFrom: '2026-12-01', publishedBy: BY });
      await item({ key: 'limits.countyDecisionWorkingDays', value: 60, effectiveFrom: '2026-12-01' });
      await item({ key: 'decisionDelegated', value: 'yes', effectiveFrom: '2026-12-01' });
      await item({ key: 'relief.advanceLimitYuan', value: 1500, effectiveFrom: '2026-02-30' });
    } finally {
      await feed.close();
    }
    await expect(platform.admin.setPolicy({ key: 'limits.hearingWorkingDays', value: 5 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { path: 'key' },
    });
    await expect(platform.admin.setPolicy({ key: 'limits.countyDecisionWorkingDays', value: 60 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { path: 'value' },
    });
    await platform.admin.setPolicy({ key: 'limits.countyDecisionWorkingDays', value: 7, effectiveFrom: '2026-12-01' });
    await pull();

    const refused = ps.logs.filter((l) => l.event === 'sync.pull.item_refused').map((l) => [l.fields['code'], l.fields['path']]);
    expect(refused).toEqual([
      ['SYNC_PULL_ITEM_INVALID', 'value'],
      ['SYNC_PULL_ITEM_INVALID', 'value'],
      ['SYNC_PULL_ITEM_INVALID', 'effectiveFrom'],
    ]);
    const s = svc.settings();
    expect(s.limits.countyDecisionWorkingDays).toBe(7);
    expect(s.decisionDelegated).toBe(false);
    expect(s.relief.advanceLimitYuan).toBe(1000);
    const info = svc.county.policyInfo();
    expect(info.versions.map((v) => [v.key, v.value, v.status])).toEqual([['limits.countyDecisionWorkingDays', 7, 'inForce']]);
    expect(info.notApplied.map((n) => [n.key, n.valueText])).toEqual([
      ['relief.advanceLimitYuan', '1500'],
      ['decisionDelegated', '"yes"'],
      ['limits.countyDecisionWorkingDays', '60'],
      ['limits.hearingWorkingDays', '5'],
    ]);
    expect(info.notApplied.at(-1)).toMatchObject({ publishedBy: BY, effectiveFrom: '2026-12-01' });
    expect(info.notApplied.at(-1)!.reason).toContain('本版本程序不认识这个参数，未采用');
    expect(info.notApplied[2]!.reason).toContain('参数值不正确（应为 1 至 45 的整数），未采用');
    expect(info.notApplied[1]!.reason).toContain('参数值不正确（应为是或否），未采用');
    expect(info.notApplied[0]!.reason).toContain('执行日期不正确（日期不存在），未采用');
  });
});
