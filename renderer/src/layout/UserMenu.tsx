import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Dropdown, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../common/contract/methods/session';
import { call } from '../api/client';
import { useRefreshSession } from '../session/useSession';
import { useRoleName } from './roleNames';

/** Who is logged in, and lock (Ctrl+L) / logout. */
export function UserMenu({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  const refresh = useRefreshSession();
  const lock = useMutation({ mutationFn: () => call('session.lock', {}), onSuccess: () => refresh() });
  const logout = useMutation({ mutationFn: () => call('session.logout', {}), onSuccess: () => refresh() });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock.mutate();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'lock', icon: <LockOutlined />, label: t('session.menu.lock'), onClick: () => lock.mutate() },
          { key: 'logout', icon: <LogoutOutlined />, label: t('session.menu.logout'), onClick: () => logout.mutate() },
        ],
      }}
    >
      <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
        <Space>
          <UserOutlined />
          {session.displayName}
          <span style={{ opacity: 0.8 }}>{session.roles.map(roleName).join('、')}</span>
        </Space>
      </Button>
    </Dropdown>
  );
}
