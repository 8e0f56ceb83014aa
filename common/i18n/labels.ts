import { translate, type MessageKey } from './translate';

/** The catalog's word for `value` under `section`, or `fallback` when this version has none: never the code itself. */
function wordFor(section: string, value: string, fallback: MessageKey): string {
  const key = `${section}.${value}`;
  const word = /^[\w-]+(\.[\w-]+)*$/.test(value) ? translate(key as MessageKey) : key;
  return word === key ? translate(fallback) : word;
}

/** A sync record kind (`case.upsert`) in words: 案件登记与办理. */
export const recordKindLabel = (kind: string): string => wordFor('recordKinds', kind, 'recordKinds.other');

/** A notice or document kind (`visit-form`) in words: 入户调查表. */
export const noticeKindLabel = (kind: string): string => wordFor('documents.kinds', kind, 'kindFallback.notice');

/** A face capture verdict (`review`) in words: 需人工复核. */
export const faceVerdictLabel = (verdict: string): string =>
  verdict === 'notApplicable' ? translate('capture.face.notApplicable') : wordFor('capture.face.verdict', verdict, 'kindFallback.verdict');

/** An audit action (`auth.login`) in words; an action this version does not know reads 其他操作. */
export const auditActionLabel = (action: string): string => wordFor('audit.actions', action, 'audit.otherAction');

/** The type of an audit row's target (`case`) in words. */
export const auditTargetLabel = (type: string): string => wordFor('audit.targetTypes', type, 'audit.targetTypes.other');

/** A permission (`case.casework`) in words, as a refused call names it. */
export const permissionLabel = (permission: string): string => wordFor('permissions', permission, 'permissions.other');
