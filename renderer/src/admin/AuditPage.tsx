import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';

type Row = MethodOutput<'audit.query'>[number];
type Filters = { actor?: string; action?: string; targetId?: string; range?: [Dayjs, Dayjs] };

/** The audit viewer: who did what, when, from which workstation; and a check of the hash chain. */
export function AuditPage() {
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
    <Card title="审计日志" extra={<Button onClick={() => verify.mutate()} loading={verify.isPending}>校验日志完整性</Button>}>
      {verify.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify"
          message={verify.data.ok ? `日志完整：共 ${verify.data.rows} 条，未发现改动、删除或调换。` : `日志被改动：第 ${verify.data.firstBad?.seq} 条起不可信（${verify.data.firstBad?.reason}）。`}
        />
      )}
      <Form layout="inline" onFinish={apply} style={{ marginBottom: 12 }}>
        <Form.Item name="actor" label="人员">
          <Input placeholder="账号 ID" allowClear />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input placeholder="例如 auth.login" allowClear />
        </Form.Item>
        <Form.Item name="targetId" label="对象">
          <Input placeholder="人员或案件 ID" allowClear />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">查询</Button>
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
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN') },
          { title: '人员', dataIndex: 'actor', ellipsis: true },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', render: (_, r) => (r.targetType ? `${r.targetType}:${r.targetId ?? ''}` : '') },
          { title: '工作站', dataIndex: 'workstation', ellipsis: true },
        ]}
      />
    </Card>
  );
}
