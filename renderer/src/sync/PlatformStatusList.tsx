import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PLATFORM_STATUSES, type PlatformStatusFilter, type PlatformStatusRow } from '../../../common/cases/platformStatus';
import { call } from '../api/client';
import { PlatformStatusText, platformTime } from '../cases/PlatformStatusCard';
import { useMayCall } from '../components/useMayCall';

/**
 * 同步中心 · 平台状态: per case what the platform last said and when, newest first, the applicant's
 * name masked, filtered by status (an unknown status has its own filter). Refreshed after each sync.
 */
export function PlatformStatusList({ refreshKey }: { refreshKey?: unknown }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [status, setStatus] = useState<PlatformStatusFilter>('all');
  const allowed = may('cases.platformStatuses');
  const list = useQuery({
    queryKey: ['cases.platformStatuses', status, refreshKey],
    queryFn: () => call('cases.platformStatuses', { status }),
    enabled: allowed,
  });
  if (!allowed) return null;
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  const options = [
    { value: 'all', label: t('platformStatus.list.all') },
    ...CASE_PLATFORM_STATUSES.map((s) => ({ value: s, label: t(`platformStatus.statuses.${s}`) })),
    { value: 'unknown', label: t('platformStatus.list.unknownFilter') },
  ];
  return (
    <Card
      title={t('platformStatus.title')}
      data-testid="platform-status-list"
      extra={
        <Space>
          <Typography.Text type="secondary">{t('platformStatus.list.total', { total: list.data?.total ?? 0 })}</Typography.Text>
          <Select
            aria-label={t('platformStatus.list.filter')}
            data-testid="platform-status-filter"
            style={{ width: 160 }}
            value={status}
            options={options}
            onChange={(v) => setStatus(v)}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('platformStatus.list.hint')}</Typography.Paragraph>
      <Table<PlatformStatusRow>
        rowKey="caseId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('platformStatus.list.empty') }}
        columns={[
          {
            title: t('platformStatus.columns.caseNo'),
            render: (_, r) => <span data-verbatim>{r.caseNo ?? r.caseId}</span>,
          },
          {
            title: t('platformStatus.columns.applicant'),
            render: (_, r) =>
              r.applicantNameMasked ?? <Typography.Text type="secondary">{t('platformStatus.list.notHere')}</Typography.Text>,
          },
          { title: t('platformStatus.columns.status'), render: (_, r) => <PlatformStatusText status={r.status} /> },
          { title: t('platformStatus.columns.at'), render: (_, r) => platformTime(r.at) },
          { title: t('platformStatus.columns.note'), render: (_, r) => r.note ?? '' },
        ]}
      />
    </Card>
  );
}
