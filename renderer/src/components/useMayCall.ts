import { METHODS, rolesGrant, type MethodName } from '../../../common/contract/index';
import { useSession } from '../session/useSession';

/**
 * Whether the user's roles grant the permission a method needs (common/contract/permissions.ts):
 * a button that calls it is shown only then, so nobody is offered a step that core would refuse.
 */
export function useMayCall(): (method: MethodName) => boolean {
  const session = useSession();
  const roles = session.data?.roles ?? [];
  return (method) => rolesGrant(roles, METHODS[method].permission);
}
