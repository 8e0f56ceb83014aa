import { JiuzhuError } from '../../../common/contract/errors';

const HAN = /\p{Script=Han}/u;
const ID_NUMBER_LIKE = /\d{14}[\dXx]|\d{17}[\dXx]/;
const PHONE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/**
 * Audit rows carry ids and codes, never personal data. This is a guard against mistakes:
 * refuse Chinese characters (names, addresses), ID-number-like and mobile-number-like strings.
 */
export function assertNoPersonalData(field: string, value: unknown): void {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value !== 'string') throw new JiuzhuError('AUDIT_PERSONAL_DATA', { field });
  if (HAN.test(value) || ID_NUMBER_LIKE.test(value) || PHONE_LIKE.test(value)) throw new JiuzhuError('AUDIT_PERSONAL_DATA', { field });
}
