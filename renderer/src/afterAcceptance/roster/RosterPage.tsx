import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../common/format/money';
import { call } from '../../api/client';
import { ExportButton } from '../../stats/ExportButton';
import { ReviewAction } from './ReviewAction';
import { ChangeProposals } from './ChangeProposals';
import { RosterCertificateButton } from '../../documents/RosterCertificateButton';

type Filter = 'all' | 'due' | 'overdue';

/** 在册对象: enrolled households with benefit and next review; due (30 days) and overdue lists. */
export function RosterPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('due');
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['roster.list', filter], queryFn: () => call('roster.list', { filter }) });
  // A review may have ended with a proposal to change the benefit: the proposals list follows.
  const changed = () => {
    void list.refetch();
    void client.invalidateQueries({ queryKey: ['changes.list'] });
  };
  const d = list.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="roster-page">
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Card size="small">
        <Space size="large">
          <Statistic title={t('roster.all')} value={d?.counts.active ?? 0} />
          <Statistic title={t('roster.due')} value={d?.counts.due ?? 0} />
          <Statistic
            title={t('roster.overdue')}
            value={d?.counts.overdue ?? 0}
            valueStyle={{ color: d?.counts.overdue ? '#cf1322' : undefined }}
          />
        </Space>
      </Card>
      <ChangeProposals />
      <Segmented<Filter>
        data-testid="roster-filter"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'due', label: t('roster.due') },
          { value: 'overdue', label: t('roster.overdue') },
          { value: 'all', label: t('roster.all') },
        ]}
      />
      <ExportButton request={{ table: 'roster', filter }} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={d?.rows ?? []}
        locale={{ emptyText: t('roster.empty') }}
        columns={[
          { title: t('roster.columns.applicant'), dataIndex: 'applicantName' },
          {
            title: t('roster.columns.category'),
            render: (_, r) => t(`roster.categories.${r.category as 'marginal'}`, { defaultValue: r.category }),
          },
          { title: t('roster.columns.size'), dataIndex: 'householdSize' },
          {
            title: t('roster.columns.amount'),
            render: (_, r) => (r.monthly ? formatYuan(r.amountFen) : <Tag data-testid="no-monthly">{t('noMonthly')}</Tag>),
          },
          { title: t('roster.columns.since'), dataIndex: 'sinceMonth' },
          { title: t('roster.columns.basis'), render: (_, r) => t(`roster.basis.${r.reviewBasis}`, { months: r.reviewMonths }) },
          {
            title: t('roster.columns.nextReview'),
            render: (_, r) => (
              <span data-due={r.due}>
                {r.nextReviewOn} {r.due === 'overdue' && <Tag color="red">{t('roster.overdue')}</Tag>}
                {r.due === 'due' && <Tag color="orange">{t('roster.due')}</Tag>}
              </span>
            ),
          },
          { title: t('roster.columns.benefits'), render: (_, r) => r.linkedBenefits.map((b) => b.name).join('、') },
          {
            title: t('roster.columns.status'),
            render: (_, r) => <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`roster.status.${r.status}`)}</Tag>,
          },
          { title: t('reviews.column'), render: (_, r) => <ReviewAction row={r} onChanged={changed} /> },
          { title: '', key: 'certificate', render: (_, r) => <RosterCertificateButton caseId={r.caseId} active={r.status === 'active'} /> },
        ]}
      />
    </Space>
  );
}
