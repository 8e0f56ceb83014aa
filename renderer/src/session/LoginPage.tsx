import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useRefreshSession } from './useSession';

/** Login: user name and password; five failures lock the account for a while (core decides). */
export function LoginPage() {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) => call('session.login', values),
    onSuccess: () => refresh(),
  });
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('session.login.subtitle')}
        </Typography.Paragraph>
        {login.isError && (
          <Alert style={{ marginBottom: 16 }} type="error" showIcon message={login.error.message} data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item
            label={t('session.login.username')}
            name="username"
            rules={[{ required: true, message: t('session.login.usernameMissing') }]}
          >
            <Input size="large" autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('session.login.password')}
            name="password"
            rules={[{ required: true, message: t('session.login.passwordMissing') }]}
          >
            <Input.Password size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('session.login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
