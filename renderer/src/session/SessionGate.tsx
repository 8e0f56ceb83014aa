import { Spin } from 'antd';
import type { ReactNode } from 'react';
import type { SessionInfo } from '../../../common/contract/methods/session';
import { ChangePasswordPage } from './ChangePasswordPage';
import { LockScreen } from './LockScreen';
import { LoginPage } from './LoginPage';
import { SetupWizard } from './SetupWizard';
import { useActivityHeartbeat } from './useActivity';
import { useSession, useSetupStatus } from './useSession';

/**
 * What a window shows before work can start: setup on a new station, then login, then a forced
 * password change. A lock draws over the app without unmounting it, so unsaved work survives.
 */
export function SessionGate({ children }: { children: (session: SessionInfo) => ReactNode }) {
  const setup = useSetupStatus();
  const session = useSession();
  useActivityHeartbeat(Boolean(session.data && !session.data.locked));

  if (setup.isPending || session.isPending) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (setup.isError) return <div style={{ padding: 48 }}>{setup.error.message}</div>;
  if (!setup.data.initialized) return <SetupWizard />;
  const current = session.data;
  if (!current) return <LoginPage />;
  if (current.mustChangePassword) return <ChangePasswordPage forced />;
  return (
    <>
      {children(current)}
      {current.locked && <LockScreen session={current} />}
    </>
  );
}
