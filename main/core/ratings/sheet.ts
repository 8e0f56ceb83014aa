import { RATING_LEVELS } from '../../../common/ratings/scale';
import type { RatingStats } from '../../../common/ratings/stats';
import { translate } from '../../../common/i18n/translate';
import type { SheetColumn } from '../stats/xlsx';

type Row = Record<string, string | number | null>;

/** The statistics' 好差评 table as a sheet: a row per service and month, each level, 未评价 and 满意率. */
export function ratingSheet(s: RatingStats, title: string): { title: string; columns: Array<SheetColumn<Row>>; rows: Row[] } {
  const col = (key: string, header: string, kind: SheetColumn<Row>['kind'], width?: number): SheetColumn<Row> => ({
    header,
    kind,
    ...(width ? { width } : {}),
    value: (r) => r[key] ?? null,
  });
  const c = (k: 'service' | 'month' | 'asked' | 'unrated' | 'satisfaction') => translate(`ratings.stats.columns.${k}`);
  return {
    title,
    columns: [
      col('service', c('service'), 'text', 12),
      col('month', c('month'), 'text'),
      col('asked', c('asked'), 'int'),
      ...RATING_LEVELS.map((l) => col(l, translate(`ratings.levels.${l}`), 'int', 12)),
      col('unrated', c('unrated'), 'int'),
      col('satisfaction', c('satisfaction'), 'percent'),
    ],
    rows: s.rows.map((r) => ({ ...r, service: translate(`ratings.services.${r.service}`) })),
  };
}
