import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { describeStores } from '../../../../city-platform/testing/stores';
import { findStandard } from '../../../../common/cases/settings';
import { reviewStandard } from '../../afterAcceptance/reviewView';
import { idleView } from '../../applicant/idleView';
import { standardsWithPublished } from '../countyReference';
import type { FakeClock } from '../../kernel/store/testing/fixtures';
import { syncThroughCuts, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { loadCaseResources } from '../resources';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { applyReferenceItem } from './applyReference';
import { registerReferencePullHandlers } from './pullHandler';

const STATION = 'ST-REFERENCE';
const DAY = 86_400_000;
/** The county's table: 2026's standards, and the urban one raised from 1 January 2027. */
const STANDARDS = {
  standards: [
    { regionPrefix: '5001', residence: 'urban', monthlyFen: 80_000, effectiveFrom: '2026-01-01' },
    { regionPrefix: '5001', residence: 'rural', monthlyFen: 64_000, effectiveFrom: '2026-01-01' },
    { regionPrefix: '5001', residence: 'urban', monthlyFen: 86_000, effectiveFrom: '2027-01-01' },
  ],
};
const DIBAO_2027 = [
  { code: 'application_form', label: '最低生活保障申请书', required: true },
  { code: 'hukou', label: '户口簿', required: true },
  { code: 'income_proof', label: '近六个月收入证明', required: true },
];

/**
 * The county's reference data the platform publishes (tables standards, materials, policy-texts) is
 * kept by version with who published it and when, and used from its effective day: the standard every
 * findStandard caller computes with, the materials checklist, the applicant screen's policy texts.
 */
describeStores('county reference data published by the platform (standards, materials, policy texts → pull → in force)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: CaseService;
  let clock: FakeClock;

  beforeEach(async () => {
    ps = await platformStation(store, { at: '2026-12-21T01:00:00Z' });
    ({ platform, f, cases: svc, clock } = ps);
    ps.handlers(registerReferencePullHandlers(f.engine.pullHandlers, () => svc));
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  const publish = (table: string, version: number, data: unknown, publishedBy?: string) =>
    platform.admin.publishReference({ table, version, data, ...(publishedBy ? { publishedBy } : {}) });
  const pull = async () => expect((await f.engine.run('manual')).outcome).toBe('ok');
  const standardOn = (day: string, residence: 'urban' | 'rural' = 'urban') =>
    findStandard(svc.standards(), svc.station.regionCode, day, residence);
  const setLocalStandard = (monthlyFen: number) =>
    svc.setSettings('admin', { ...svc.settings(), standards: [{ regionPrefix: '500101', year: 2026, residence: 'urban', monthlyFen }] });

  it('standards: none before (未设置); the published one wins over a local one; the raise applies from its day; publisher and version kept', async () => {
    expect(standardOn('2026-12-21')).toBeNull();
    setLocalStandard(70_000);
    expect(standardOn('2026-12-21')).toMatchObject({ monthlyFen: 70_000 });
    expect(standardOn('2026-12-21')?.version).toBeUndefined();

    await publish('standards', 1, STANDARDS, '綦江区民政局');
    await pull();

    expect(standardOn('2026-12-21')).toMatchObject({ monthlyFen: 80_000, version: 1, effectiveFrom: '2026-01-01' });
    expect(standardOn('2026-12-21', 'rural')).toMatchObject({ monthlyFen: 64_000 });
    expect(standardOn('2026-12-31')).toMatchObject({ monthlyFen: 80_000 });
    expect(standardOn('2027-01-01')).toMatchObject({ monthlyFen: 86_000, year: 2027 });
    // The applicant screen shows the published standards in force, never the local one they replace.
    const idle = idleView({
      viewId: 'v1',
      stationName: '桥头镇',
      regionCode: svc.station.regionCode,
      today: svc.today(),
      standards: standardsWithPublished(f.db(), svc.settings().standards),
      checklist: svc.checklist(),
      notices: svc.policyNotices(),
    });
    expect(idle).toMatchObject({
      kind: 'idle',
      standards: [
        { residence: 'urban', monthlyFen: 80_000, year: 2026 },
        { residence: 'rural', monthlyFen: 64_000, year: 2026 },
      ],
    });
    // The review's standard moves with the clock across the boundary.
    expect(reviewStandard(svc.standards(), svc.station.regionCode, svc.today(), 'urban')?.monthlyFen).toBe(80_000);
    clock.advance(14 * DAY);
    expect(svc.today()).toBe('2027-01-04');
    expect(reviewStandard(svc.standards(), svc.station.regionCode, svc.today(), 'urban')?.monthlyFen).toBe(86_000);

    const info = svc.referenceInfo().standards;
    expect(info).toEqual([
      expect.objectContaining({
        version: 1,
        publishedBy: '綦江区民政局',
        effectiveFrom: '2026-01-01',
        inForce: true,
        receivedAt: '2026-12-21T01:00:00.000Z',
      }),
    ]);
    const audit = f.db().prepare("SELECT target_id, details FROM audit_log WHERE action = 'reference.received'").all() as Array<{
      target_id: string;
      details: string;
    }>;
    expect(audit.map((a) => [a.target_id, JSON.parse(a.details) as Record<string, unknown>])).toEqual([
      ['standards', expect.objectContaining({ version: 1, effectiveFrom: '2026-01-01' })],
    ]);
  });

  it('standards: a newer version is the whole table; an older one delivered late is kept in the history, not in force; through cuts, exactly once', async () => {
    await publish('standards', 2, STANDARDS);
    await publish('standards', 1, {
      standards: [{ regionPrefix: '5001', residence: 'urban', monthlyFen: 1_000, effectiveFrom: '2026-01-01' }],
    });
    await syncThroughCuts(f, platform, 21_7);
    expect(standardOn('2026-12-21')).toMatchObject({ monthlyFen: 80_000, version: 2 });
    expect(svc.referenceInfo().standards.map((v) => [v.version, v.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    await publish('standards', 3, {
      standards: [{ regionPrefix: '500101', residence: 'urban', monthlyFen: 90_000, effectiveFrom: '2026-07-01' }],
    });
    await pull();
    expect(standardOn('2026-12-21')).toMatchObject({ monthlyFen: 90_000, version: 3 });
    expect(standardOn('2026-06-30')).toBeNull();
    expect(f.db().prepare("SELECT count(*) FROM audit_log WHERE action = 'reference.received'").pluck().get()).toBe(3);
  });

  it('materials: the county checklist of a type replaces the shipped one from its day, the others stay shipped', async () => {
    const shipped = loadCaseResources().materials;
    await publish(
      'materials',
      1,
      { effectiveFrom: '2027-01-01', source: '綦江区低保申请材料清单（2027年版）', types: { dibao: DIBAO_2027 } },
      '綦江区民政局',
    );
    await pull();
    expect(svc.checklist().types.dibao).toEqual(shipped.types.dibao);
    expect(svc.referenceInfo().materials).toEqual([expect.objectContaining({ version: 1, types: ['dibao'], inForce: false })]);

    clock.advance(11 * DAY);
    expect(svc.today()).toBe('2027-01-01');
    expect(svc.checklist().types.dibao.map((i) => i.code)).toEqual(['application_form', 'hukou', 'income_proof']);
    expect(svc.checklist().types.tekun).toEqual(shipped.types.tekun);
    expect(svc.checklist().source).toBe('綦江区低保申请材料清单（2027年版）');
    expect(svc.referenceInfo().materials[0]).toMatchObject({ inForce: true, publishedBy: '綦江区民政局' });
  });

  it('policy texts: the set in force today shown first, older versions kept in the history, the next one from its day', async () => {
    svc.setSettings('admin', { ...svc.settings(), policyNotices: [{ title: '本站开放时间', body: '工作日上午九点至下午五点。' }] });
    await publish('policy-texts', 1, {
      effectiveFrom: '2026-12-01',
      notices: [{ title: '低保政策', body: '家庭人均收入低于当地低保标准可申请。' }],
    });
    await publish('policy-texts', 2, {
      effectiveFrom: '2027-01-01',
      notices: [{ title: '低保政策', body: '2027年起城市低保标准调整为每月860元。' }],
    });
    await pull();
    expect(svc.policyNotices().map((n) => n.body)).toEqual(['家庭人均收入低于当地低保标准可申请。', '工作日上午九点至下午五点。']);
    expect(svc.referenceInfo().policyTexts.map((v) => [v.version, v.effectiveFrom, v.inForce])).toEqual([
      [2, '2027-01-01', false],
      [1, '2026-12-01', true],
    ]);
    clock.advance(11 * DAY);
    expect(svc.policyNotices()[0]!.body).toBe('2027年起城市低保标准调整为每月860元。');
    expect(svc.referenceInfo().policyTexts.map((v) => v.inForce)).toEqual([true, false]);
  });

  it('a bad table is refused naming the field, kept, and never breaks the pull; good tables and other reference tables are kept', async () => {
    await publish('standards', 1, {
      standards: [{ regionPrefix: '5001', residence: 'urban', monthlyFen: -5, effectiveFrom: '2027-01-01' }],
    });
    await publish('materials', 1, { effectiveFrom: '2027-02-30', types: { dibao: DIBAO_2027 } });
    await publish('policy-texts', 1, { effectiveFrom: '2026-12-01', notices: [] });
    await publish('regions', 1, { '500110': '綦江区' });
    await publish('materials', 2, { effectiveFrom: '2026-12-01', types: { tekun: DIBAO_2027 } });
    await pull();

    const refused = ps.logs.filter((l) => l.event === 'sync.pull.item_refused').map((l) => [l.fields['code'], l.fields['path']]);
    expect(refused).toEqual([
      ['SYNC_PULL_ITEM_INVALID', 'data.standards.0.monthlyFen'],
      ['SYNC_PULL_ITEM_INVALID', 'data.effectiveFrom'],
      ['SYNC_PULL_ITEM_INVALID', 'data.notices'],
    ]);
    expect(standardOn('2026-12-21')).toBeNull();
    expect(svc.referenceInfo().standards).toEqual([]);
    expect(svc.referenceInfo().policyTexts).toEqual([]);
    expect(svc.referenceInfo().materials.map((v) => v.version)).toEqual([2]);
    expect(svc.checklist().types.tekun.map((i) => i.code)).toEqual(['application_form', 'hukou', 'income_proof']);
    const kept = f.db().prepare("SELECT item_key, version FROM pulled_item WHERE kind = 'reference' ORDER BY item_key").raw().all();
    expect(kept).toEqual([
      ['materials', 1],
      ['policy-texts', 1],
      ['regions', 1],
      ['standards', 1],
    ]);
  });
});

it('the refusal names the table field and why, in the clerk-readable message', () => {
  const refusal = applyReferenceItem(
    null as never,
    'materials',
    {
      kind: 'reference',
      feedSeq: 1,
      at: Date.parse('2026-12-21T01:00:00Z'),
      table: 'materials',
      version: 1,
      data: { effectiveFrom: '2027-02-30', types: {} },
    },
    '2026-12-21T01:00:00Z',
    () => undefined,
  );
  expect(refusal?.code).toBe('SYNC_PULL_ITEM_INVALID');
  expect(refusal?.message).toContain('data.effectiveFrom：日期不存在');
});
