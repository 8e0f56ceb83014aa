import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Radio, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

type Stage = 'initial' | 'approval';

/**
 * 公示名单 per village/community for a period (初审公示, or 审核确认后公布): core builds each list
 * from the cases (name, household size, amount only) and puts it in the print queue, where it is
 * printed singly or in a batch like any notice.
 */
export function PublicityListsCard({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('initial');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const period = { stage, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const lists = useQuery({ queryKey: ['publicity.lists', period], queryFn: () => call('publicity.lists', period) });
  const queue = useMutation({
    mutationFn: (community?: string) => call('publicity.queueLists', { ...period, ...(community ? { community } : {}) }),
    onSuccess: onQueued,
  });
  return (
    <Card size="small" title={t('visits.lists.title')} style={{ marginBottom: 16 }} data-testid="publicity-lists">
      <Typography.Paragraph type="secondary">{t('visits.lists.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label={t('visits.lists.stage')}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage)}
          options={[
            { value: 'initial', label: t('visits.lists.stages.initial') },
            { value: 'approval', label: t('visits.lists.stages.approval') },
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('visits.lists.period')}
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button
          type="primary"
          disabled={!lists.data?.rows.length}
          loading={queue.isPending}
          onClick={() => queue.mutate(undefined)}
          data-testid="publicity-lists-all"
        >
          {t('visits.lists.queueAll')}
        </Button>
      </Space>
      {lists.error && <Alert type="error" showIcon message={lists.error.message} />}
      {queue.error && <Alert type="error" showIcon message={queue.error.message} />}
      {queue.data && <Alert type="success" showIcon message={t('visits.lists.queued', { count: queue.data.requests.length })} />}
      <Table
        size="small"
        rowKey="community"
        pagination={false}
        loading={lists.isPending}
        dataSource={lists.data?.rows ?? []}
        locale={{ emptyText: t('visits.lists.empty') }}
        columns={[
          { title: t('visits.lists.community'), dataIndex: 'community' },
          { title: t('visits.lists.households'), dataIndex: 'households' },
          { title: t('visits.lists.people'), dataIndex: 'people' },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => queue.mutate(r.community)} disabled={queue.isPending}>
                {t('visits.lists.queue')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
