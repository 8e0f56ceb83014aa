import { Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../../common/contract/methods/stats';
import { formatYuan } from '../../../common/format/money';

type Row = StatsOverview['assistance']['byType'][number];

/**
 * Assistance by type: households on the roster per type, those without a monthly amount (低保边缘 /
 * 刚性支出 under monitoring) apart, each type's monthly total; 临时救助 as payments in the period
 * (先行救助 and grants, never roster); households under 低收入人口 monitoring.
 */
export function AssistanceTable({ assistance }: { assistance: StatsOverview['assistance'] | undefined }) {
  const { t } = useTranslation();
  const relief = assistance?.relief;
  const yuan = (fen: number) => formatYuan(fen, { grouping: true });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="type"
        dataSource={assistance?.byType ?? []}
        locale={{ emptyText: t('stats.empty') }}
        onRow={(r) => ({ 'data-key': r.type }) as object}
        columns={[
          { title: t('stats.columns.type'), render: (_, r) => t(`cases.typesShort.${r.type}`) },
          { title: t('stats.columns.households'), dataIndex: 'households', align: 'right' },
          { title: t('stats.columns.monitoringOnly'), dataIndex: 'monitoringOnly', align: 'right' },
          { title: t('stats.columns.monthlyAmount'), render: (_, r) => yuan(r.monthlyAmountFen), align: 'right' },
        ]}
      />
      <Space size="large" wrap data-testid="stats-relief">
        <Statistic title={t('stats.columns.reliefAdvances')} value={relief?.advances ?? 0} />
        <Statistic title={t('stats.columns.reliefAdvanceAmount')} value={yuan(relief?.advanceAmountFen ?? 0)} />
        <Statistic title={t('stats.columns.reliefGrants')} value={relief?.grants ?? 0} />
        <Statistic title={t('stats.columns.reliefGrantAmount')} value={yuan(relief?.grantAmountFen ?? 0)} />
        <Statistic title={t('stats.columns.monitoringActive')} value={assistance?.monitoring ?? 0} />
      </Space>
    </Space>
  );
}
