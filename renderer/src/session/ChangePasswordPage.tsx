import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ConfirmPasswordItem } from './ConfirmPasswordItem';
import { useRefreshSession } from './useSession';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Shown when the admin has set a temporary password: it must be replaced before any work. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const change = useMutation({
    mutationFn: (v: Values) => call('session.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onSuccess: () => refresh(),
  });
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Card style={{ width: 460 }} title={t('session.password.title')}>
        {forced && <Typography.Paragraph>{t('session.password.forced')}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('session.password.rules')}</Typography.Paragraph>
        {change.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={change.error.message} />}
        <Form layout="vertical" onFinish={(v: Values) => change.mutate(v)}>
          <Form.Item
            label={t('session.password.old')}
            name="oldPassword"
            rules={[{ required: true, message: t('session.password.oldMissing') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('session.password.new')}
            name="newPassword"
            rules={[
              { required: true, message: t('session.password.newMissing') },
              { min: 10, message: t('session.password.newTooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ConfirmPasswordItem of="newPassword" label={t('session.password.again')} />
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('session.password.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
