import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../kernel/store/testing/fixtures';
import { DIBAO_MATERIALS_RECEIVED, threePersonDibao } from '../cases/testing/household';
import { exportRequestSchema, statsOverview } from '../../../common/contract/methods/stats';
import { summarize } from './distribution';
import { workingDayIndex } from './workingDayIndex';
import { overview } from './overview';
import { StatsRepo } from './statsRepo';
import { statsStation, TODAY, type at } from './testing/fixture';
import type { StatsCase } from './testing/seed';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof statsStation>;
beforeEach(() => {
  dir = tempDir('jiuzhu-stats-');
  env = statsStation(dir.dir);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const run = (input: { from?: string; to?: string } = {}) => overview(new StatsRepo(env.svc.db), env.svc.counter(), env.svc.today(), input);

/** Expectations computed from the fixture list in plain JS (China date = UTC + 8 hours). */
const chinaDate = (iso: ReturnType<typeof at>) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const tally = <K extends string>(cases: StatsCase[], key: (c: StatsCase) => K) => {
  const out = new Map<K, number>();
  for (const c of cases) out.set(key(c), (out.get(key(c)) ?? 0) + 1);
  return out;
};
const inPeriod = (cases: StatsCase[], from: string, to: string) =>
  cases.filter((c) => chinaDate(c.submittedAt) >= from && chinaDate(c.submittedAt) <= to);
const asMap = <T>(rows: T[], k: (r: T) => string | null, v: (r: T) => number) => new Map(rows.map((r) => [k(r) ?? '', v(r)]));

describe('statistics over the encrypted store', () => {
  it('counts submitted cases by type, state, month (China time) and staff member; drafts are not applications', () => {
    // A real intake on the same station: a draft (not counted) and a submitted case (counted).
    env.svc.saveDraft(env.actor, { application: threePersonDibao() });
    const saved = env.svc.saveDraft(env.actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
    env.svc.submit(env.actor, saved.caseId, saved.rev);
    const all: StatsCase[] = [...env.cases, { type: 'dibao', state: 'submitted', staff: env.actor, submittedAt: env.svc.now() }];

    const o = run();
    expect(o.today).toBe(TODAY);
    expect(o.total).toBe(17);
    expect(
      asMap(
        o.byType,
        (r) => r.type,
        (r) => r.count,
      ),
    ).toEqual(tally(all, (c) => c.type));
    expect(
      asMap(
        o.byState,
        (r) => r.state,
        (r) => r.count,
      ),
    ).toEqual(tally(all, (c) => c.state));
    // In the law's order (state machine, national measures), not alphabetically.
    expect(o.byState.map((r) => r.state)).toEqual([
      'submitted',
      'needs_supplement',
      'accepted',
      'investigating',
      'approved',
      'refused',
      'withdrawn',
    ]);
    expect(o.byType.map((r) => r.type)).toEqual(['dibao', 'tekun', 'marginal', 'temporary', 'rigid']);
    expect(
      asMap(
        o.byMonth,
        (r) => r.month,
        (r) => r.count,
      ),
    ).toEqual(tally(all, (c) => chinaDate(c.submittedAt).slice(0, 7)));
    // Submitted 2026-10-01 00:30 China time (still September in UTC) counts in October; 2026-11-01 01:00 in November.
    expect(o.byMonth.find((m) => m.month === '2026-10')!.count).toBe(2);
    expect(o.byStaff.map((s) => [s.staffName, s.count])).toEqual(
      [...tally(all, (c) => (c.staff === env.actor ? '管理员' : '李经办'))].sort((x, y) => y[1] - x[1]),
    );
  });

  it('working days from acceptance to decision on the official calendar: mean and 90th percentile', () => {
    // Hand-counted per case in testing/fixture.ts: 4, 10, 8, 4, 10, 24, 1, 9, 0, 9.
    const o = run();
    expect(o.decisionDays).toEqual({ decisions: 10, approved: 8, refused: 2, mean: 7.9, p90: 10 });
  });

  it('a period counts cases by submission date, decisions by decision date and deadlines by due date, in China time', () => {
    const o = run({ from: '2026-09-01', to: '2026-11-15' });
    // Decisions of 09-04 (24), 10-09 (4), 10-12 (10), 11-10 (1); case 2, decided 11-16 00:30 China time (11-15 UTC), is outside.
    expect(o.decisionDays).toEqual({ decisions: 4, approved: 3, refused: 1, mean: 9.8, p90: 24 });
    const expected = inPeriod(env.cases, '2026-09-01', '2026-11-15');
    expect(o.total).toBe(expected.length);
    expect(
      asMap(
        o.byState,
        (r) => r.state,
        (r) => r.count,
      ),
    ).toEqual(tally(expected, (c) => c.state));
    expect(o.deadlines.map((d) => [d.kind, d.total, d.metOnTime, d.metLate, d.overdueOpen, d.pending])).toEqual([
      ['acceptance', 0, 0, 0, 0, 0],
      ['investigation_start', 2, 1, 1, 0, 0],
      ['reopinion', 0, 0, 0, 0, 0],
      ['county_decision', 0, 0, 0, 0, 0],
      ['decision', 1, 1, 0, 0, 0],
      ['refusal_notice', 1, 0, 1, 0, 0],
      ['relief_papers', 0, 0, 0, 0, 0],
    ]);
    // A period that ends before it begins is refused at the boundary, with its zh-CN message.
    const bad = statsOverview.input.safeParse({ from: '2026-11-01', to: '2026-10-01' });
    expect(bad.success ? null : bad.error.issues[0]!.message).toBe('开始日期不能晚于结束日期');
    expect(exportRequestSchema.safeParse({ table: 'stats', section: 'byType', from: '2026-11-01', to: '2026-10-01' }).success).toBe(false);
    expect(statsOverview.input.safeParse({ from: '2026-11-01', extra: 1 }).success).toBe(false);
    expect(run({ from: '2027-01-01' })).toMatchObject({ total: 0, byType: [], decisionDays: { decisions: 0, mean: null, p90: null } });
  });

  it('share of statutory deadlines met, per kind: late by the China date it was met; due today is not overdue', () => {
    const o = run();
    const none = (kind: string) => ({ kind, total: 0, metOnTime: 0, metLate: 0, overdueOpen: 0, pending: 0, share: null });
    expect(o.deadlines).toEqual([
      none('acceptance'),
      // met on time (case 1, case 15), met late (case 12: 11-06 > 11-05), running (case 11 due 11-23, case 16 due today)
      { kind: 'investigation_start', total: 5, metOnTime: 2, metLate: 1, overdueOpen: 0, pending: 2, share: 2 / 3 },
      none('reopinion'),
      none('county_decision'),
      // case 1 on time, case 12 overdue since 11-19, case 11 running
      { kind: 'decision', total: 3, metOnTime: 1, metLate: 0, overdueOpen: 1, pending: 1, share: 1 / 2 },
      // due 10-15, met 10-16 01:00 China time (10-15 in UTC): late
      { kind: 'refusal_notice', total: 1, metOnTime: 0, metLate: 1, overdueOpen: 0, pending: 0, share: 0 },
      none('relief_papers'),
    ]);
  });

  it('roster size, reviews due within 30 days (overdue included) and overdue, monthly total of active households', () => {
    const active = env.cases.filter((c) => c.roster?.status === 'active');
    const soon = '2026-12-20';
    expect(run().roster).toEqual({
      active: active.length,
      due: active.filter((c) => c.roster!.nextReviewOn <= soon).length,
      overdue: active.filter((c) => c.roster!.nextReviewOn < TODAY).length,
      stopped: 1,
      monthlyAmountFen: active.reduce((s, c) => s + c.roster!.amountFen, 0),
    });
    expect(run().roster).toMatchObject({ active: 5, due: 3, overdue: 1, monthlyAmountFen: 287_000 });
  });

  it('the page queries use the covering indexes of migration 0500, never a scan of the case rows', () => {
    const plan = (sql: string) =>
      (env.svc.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("SELECT type, count(*) FROM case_file WHERE submitted_at >= '0' AND submitted_at < '9' GROUP BY 1")).toContain(
      'COVERING INDEX stats_case_submitted',
    );
    expect(plan("SELECT kind, count(*) FROM case_deadline WHERE kind IN ('decision') AND due_date >= '0' GROUP BY kind")).toContain(
      'COVERING INDEX stats_deadline',
    );
  });
});

describe('summarize (weighted mean and nearest-rank percentile)', () => {
  it('matches the sorted-list definition', () => {
    const values = [0, 1, 4, 4, 8, 9, 9, 10, 10, 24];
    expect(summarize(values.map((value) => ({ value, weight: 1 })))).toEqual({ count: 10, mean: 7.9, percentile: 10 });
    expect(
      summarize([
        { value: 3, weight: 9 },
        { value: 50, weight: 1 },
      ]),
    ).toEqual({ count: 10, mean: 7.7, percentile: 3 });
    expect(
      summarize([
        { value: 3, weight: 8 },
        { value: 50, weight: 2 },
      ]).percentile,
    ).toBe(50);
    expect(summarize([])).toEqual({ count: 0, mean: null, percentile: null });
  });
});

describe('workingDayIndex', () => {
  it("gives the calendar counter's working days for every pair of a span (holidays, 调休 Saturdays, both directions)", () => {
    const counter = env.svc.counter();
    const index = workingDayIndex(counter, '2026-09-15', '2026-10-20');
    const days = Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(2026, 8, 15 + i)).toISOString().slice(0, 10));
    for (const a of days) for (const b of days) expect(index.between(a, b)).toBe(counter.workingDaysBetween(a, b));
    expect(index.between('2026-09-21', '2026-10-12')).toBe(10);
  });
});
