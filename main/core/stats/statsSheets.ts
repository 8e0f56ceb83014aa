import type { StatsOverview, StatsTable } from '../../../common/contract/methods/stats';
import { translate, type MessageKey } from '../../../common/i18n/translate';
import { yuan, type SheetColumn } from './xlsx';
import { ratingSheet } from '../ratings/sheet';

type Row = Record<string, string | number | null>;
const h = (k: string) => translate(`stats.columns.${k}` as MessageKey);
const col = (key: string, kind: SheetColumn<Row>['kind'], width?: number): SheetColumn<Row> => ({
  header: h(key),
  kind,
  ...(width ? { width } : {}),
  value: (r) => r[key] ?? null,
});

/** Each statistics table of the page as a sheet: its columns and rows, from the same overview the page shows. */
export function statsSheet(o: StatsOverview, section: StatsTable): { title: string; columns: Array<SheetColumn<Row>>; rows: Row[] } {
  const title = translate(`stats.tables.${section}`);
  const share = (n: number) => (o.total ? n / o.total : null);
  switch (section) {
    case 'ratings':
      return ratingSheet(o.ratings, title);
    case 'byType':
      return {
        title,
        columns: [col('type', 'text', 14), col('count', 'int'), col('share', 'percent')],
        rows: o.byType.map((r) => ({
          type: r.type ? translate(`cases.typesShort.${r.type}`) : translate('stats.noType'),
          count: r.count,
          share: share(r.count),
        })),
      };
    case 'byState':
      return {
        title,
        columns: [col('state', 'text', 12), col('count', 'int'), col('share', 'percent')],
        rows: o.byState.map((r) => ({ state: translate(`cases.states.${r.state}`), count: r.count, share: share(r.count) })),
      };
    case 'byMonth':
      return {
        title,
        columns: [col('month', 'text'), col('count', 'int')],
        rows: o.byMonth.map((r) => ({ month: r.month, count: r.count })),
      };
    case 'byStaff':
      return {
        title,
        columns: [col('staff', 'text'), col('count', 'int'), col('share', 'percent')],
        rows: o.byStaff.map((r) => ({ staff: r.staffName, count: r.count, share: share(r.count) })),
      };
    case 'decisionDays':
      return {
        title,
        columns: [col('decisions', 'int'), col('approved', 'int'), col('refused', 'int'), col('mean', 'decimal'), col('p90', 'int', 22)],
        rows: [{ ...o.decisionDays }],
      };
    case 'deadlines':
      return {
        title,
        columns: [
          col('kind', 'text', 32),
          col('total', 'int'),
          col('metOnTime', 'int'),
          col('metLate', 'int'),
          col('overdueOpen', 'int'),
          col('pending', 'int'),
          col('onTimeShare', 'percent'),
        ],
        rows: o.deadlines.map((d) => ({ ...d, kind: translate(`stats.deadlineKinds.${d.kind}`), onTimeShare: d.share })),
      };
    case 'roster':
      return {
        title,
        columns: [col('active', 'int'), col('due', 'int'), col('overdue', 'int'), col('stopped', 'int'), col('monthlyAmount', 'yuan', 22)],
        rows: [
          {
            active: o.roster.active,
            due: o.roster.due,
            overdue: o.roster.overdue,
            stopped: o.roster.stopped,
            monthlyAmount: yuan(o.roster.monthlyAmountFen),
          },
        ],
      };
    case 'assistance':
      return {
        title,
        columns: [col('type', 'text', 16), col('households', 'int'), col('monitoringOnly', 'int', 22), col('monthlyAmount', 'yuan', 22)],
        rows: o.assistance.byType.map((r) => ({
          type: translate(`cases.typesShort.${r.type}`),
          households: r.households,
          monitoringOnly: r.monitoringOnly,
          monthlyAmount: yuan(r.monthlyAmountFen),
        })),
      };
  }
}
