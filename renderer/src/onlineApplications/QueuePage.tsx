import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { OnlineQueueRow } from '../../../common/contract/methods/onlineApplications';
import { call } from '../api/client';
import { DetailView } from './DetailView';
import { chinaDateTime, deadlineText, statusText } from './labels';

/**
 * 网上申请待受理: applications made in the 救助通 mini-program or by 网格员, pulled from the platform,
 * oldest submission first, each with its acceptance limit (counted from the online submission).
 * 查看 opens what the applicant filed (DetailView), from where the counter completes it.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [show, setShow] = useState<'waiting' | 'all'>('waiting');
  const openId = params.get('id');
  const list = useQuery({
    queryKey: ['onlineApplications.list', show],
    queryFn: () => call('onlineApplications.list', { show }),
    enabled: !openId,
  });
  if (openId) return <DetailView id={openId} onBack={() => setParams({})} />;

  const limit = list.data?.acceptanceWorkingDays ?? null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('onlineApplications.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('onlineApplications.help')}
      </Typography.Paragraph>
      <Space>
        <Segmented
          value={show}
          onChange={(v) => setShow(v as 'waiting' | 'all')}
          options={[
            { value: 'waiting', label: t('onlineApplications.show.waiting') },
            { value: 'all', label: t('onlineApplications.show.all') },
          ]}
          data-testid="online-show"
        />
        <Typography.Text type="secondary" data-testid="online-limit">
          {limit === null ? t('onlineApplications.noLimit') : t('onlineApplications.limitNote', { days: limit })}
        </Typography.Text>
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Card size="small">
        <Table<OnlineQueueRow>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          locale={{ emptyText: t('onlineApplications.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="online-queue"
          columns={[
            { title: t('onlineApplications.columns.submittedAt'), render: (_, r) => chinaDateTime(r.submittedAt), width: 190 },
            { title: t('onlineApplications.columns.source'), render: (_, r) => t(`onlineApplications.sources.${r.source}`) },
            { title: t('onlineApplications.columns.type'), render: (_, r) => t(`cases.typesShort.${r.type}`) },
            { title: t('onlineApplications.columns.applicant'), dataIndex: 'applicantName' },
            { title: t('onlineApplications.columns.idNumber'), dataIndex: 'applicantIdNumberMasked', width: 170 },
            { title: t('onlineApplications.columns.household'), dataIndex: 'householdSize', width: 80 },
            { title: t('onlineApplications.columns.papers'), dataIndex: 'paperCount', width: 60 },
            {
              title: t('onlineApplications.columns.deadline'),
              render: (_, r) => {
                const d = deadlineText(t, r.deadline);
                return <Tag color={d.color}>{d.text}</Tag>;
              },
            },
            { title: t('onlineApplications.columns.status'), render: (_, r) => statusText(t, r) },
            {
              title: '',
              width: 80,
              render: (_, r) => (
                <Button size="small" onClick={() => setParams({ id: r.id })} data-testid={`online-open-${r.id}`}>
                  {t('onlineApplications.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
