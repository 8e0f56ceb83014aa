import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { SessionInfo } from '../../../common/contract/methods/session';
import { useRefreshSession } from './useSession';

/**
 * Drawn over the app, which stays mounted underneath: the clerk's unsaved form is still there
 * after unlocking. Nothing of the page shows through.
 */
export function LockScreen({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  const unlock = useMutation({ mutationFn: (password: string) => call('session.unlock', { password }), onSuccess: () => refresh() });
  const logout = useMutation({ mutationFn: () => call('session.logout', {}), onSuccess: () => refresh() });
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('session.lock.title')}
      data-testid="lock-screen"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: '#1f2d3d',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div style={{ width: 400, background: '#fff', padding: 32, borderRadius: 8 }}>
        <Typography.Title level={3}>{t('session.lock.title')}</Typography.Title>
        <Typography.Paragraph>
          <Trans
            i18nKey="session.lock.who"
            values={{ name: session.displayName, username: session.username }}
            components={{ user: <span data-verbatim /> }}
          />
        </Typography.Paragraph>
        {unlock.isError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={unlock.error.message} />}
        <Form onFinish={(v: { password: string }) => unlock.mutate(v.password)}>
          <Form.Item name="password" rules={[{ required: true, message: t('session.lock.passwordMissing') }]}>
            <Input.Password size="large" autoFocus aria-label={t('session.lock.password')} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={unlock.isPending}>
            {t('session.lock.unlock')}
          </Button>
        </Form>
        <Button type="link" style={{ marginTop: 8 }} onClick={() => logout.mutate()}>
          {t('session.lock.switchUser')}
        </Button>
      </div>
    </div>
  );
}
