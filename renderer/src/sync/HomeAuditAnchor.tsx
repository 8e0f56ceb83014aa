import { useQuery } from '@tanstack/react-query';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';
import { AuditAnchorAlert } from './AuditAnchorAlert';
import { SYNC_STATUS_KEY } from './useSync';

/** On the home page, for those who answer for the audit log (站长, 管理员: audit.read): the platform's flags, if any. */
export function HomeAuditAnchor() {
  const session = useSession();
  const allowed = session.data ? rolesGrant(session.data.roles, 'audit.read') : false;
  const status = useQuery({ queryKey: SYNC_STATUS_KEY, queryFn: () => call('sync.status', {}), enabled: allowed, refetchInterval: 60_000 });
  if (!allowed || !status.data) return null;
  return <AuditAnchorAlert anchor={status.data.auditAnchor} />;
}
