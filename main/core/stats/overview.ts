import { DEADLINE_KINDS } from '../../../common/cases/deadlines';
import { CASE_STATES, type CaseState } from '../../../common/cases/stateMachine';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../common/cases/types';
import type { WorkingDayCounter } from '../../../common/calendar/workingDays';
import type { StatsOverview } from '../../../common/contract/methods/stats';
import { translate } from '../../../common/i18n/translate';
import { addDays } from '../afterAcceptance/dates';
import { REVIEW_DUE_WINDOW_DAYS } from '../afterAcceptance/views';
import { summarize, type Weighted } from './distribution';
import { instantsOf, type Instants, type StatsRepo } from './statsRepo';
import { workingDayIndex } from './workingDayIndex';

export interface OverviewInput {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Working days from acceptance to each decision on the official calendar, per distinct
 * (acceptance, decision) pair — the SQL has already grouped the decisions, and each pair is a
 * difference of two ordinals of the calendar (workingDayIndex), not one count per case. Decisions without an acceptance date (a case pulled
 * from the platform already decided) are left out of the duration.
 */
export function decisionDurations(
  pairs: ReturnType<StatsRepo['decisionPairs']>,
  counter: WorkingDayCounter,
): { sample: Weighted[]; approved: number; refused: number } {
  const sample: Weighted[] = [];
  const dates = pairs.flatMap((p) => (p.accepted_on ? [p.accepted_on, p.decided_on] : [])).sort();
  const index = dates.length ? workingDayIndex(counter, dates[0]!, dates[dates.length - 1]!) : null;
  let approved = 0;
  let refused = 0;
  for (const p of pairs) {
    if (p.outcome === 'approved') approved += p.n;
    else refused += p.n;
    if (p.accepted_on && index) sample.push({ value: index.between(p.accepted_on, p.decided_on), weight: p.n });
  }
  return { sample, approved, refused };
}

/** Types in the order of the national measures; a case without a type last. */
const typeOrder = (t: AssistanceType | null) => (t ? ASSISTANCE_TYPES.indexOf(t) : ASSISTANCE_TYPES.length);

/** The roster's category (common/cases/types.ts documentCategory) back to its type. */
const typeOfCategory = (category: string): AssistanceType =>
  category.startsWith('dibao')
    ? 'dibao'
    : category.startsWith('tekun')
      ? 'tekun'
      : category.startsWith('temporary')
        ? 'temporary'
        : category.startsWith('rigid')
          ? 'rigid'
          : 'marginal';

function assistance(repo: StatsRepo, p: Instants): StatsOverview['assistance'] {
  const byType = new Map<AssistanceType, { type: AssistanceType; households: number; monitoringOnly: number; monthlyAmountFen: number }>();
  for (const r of repo.rosterByCategory()) {
    const type = typeOfCategory(r.category);
    const t = byType.get(type) ?? { type, households: 0, monitoringOnly: 0, monthlyAmountFen: 0 };
    byType.set(type, {
      type,
      households: t.households + r.active,
      monitoringOnly: t.monitoringOnly + r.monitoring_only,
      monthlyAmountFen: t.monthlyAmountFen + r.amount_fen,
    });
  }
  const pay = repo.reliefPayments(p);
  const of = (kind: 'advance' | 'grant') => pay.find((x) => x.kind === kind);
  return {
    byType: [...byType.values()].sort((x, y) => typeOrder(x.type) - typeOrder(y.type)),
    relief: {
      advances: of('advance')?.n ?? 0,
      advanceAmountFen: of('advance')?.amount_fen ?? 0,
      grants: of('grant')?.n ?? 0,
      grantAmountFen: of('grant')?.amount_fen ?? 0,
    },
    monitoring: repo.monitoringActive(),
  };
}

/** The statistics page: every figure from one GROUP BY each (StatsRepo); states and types in the law's order. */
export function overview(repo: StatsRepo, counter: WorkingDayCounter, today: string, input: OverviewInput): StatsOverview {
  const from = input.from ?? null;
  const to = input.to ?? null;
  const p = instantsOf(from, to);
  const byState = repo
    .byState(p)
    .map((r) => ({ state: r.key as CaseState, count: r.n }))
    .sort((x, y) => CASE_STATES.indexOf(x.state) - CASE_STATES.indexOf(y.state));
  const durations = decisionDurations(repo.decisionPairs(p), counter);
  const stats = summarize(durations.sample, 90);
  const deadlineRows = repo.deadlines(from, to, today);
  const roster = repo.roster(today, addDays(today, REVIEW_DUE_WINDOW_DAYS));
  return {
    period: { from, to },
    today,
    total: byState.reduce((n, r) => n + r.count, 0),
    byType: repo
      .byType(p)
      .map((r) => ({ type: r.key as AssistanceType | null, count: r.n }))
      .sort((x, y) => typeOrder(x.type) - typeOrder(y.type)),
    byState,
    byMonth: repo.byMonth(p).map((r) => ({ month: r.key ?? '', count: r.n })),
    byStaff: repo.byStaff(p).map((r) => ({ staffId: r.key, staffName: r.name ?? translate('stats.unknownStaff'), count: r.n })),
    decisionDays: {
      decisions: durations.approved + durations.refused,
      approved: durations.approved,
      refused: durations.refused,
      mean: stats.mean === null ? null : Math.round(stats.mean * 10) / 10,
      p90: stats.percentile,
    },
    deadlines: DEADLINE_KINDS.map((kind) => {
      const r = deadlineRows.find((d) => d.kind === kind);
      const metOnTime = r?.met_on_time ?? 0;
      const settled = metOnTime + (r?.met_late ?? 0) + (r?.overdue_open ?? 0);
      return {
        kind,
        total: r?.total ?? 0,
        metOnTime,
        metLate: r?.met_late ?? 0,
        overdueOpen: r?.overdue_open ?? 0,
        pending: r?.pending ?? 0,
        share: settled ? metOnTime / settled : null,
      };
    }),
    roster: {
      active: roster.active,
      due: roster.due,
      overdue: roster.overdue,
      stopped: roster.stopped,
      monthlyAmountFen: roster.amount_fen,
    },
    ratings: repo.ratings(p),
    assistance: assistance(repo, p),
  };
}
