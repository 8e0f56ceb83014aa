import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Dropdown, Space } from 'antd';
import { useEffect } from 'react';
import type { SessionInfo } from '../../../common/contract/methods/session';
import { call } from '../api/client';
import { useRefreshSession } from '../session/useSession';

const ROLE_NAMES: Record<string, string> = { clerk: '受理员', caseworker: '经办人', head: '站长', print: '打印岗', admin: '管理员' };

/** Who is logged in, and lock (Ctrl+L) / logout. */
export function UserMenu({ session }: { session: SessionInfo }) {
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
          { key: 'lock', icon: <LockOutlined />, label: '锁屏（Ctrl+L）', onClick: () => lock.mutate() },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => logout.mutate() },
        ],
      }}
    >
      <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
        <Space>
          <UserOutlined />
          {session.displayName}
          <span style={{ opacity: 0.8 }}>{session.roles.map((r) => ROLE_NAMES[r] ?? r).join('、')}</span>
        </Space>
      </Button>
    </Dropdown>
  );
}
