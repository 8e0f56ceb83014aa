import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

interface Values {
  file: string;
  recoveryCode: string;
  username: string;
  newPassword: string;
}

/** A new or emptied workstation: bring a station's data back from its backup with the recovery code. */
export function RestoreFromBackup({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const restore = useMutation({ mutationFn: (v: Values) => call('setup.restore', v) });
  if (restore.data)
    return (
      <div>
        <Alert
          type="success"
          showIcon
          message={t('session.restore.done', { at: new Date(restore.data.createdAt).toLocaleString('zh-CN') })}
        />
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={t('session.restore.newCode')}
          description={
            <Typography.Paragraph copyable style={{ fontFamily: 'monospace', fontSize: 22 }} data-testid="new-recovery-code" data-verbatim>
              {restore.data.recoveryCode}
            </Typography.Paragraph>
          }
        />
        {restore.data.needPasswordReset.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={t('session.restore.needReset', { names: restore.data.needPasswordReset.join('、') })}
          />
        )}
        <Button type="primary" style={{ marginTop: 16 }} onClick={onDone}>
          {t('session.restore.toLogin')}
        </Button>
      </div>
    );
  return (
    <Form layout="vertical" onFinish={(v: Values) => restore.mutate(v)}>
      {restore.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={restore.error.message} />}
      <Form.Item label={t('session.restore.file')} name="file" rules={[{ required: true, message: t('session.restore.fileMissing') }]}>
        <Input autoFocus placeholder={t('session.restore.fileExample')} data-verbatim />
      </Form.Item>
      <Form.Item
        label={t('session.restore.recoveryCode')}
        name="recoveryCode"
        rules={[{ required: true, message: t('session.restore.recoveryCodeMissing') }]}
      >
        <Input style={{ fontFamily: 'monospace' }} placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX" data-verbatim />
      </Form.Item>
      <Form.Item
        label={t('session.restore.username')}
        name="username"
        rules={[{ required: true, message: t('session.restore.usernameMissing') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('session.restore.newPassword')}
        name="newPassword"
        rules={[{ required: true, message: t('session.restore.newPasswordMissing') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button onClick={onCancel} style={{ marginRight: 8 }}>
        {t('session.restore.back')}
      </Button>
      <Button type="primary" htmlType="submit" loading={restore.isPending}>
        {t('session.restore.submit')}
      </Button>
    </Form>
  );
}
