import { JiuzhuError } from '../../../../common/contract/errors';
import { GENERATED_ID_PATTERN } from '../../../../common/ids/generatedId';

const HAN = /\p{Script=Han}/u;
const ID_NUMBER_LIKE = /\d{14}[\dXx]|\d{17}[\dXx]/;
const PHONE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/**
 * Identifiers the system makes (random UUIDs, SHA-256 digests) are ids whatever digits they happen
 * to contain: about one random UUID in a few thousand has an 11-digit run that looks like a mobile
 * number, and one SHA-256 hex in twenty an ID-number-like run. Window and view ids have the
 * generated-id form (common/ids/generatedId.ts), which cannot hold a phone or ID number at all.
 */
const GENERATED_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64})$/;

const GENERATED_ID_RUN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}/g;

/**
 * Audit rows carry ids and codes, never personal data. This is a guard against mistakes:
 * refuse Chinese characters (names, addresses), ID-number-like and mobile-number-like strings.
 * An id made of a generated id and a prefix or suffix (`import:<uuid>`, `status-<uuid>-3`) is
 * checked with its generated part set aside, so the part's digits cannot make it look like a phone.
 */
export function assertNoPersonalData(field: string, value: unknown): void {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value !== 'string') throw new JiuzhuError('AUDIT_PERSONAL_DATA', { field });
  if (GENERATED_ID.test(value) || GENERATED_ID_PATTERN.test(value)) return;
  const rest = value.replace(GENERATED_ID_RUN, ' ');
  if (HAN.test(rest) || ID_NUMBER_LIKE.test(rest) || PHONE_LIKE.test(rest)) throw new JiuzhuError('AUDIT_PERSONAL_DATA', { field });
}

const HAN_RUN = /\p{Script=Han}+/gu;
const ID_NUMBER_RUN = /\d{17}[\dXx]|\d{14}[\dXx]/g;
const PHONE_RUN = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * The same guard for free text that must not be refused (log lines, error messages, stacks): what
 * the audit guard would refuse is replaced by a marker instead — Chinese text (names, addresses,
 * the message of a JiuzhuError), ID-number-like and mobile-number-like runs. Generated ids (UUIDs,
 * digests) are kept whole, as the audit guard accepts them.
 */
export function redactPersonalData(text: string): string {
  const kept: string[] = [];
  const held = text.replace(GENERATED_ID_RUN, (id) => `\u0000${kept.push(id) - 1}\u0000`);
  return held
    .replace(HAN_RUN, '[han]')
    .replace(ID_NUMBER_RUN, '[id-number]')
    .replace(PHONE_RUN, '[mobile]')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}
