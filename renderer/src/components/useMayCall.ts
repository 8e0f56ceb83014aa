import { METHODS, rolesGrant, type MethodName } from '../../../common/contract/index';
import { CASE_STEP_PERMISSION, type CaseStepAction } from '../../../common/contract/methods/cases';
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

/** Whether the user may take a step of `cases.act`: the method's permission and the step's own (the investigation is the caseworker's). */
export function useMayAct(): (action: CaseStepAction) => boolean {
  const session = useSession();
  const roles = session.data?.roles ?? [];
  return (action) => rolesGrant(roles, METHODS['cases.act'].permission) && rolesGrant(roles, CASE_STEP_PERMISSION[action]);
}
