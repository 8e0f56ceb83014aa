import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { DiagnosticsCard } from '../diagnostics/DiagnosticsCard';
import { SESSION_KEY } from '../session/useSession';
import { useTaskProgress, type TaskProgress } from './useTaskProgress';

function ProgressLine({ progress, active }: { progress: TaskProgress | null; active: boolean }) {
  const { t } = useTranslation();
  if (!active || !progress) return null;
  return (
    <div data-testid="task-progress">
      <Progress percent={Math.round(progress.fraction * 100)} status="active" />
      <Typography.Text type="secondary">
        {t([`backup.phases.${progress.phase}`, 'backup.phases.write'] as unknown as 'backup.phases.write')}
      </Typography.Text>
    </div>
  );
}

/** Backup to a file (a USB stick), restore from one, and the store check — with progress. */
export function BackupPage() {
  const { t } = useTranslation();
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
      <Card title={t('backup.title')}>
        <Typography.Paragraph type="secondary">{t('backup.help')}</Typography.Paragraph>
        <Form layout="inline" onFinish={(v: { out: string }) => backup.mutate(v.out)}>
          <Form.Item
            name="out"
            label={t('backup.to')}
            rules={[{ required: true, message: t('backup.fileMissing') }]}
            style={{ minWidth: 480 }}
          >
            <Input placeholder={t('backup.toExample')} data-verbatim />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={backup.isPending}>
            {t('backup.start')}
          </Button>
        </Form>
        <ProgressLine progress={backupProgress} active={backup.isPending} />
        {backup.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={backup.error.message} />}
        {backup.data && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="backup-done"
            message={
              <span data-verbatim>{t('backup.done', { file: backup.data.file, size: (backup.data.bytes / 1024 / 1024).toFixed(2) })}</span>
            }
          />
        )}
      </Card>
      <Card title={t('backup.checkTitle')}>
        <Button onClick={() => check.mutate()} loading={check.isPending}>
          {t('backup.checkStart')}
        </Button>
        <ProgressLine progress={checkProgress} active={check.isPending} />
        {check.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={check.error.message} />}
        {check.data && (
          <Descriptions style={{ marginTop: 12 }} bordered size="small" column={1} data-testid="check-result">
            <Descriptions.Item label={t('backup.integrity')}>
              {check.data.integrity.length === 0 ? t('backup.fine') : <span data-verbatim>{check.data.integrity.join('；')}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.foreignKeys')}>
              {check.data.foreignKeyViolations === 0
                ? t('backup.fine')
                : t('backup.foreignKeyErrors', { count: check.data.foreignKeyViolations })}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.auditChain')}>
              {check.data.audit.ok
                ? t('backup.auditIntact', { rows: check.data.audit.rows })
                : t('backup.auditBroken', { seq: check.data.audit.firstBad?.seq })}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.attachments')}>
              {check.data.attachments.bad.length === 0
                ? t('backup.attachmentsFine', { count: check.data.attachments.checked })
                : t('backup.attachmentsBad', { count: check.data.attachments.bad.length })}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={t('backup.restoreTitle')}>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('backup.restoreWarning')} />
        <Form
          layout="inline"
          onFinish={(v: { file: string }) =>
            Modal.confirm({
              title: t('backup.restoreConfirm'),
              content: <span data-verbatim>{v.file}</span>,
              okText: t('backup.restore'),
              okButtonProps: { danger: true },
              cancelText: t('backup.cancel'),
              onOk: () => restore.mutate(v.file),
            })
          }
        >
          <Form.Item
            name="file"
            label={t('backup.file')}
            rules={[{ required: true, message: t('backup.fileMissing') }]}
            style={{ minWidth: 480 }}
          >
            <Input data-verbatim />
          </Form.Item>
          <Button danger htmlType="submit" loading={restore.isPending}>
            {t('backup.restore')}
          </Button>
        </Form>
        <ProgressLine progress={restoreProgress} active={restore.isPending} />
        {restore.isError && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon message={restore.error.message} data-testid="restore-error" />
        )}
      </Card>
      <DiagnosticsCard />
    </Space>
  );
}
