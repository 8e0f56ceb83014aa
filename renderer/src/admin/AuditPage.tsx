import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../common/contract/index';
import { auditActionLabel, auditTargetLabel } from '../../../common/i18n/labels';
import { zhCN } from '../../../common/i18n/zh-CN/index';
import { call } from '../api/client';

type Row = MethodOutput<'audit.query'>[number];
type Filters = { actor?: string; action?: string; targetId?: string; range?: [Dayjs, Dayjs] };

/** Every action the catalog names (`auth.login` …), offered by its words in the filter. */
const ACTIONS = Object.entries(zhCN.audit.actions).flatMap(([group, names]) => Object.keys(names).map((name) => `${group}.${name}`));

/** The audit viewer: who did what, when, from which workstation; and a check of the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<MethodInput<'audit.query'>>({ limit: 200 });
  const rows = useQuery({ queryKey: ['audit.query', query], queryFn: () => call('audit.query', query) });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const apply = (f: Filters) =>
    setQuery({
      limit: 200,
      ...(f.actor ? { actor: f.actor } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.targetId ? { targetId: f.targetId } : {}),
      ...(f.range ? { from: f.range[0].startOf('day').toISOString(), to: f.range[1].endOf('day').toISOString() } : {}),
    });

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify"
          message={
            verify.data.ok
              ? t('audit.intact', { rows: verify.data.rows })
              : t('audit.broken', { seq: verify.data.firstBad?.seq, reason: verify.data.firstBad?.reason })
          }
        />
      )}
      <Form layout="inline" onFinish={apply} style={{ marginBottom: 12 }}>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input placeholder={t('audit.actorPlaceholder')} allowClear data-verbatim />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.actionPlaceholder')}
            style={{ width: 220 }}
            options={ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }))}
          />
        </Form.Item>
        <Form.Item name="targetId" label={t('audit.target')}>
          <Input placeholder={t('audit.targetPlaceholder')} allowClear data-verbatim />
        </Form.Item>
        <Form.Item name="range" label={t('audit.date')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.query')}
          </Button>
        </Space>
      </Form>
      {rows.isError && <Alert type="error" showIcon message={rows.error.message} />}
      <Table<Row>
        rowKey="seq"
        size="small"
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('audit.columns.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.columns.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN') },
          {
            title: t('audit.columns.actor'),
            dataIndex: 'actor',
            ellipsis: { showTitle: false },
            render: (v: string) =>
              v === 'system' ? (
                t('audit.system')
              ) : (
                <span data-verbatim title={v}>
                  {v}
                </span>
              ),
          },
          {
            title: t('audit.columns.action'),
            dataIndex: 'action',
            render: (v: string) => (
              <span title={auditActionLabel(v)} data-action={v}>
                {auditActionLabel(v)}
              </span>
            ),
          },
          {
            title: t('audit.columns.target'),
            render: (_, r) =>
              r.targetType ? (
                <>
                  {auditTargetLabel(r.targetType)}
                  {r.targetId ? <span data-verbatim>：{r.targetId}</span> : null}
                </>
              ) : null,
          },
          {
            title: t('audit.columns.workstation'),
            dataIndex: 'workstation',
            ellipsis: { showTitle: false },
            render: (v: string) => (
              <span data-verbatim title={v}>
                {v}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
