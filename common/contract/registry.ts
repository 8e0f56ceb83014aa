import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { MethodName } from './names';
import { appInfo } from './methods/app';
import { accountsCreate, accountsDisable, accountsList, accountsResetPassword, accountsSetRoles } from './methods/accounts';
import { auditQuery, auditVerify } from './methods/audit';
import { idNumberCheck } from './methods/idNumber';
import {
  sessionChangePassword,
  sessionCurrent,
  sessionLock,
  sessionLogin,
  sessionLogout,
  sessionTouch,
  sessionUnlock,
  setupInit,
  setupStatus,
} from './methods/session';
import { idcardConfigure, idcardPorts, idcardRead, idcardStatus, idcardWatch } from './methods/idcard';

/**
 * Every method of the API, by name. Shells, the preload and the renderer all derive from this
 * object; a method that is not here cannot be called.
 */
export const METHODS = {
  'app.info': appInfo,
  'idNumber.check': idNumberCheck,
  'setup.status': setupStatus,
  'setup.init': setupInit,
  'session.login': sessionLogin,
  'session.current': sessionCurrent,
  'session.touch': sessionTouch,
  'session.lock': sessionLock,
  'session.unlock': sessionUnlock,
  'session.logout': sessionLogout,
  'session.changePassword': sessionChangePassword,
  'accounts.list': accountsList,
  'accounts.create': accountsCreate,
  'accounts.setRoles': accountsSetRoles,
  'accounts.disable': accountsDisable,
  'accounts.resetPassword': accountsResetPassword,
  'audit.query': auditQuery,
  'audit.verify': auditVerify,
  'idcard.status': idcardStatus,
  'idcard.ports': idcardPorts,
  'idcard.configure': idcardConfigure,
  'idcard.read': idcardRead,
  'idcard.watch': idcardWatch,
} as const satisfies Record<MethodName, MethodSpec>;

export type Methods = typeof METHODS;
export { METHOD_NAMES, isMethodName, type MethodName } from './names';
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: the input after validation, defaults filled in. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
