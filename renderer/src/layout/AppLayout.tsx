import { Badge, Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCoreStatus } from '../api/useCoreStatus';
import type { SessionInfo } from '../../../common/contract/methods/session';
import type { AppRoute } from '../routes';
import { StoreDamagedBanner } from './StoreDamagedBanner';
import { UserMenu } from './UserMenu';

/**
 * The frame: title and core status on top, the capability menu on the left, the page beside it. The
 * frame fills the window exactly: the menu and the page scroll inside it, so the window never does.
 */
export function AppLayout({ children, session, routes }: { children: ReactNode; session: SessionInfo; routes: AppRoute[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const status = useCoreStatus();

  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#9f1c1c' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Text style={{ color: '#fde8e8' }}>{t('app.subtitle')}</Typography.Text>
        <span style={{ marginLeft: 'auto' }}>
          <UserMenu session={session} />
        </span>
        <span data-testid="core-status" data-connected={status.connected}>
          <Badge
            status={status.connected ? 'success' : 'warning'}
            text={<span style={{ color: '#fff' }}>{status.connected ? t('home.coreConnected') : t('home.coreDisconnected')}</span>}
          />
        </span>
      </Layout.Header>
      <StoreDamagedBanner />
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider width={200} theme="light" style={{ overflowY: 'auto' }}>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            onClick={({ key }) => navigate(key)}
            items={routes.map((r) => ({ key: r.path, icon: r.icon, label: t(r.label) }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: '16px 24px', overflow: 'auto' }} data-testid="app-content">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
