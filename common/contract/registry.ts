import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { MethodName } from './names';
import { appMethods } from './methods/app';
import { idNumberMethods } from './methods/idNumber';
import { sessionMethods } from './methods/session';
import { accountsMethods } from './methods/accounts';
import { auditMethods } from './methods/audit';
import { backupMethods } from './methods/backup';
import { idcardMethods } from './methods/idcard';
import { documentsMethods } from './methods/documents/documents';
import { printMethods } from './methods/documents/print';
import { casesMethods } from './methods/cases';
import { syncMethods } from './methods/sync/sync';
import { syncStationMethods } from './methods/sync/syncStation';
import { applicantMethods } from './methods/applicant';
import { visitsMethods } from './methods/afterAcceptance/visits';
import { rosterMethods } from './methods/afterAcceptance/roster';
import { warningsMethods } from './methods/afterAcceptance/warnings';
import { reviewsMethods } from './methods/afterAcceptance/reviews';
import { changesMethods } from './methods/afterAcceptance/changes';
import { reliefMethods } from './methods/afterAcceptance/relief';
import { certificationMethods } from './methods/certification';
import { statsMethods } from './methods/stats';
import { ratingsMethods } from './methods/ratings';
import { diagnosticsMethods } from './methods/diagnostics';
import { updatesMethods } from './methods/updates';
import { rosterImportMethods } from './methods/rosterImport';
import { onlineApplicationsMethods } from './methods/onlineApplications';
import { verificationMethods } from './methods/verification';

/**
 * Every method of the API, by name. Shells, the preload and the renderer all derive from this
 * object; a method that is not here cannot be called. Each capability keeps its methods in
 * methods/<capability>.ts, or one file per method group in methods/<capability>/ (afterAcceptance, documents, sync), and
 * adds its groups here (and its names to names.ts).
 */
export const METHODS = {
  ...appMethods,
  ...idNumberMethods,
  ...sessionMethods,
  ...accountsMethods,
  ...auditMethods,
  ...backupMethods,
  ...idcardMethods,
  ...documentsMethods,
  ...printMethods,
  ...casesMethods,
  ...syncMethods,
  ...syncStationMethods,
  ...applicantMethods,
  ...visitsMethods,
  ...rosterMethods,
  ...warningsMethods,
  ...reviewsMethods,
  ...changesMethods,
  ...reliefMethods,
  ...certificationMethods,
  ...statsMethods,
  ...ratingsMethods,
  ...diagnosticsMethods,
  ...updatesMethods,
  ...rosterImportMethods,
  ...onlineApplicationsMethods,
  ...verificationMethods,
} as const satisfies Record<MethodName, MethodSpec>;

export type Methods = typeof METHODS;
export { METHOD_NAMES, isMethodName, type MethodName } from './names';
/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: the input after validation, defaults filled in. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
