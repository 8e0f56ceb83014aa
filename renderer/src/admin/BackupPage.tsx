import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import { call } from '../api/client';
import { SESSION_KEY } from '../session/useSession';
import { useTaskProgress, type TaskProgress } from './useTaskProgress';

const PHASES: Record<string, string> = { snapshot: '生成快照', write: '写入', verify: '读回校验', check: '检查', swap: '替换数据', done: '完成' };

function ProgressLine({ progress, active }: { progress: TaskProgress | null; active: boolean }) {
  if (!active || !progress) return null;
  return (
    <div data-testid="task-progress">
      <Progress percent={Math.round(progress.fraction * 100)} status="active" />
      <Typography.Text type="secondary">{PHASES[progress.phase] ?? progress.phase}</Typography.Text>
    </div>
  );
}

/** Backup to a file (a USB stick), restore from one, and the store check — with progress. */
export function BackupPage() {
  const client = useQueryClient();
  const [backupProgress, resetBackup] = useTaskProgress('backup');
  const [restoreProgress, resetRestore] = useTaskProgress('restore');
  const [checkProgress, resetCheck] = useTaskProgress('check');

  const backup = useMutation({ mutationFn: (out: string) => (resetBackup(), call('backup.create', { out })) });
  const restore = useMutation({
    mutationFn: (file: string) => (resetRestore(), call('backup.restore', { file })),
    onSuccess: () => void client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
  const check = useMutation({ mutationFn: () => (resetCheck(), call('store.check', {})) });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
      <Card title="备份">
        <Typography.Paragraph type="secondary">备份文件仍是加密的；写完后会读回校验。建议每天下班前备份到专用 U 盘。</Typography.Paragraph>
        <Form layout="inline" onFinish={(v: { out: string }) => backup.mutate(v.out)}>
          <Form.Item name="out" label="备份到" rules={[{ required: true, message: '请填写备份文件路径' }]} style={{ minWidth: 480 }}>
            <Input placeholder="例如 /media/usb/救助站备份-20261129.jzbak" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={backup.isPending}>开始备份</Button>
        </Form>
        <ProgressLine progress={backupProgress} active={backup.isPending} />
        {backup.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={backup.error.message} />}
        {backup.data && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="backup-done"
            message={`备份完成：${backup.data.file}（${(backup.data.bytes / 1024 / 1024).toFixed(2)} MB）`}
          />
        )}
      </Card>
      <Card title="检查数据">
        <Button onClick={() => check.mutate()} loading={check.isPending}>开始检查</Button>
        <ProgressLine progress={checkProgress} active={check.isPending} />
        {check.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={check.error.message} />}
        {check.data && (
          <Descriptions style={{ marginTop: 12 }} bordered size="small" column={1} data-testid="check-result">
            <Descriptions.Item label="数据库完整性">{check.data.integrity.length === 0 ? '正常' : check.data.integrity.join('；')}</Descriptions.Item>
            <Descriptions.Item label="外键">{check.data.foreignKeyViolations === 0 ? '正常' : `${check.data.foreignKeyViolations} 处错误`}</Descriptions.Item>
            <Descriptions.Item label="审计链">{check.data.audit.ok ? `完整（${check.data.audit.rows} 条）` : `第 ${check.data.audit.firstBad?.seq} 条起被改动`}</Descriptions.Item>
            <Descriptions.Item label="附件">{check.data.attachments.bad.length === 0 ? `${check.data.attachments.checked} 个，全部正常` : `${check.data.attachments.bad.length} 个损坏`}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="从备份恢复">
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="恢复会用备份替换本机全部数据；恢复前会完整校验备份，损坏或不属于本站的备份不会动现有数据。恢复后所有人需重新登录。" />
        <Form
          layout="inline"
          onFinish={(v: { file: string }) =>
            Modal.confirm({ title: '确认从备份恢复？', content: v.file, okText: '恢复', okButtonProps: { danger: true }, cancelText: '取消', onOk: () => restore.mutate(v.file) })
          }
        >
          <Form.Item name="file" label="备份文件" rules={[{ required: true, message: '请填写备份文件路径' }]} style={{ minWidth: 480 }}>
            <Input />
          </Form.Item>
          <Button danger htmlType="submit" loading={restore.isPending}>恢复</Button>
        </Form>
        <ProgressLine progress={restoreProgress} active={restore.isPending} />
        {restore.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={restore.error.message} data-testid="restore-error" />}
      </Card>
    </Space>
  );
}
