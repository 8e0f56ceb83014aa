import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MonitoringView } from '../../../../common/contract/methods/afterAcceptance/relief';
import { call } from '../../api/client';
import { useMayCall } from '../../components/useMayCall';
import { ReasonModal } from './ReasonModal';

/** 低收入人口监测: the households monitored (refused applicants, 低保边缘 households), with 退出监测. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const may = useMayCall();
  const [all, setAll] = useState(false);
  const [leaving, setLeaving] = useState<MonitoringView | null>(null);
  const list = useQuery({ queryKey: ['monitoring.list', all], queryFn: () => call('monitoring.list', { activeOnly: !all }) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="monitoring-page">
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Space>
        <Switch checked={all} onChange={setAll} aria-label={t('monitoring.showEnded')} data-testid="monitoring-show-ended" />
        <Typography.Text>{t('monitoring.showEnded')}</Typography.Text>
      </Space>
      <Table<MonitoringView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('monitoring.empty') }}
        onRow={(r) => ({ 'data-case': r.caseId, 'data-status': r.status }) as object}
        columns={[
          { title: t('monitoring.columns.applicant'), dataIndex: 'applicantName' },
          { title: t('monitoring.columns.person'), render: (_, r) => <span data-verbatim>{r.person}</span> },
          { title: t('monitoring.columns.origin'), render: (_, r) => t(`monitoring.origins.${r.origin}`) },
          { title: t('monitoring.columns.members'), dataIndex: 'members' },
          { title: t('monitoring.columns.reason'), dataIndex: 'reason' },
          { title: t('monitoring.columns.startedAt'), render: (_, r) => new Date(r.startedAt).toLocaleDateString('zh-CN') },
          {
            title: t('monitoring.columns.status'),
            render: (_, r) => <Tag color={r.status === 'active' ? 'blue' : 'default'}>{t(`monitoring.status.${r.status}`)}</Tag>,
          },
          { title: t('monitoring.columns.endReason'), render: (_, r) => r.endReason ?? '—' },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => void navigate(`/cases?id=${r.caseId}`)}>
                  {t('monitoring.openCase')}
                </Button>
                {r.status === 'active' && may('monitoring.exit') && (
                  <Button size="small" onClick={() => setLeaving(r)}>
                    {t('monitoring.exit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {leaving && (
        <ReasonModal
          title={t('monitoring.exitTitle')}
          save={(reason) => call('monitoring.exit', { monitoringId: leaving.id, reason })}
          onClose={() => setLeaving(null)}
          onSaved={() => {
            setLeaving(null);
            void client.invalidateQueries({ queryKey: ['monitoring.list'] });
          }}
        />
      )}
    </Space>
  );
}
