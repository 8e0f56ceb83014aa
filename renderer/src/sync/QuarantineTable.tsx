import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

type Row = MethodOutput<'sync.quarantine'>[number];

const pretty = (body: Record<string, unknown>) => JSON.stringify(body, null, 2);

/** Rejected records (reason, what to do) and conflicts (both versions side by side), with resend / dismiss. */
export function QuarantineTable({ rows, canResolve, onChanged }: { rows: Row[]; canResolve: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const resolve = useMutation({ mutationFn: (v: { recordId: string; action: 'resend' | 'dismiss' }) => call('sync.resolve', v), onSuccess: onChanged });
  return (
    <>
      {resolve.isError && <Alert type="error" showIcon message={resolve.error.message} />}
      <Table<Row>
        rowKey="recordId"
        size="small"
        dataSource={rows}
        pagination={false}
        data-testid="sync-quarantine"
        expandable={{
          rowExpandable: (r) => r.status === 'conflict' && r.theirs !== null,
          expandedRowRender: (r) => (
            <Descriptions bordered size="small" column={2}>
              <Descriptions.Item label={`本机（基于版本 ${r.baseVersion ?? 0}）`}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{pretty(r.mine)}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={`平台（版本 ${r.theirs?.version ?? ''}）`}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{pretty(r.theirs?.body ?? {})}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '类型', dataIndex: 'kind', width: 120 },
          { title: '案件', dataIndex: 'caseId', width: 160 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: Row['status']) => (s === 'rejected' ? <Tag color="red">{t('sync.rejected')}</Tag> : <Tag color="orange">{t('sync.conflicts')}</Tag>),
          },
          {
            title: '原因与处理',
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                <span>{r.reason}</span>
                <Typography.Text type="secondary">{r.status === 'rejected' ? t('sync.rejectedHelp') : t('sync.conflictHelp')}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            width: 180,
            render: (_, r) =>
              canResolve && (
                <Space>
                  <Button size="small" onClick={() => resolve.mutate({ recordId: r.recordId, action: 'resend' })}>
                    {t('sync.resend')}
                  </Button>
                  <Button size="small" onClick={() => resolve.mutate({ recordId: r.recordId, action: 'dismiss' })}>
                    {t('sync.dismiss')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
