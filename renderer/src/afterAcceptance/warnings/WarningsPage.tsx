import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningRow } from '../../../../common/contract/methods/afterAcceptance/warnings';
import { call } from '../../api/client';
import { useMayCall } from '../../components/useMayCall';
import { ExportButton } from '../../stats/ExportButton';

type Mode = 'assign' | 'verify' | 'close';
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** 监测预警: warnings pulled from the platform with their deadline; assign, verify, close with an outcome. */
export function WarningsPage() {
  const { t } = useTranslation();
  const may = useMayCall();
  const client = useQueryClient();
  const [target, setTarget] = useState<{ row: WarningRow; mode: Mode } | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['warnings.list'], queryFn: () => call('warnings.list', {}) });
  const run = useMutation({
    mutationFn: async () => {
      const { row, mode } = target!;
      const v = (await form.validateFields()) as Record<string, string | number | undefined> & { date?: { format(f: string): string } };
      if (mode === 'assign') return call('warnings.assign', { warningId: row.id, accountId: String(v['accountId']) });
      if (mode === 'verify')
        return call('warnings.verify', {
          warningId: row.id,
          verifiedOn: v.date?.format('YYYY-MM-DD') ?? '',
          method: String(v['method']),
          findings: String(v['findings']),
        });
      return call('warnings.close', {
        warningId: row.id,
        close: {
          outcome: v['outcome'] as 'no_change' | 'adjust' | 'stop',
          reasons: lines(v['reasons'] as string),
          legalBasis: lines(v['legalBasis'] as string),
          ...(v['newAmount'] !== undefined && v['newAmount'] !== null ? { newAmountFen: Math.round(Number(v['newAmount']) * 100) } : {}),
        },
      });
    },
    onSuccess: () => {
      setTarget(null);
      void client.invalidateQueries({ queryKey: ['warnings.list'] });
      void client.invalidateQueries({ queryKey: ['roster.list'] });
      void client.invalidateQueries({ queryKey: ['changes.list'] });
    },
  });
  const open = (row: WarningRow, mode: Mode) => {
    run.reset();
    form.resetFields();
    setTarget({ row, mode });
  };
  const d = list.data;
  const workable = (r: WarningRow) => r.status === 'open' || r.status === 'verified';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="warnings-page">
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <ExportButton request={{ table: 'warnings' }} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={d?.rows ?? []}
        locale={{ emptyText: t('warnings.empty') }}
        columns={[
          { title: t('warnings.columns.type'), render: (_, r) => t(`warnings.types.${r.type}`) },
          {
            title: t('warnings.columns.person'),
            render: (_, r) => (
              <Space size={4} wrap>
                {`${r.applicantName ?? ''} ${r.person}`}
                {r.monitored && (
                  <Tag color="blue" data-testid="warning-monitored">
                    {t('monitoredWarning')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('warnings.columns.receivedAt'), render: (_, r) => new Date(r.receivedAt).toLocaleString('zh-CN') },
          {
            title: t('warnings.columns.dueOn'),
            render: (_, r) => <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{r.dueOn}</span>,
          },
          { title: t('warnings.columns.status'), render: (_, r) => <Tag data-status={r.status}>{t(`warnings.status.${r.status}`)}</Tag> },
          {
            title: t('warnings.columns.assignee'),
            render: (_, r) => (
              <Space size={4} wrap>
                {r.assigneeName ?? '—'}
                {/* Assigned before only caseworkers could be, or the assignee's post changed since: re-assign. */}
                {d && workable(r) && r.assignedTo !== null && !d.staff.some((s) => s.id === r.assignedTo) && (
                  <Tag color="orange" data-testid="warning-assignee-cannot-work">
                    {t('warnings.assigneeCannotWork')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('warnings.columns.outcome'),
            render: (_, r) => (
              <Space size={4} wrap>
                {r.outcome ? t(`warnings.outcome.${r.outcome}`) : '—'}
                {r.change && (
                  <Tag
                    color={r.change.status === 'proposed' ? 'orange' : r.change.status === 'approved' ? 'green' : 'default'}
                    data-testid="warning-change"
                    data-status={r.change.status}
                  >
                    {t(`changes.status.${r.change.status}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, r) =>
              workable(r) && (
                <Space>
                  {may('warnings.assign') && (
                    <Button size="small" onClick={() => open(r, 'assign')}>
                      {t('warnings.assign')}
                    </Button>
                  )}
                  {may('warnings.verify') && (
                    <Button size="small" onClick={() => open(r, 'verify')}>
                      {t('warnings.verify')}
                    </Button>
                  )}
                  {r.status === 'verified' && may('warnings.close') && (
                    <Button size="small" type="primary" onClick={() => open(r, 'close')}>
                      {t('warnings.close')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={target ? t(`warnings.${target.mode === 'assign' ? 'assignTo' : target.mode}`) : ''}
        onCancel={() => setTarget(null)}
        onOk={() => run.mutate()}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {target?.mode === 'assign' && (
            <Form.Item name="accountId" label={t('warnings.assignTo')} rules={[{ required: true }]}>
              <Select aria-label={t('warnings.assignTo')} options={(d?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          )}
          {target?.mode === 'verify' && (
            <>
              <Form.Item name="date" label={t('warnings.verifiedOn')} rules={[{ required: true }]}>
                <DatePicker aria-label={t('warnings.verifiedOn')} />
              </Form.Item>
              <Form.Item name="method" label={t('warnings.method')} rules={[{ required: true }]}>
                <Input aria-label={t('warnings.method')} />
              </Form.Item>
              <Form.Item name="findings" label={t('warnings.findings')} rules={[{ required: true }]}>
                <Input.TextArea aria-label={t('warnings.findings')} />
              </Form.Item>
            </>
          )}
          {target?.mode === 'close' && (
            <>
              {target.row.monitored && <Alert type="info" showIcon message={t('monitoring.warningHint')} style={{ marginBottom: 12 }} />}
              <Form.Item name="outcome" label={t('warnings.close')} initialValue="no_change">
                <Radio.Group
                  options={(target.row.monitored ? (['no_change'] as const) : (['no_change', 'adjust', 'stop'] as const)).map((o) => ({
                    value: o,
                    label: t(`warnings.outcome.${o}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="newAmount" label={t('warnings.newAmount')}>
                <InputNumber min={0} precision={2} aria-label={t('warnings.newAmount')} />
              </Form.Item>
              <Form.Item name="reasons" label={t('warnings.reasons')}>
                <Input.TextArea aria-label={t('warnings.reasons')} />
              </Form.Item>
              <Form.Item name="legalBasis" label={t('warnings.legalBasis')}>
                <Input.TextArea aria-label={t('warnings.legalBasis')} />
              </Form.Item>
            </>
          )}
        </Form>
        {run.error && <Alert type="error" showIcon message={run.error.message} />}
      </Modal>
    </Space>
  );
}
