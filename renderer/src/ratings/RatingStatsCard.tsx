import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../../common/contract/methods/stats';
import { RATING_LEVELS } from '../../../common/ratings/scale';
import { ExportButton } from '../stats/ExportButton';

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The statistics' 好差评 table: per service and month, each level, 未评价 and 满意率, with its Excel export. */
export function RatingStatsCard({
  ratings,
  period,
}: {
  ratings: StatsOverview['ratings'] | undefined;
  period: { from?: string; to?: string };
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('stats.tables.ratings')}
      extra={<ExportButton request={{ table: 'stats', section: 'ratings', ...period }} testId="export-ratings" />}
      data-testid="stats-ratings"
    >
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.service}-${r.month}`}
        dataSource={ratings?.rows ?? []}
        locale={{ emptyText: t('ratings.stats.empty') }}
        onRow={(r) => ({ 'data-key': `${r.service}-${r.month}` }) as object}
        scroll={{ x: true }}
        columns={[
          { title: t('ratings.stats.columns.service'), render: (_, r) => t(`ratings.services.${r.service}`) },
          { title: t('ratings.stats.columns.month'), dataIndex: 'month' },
          { title: t('ratings.stats.columns.asked'), dataIndex: 'asked', align: 'right' },
          ...RATING_LEVELS.map((l) => ({ title: t(`ratings.levels.${l}`), dataIndex: l, align: 'right' as const })),
          { title: t('ratings.stats.columns.unrated'), dataIndex: 'unrated', align: 'right' },
          { title: t('ratings.stats.columns.satisfaction'), align: 'right', render: (_, r) => percent(r.satisfaction) },
        ]}
      />
      <Typography.Text type="secondary">{t('ratings.stats.satisfactionHint')}</Typography.Text>
    </Card>
  );
}
