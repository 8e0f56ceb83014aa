import { checkCharacter } from './checksum';
import { PROVINCE_PREFIXES } from './provinces';
import { isoDate, isRealDate } from '../format/dates';

/** Why a number was refused. Each code has a zh-CN message under `idNumber.<code>` in the catalog. */
export type IdNumberProblem =
  'EMPTY' | 'BAD_LENGTH' | 'BAD_CHARACTERS' | 'BAD_CHECKSUM' | 'BAD_BIRTH_DATE' | 'FUTURE_BIRTH_DATE' | 'UNKNOWN_PROVINCE' | 'SEX_MISMATCH';

export type IdNumberKind = 'resident' | 'hkmotw' | 'foreigner2023';
export type Sex = '男' | '女';

export interface IdNumberFacts {
  valid: true;
  kind: IdNumberKind;
  /** The 18-character number, upper-case X. */
  idNumber: string;
  /** The 15-digit number as typed, when it was converted. */
  original?: string;
  birthDate?: string;
  sex?: Sex;
  regionCode?: string;
  province?: string;
}

export interface IdNumberRefusal {
  valid: false;
  problems: IdNumberProblem[];
}

export type IdNumberResult = IdNumberFacts | IdNumberRefusal;

export interface IdNumberCheckOptions {
  /** Today's date as YYYY-MM-DD; birth dates after it are refused. */
  today: string;
  /** The sex printed on the card, when known; a mismatch with the sequence digit is refused. */
  sex?: Sex;
}

const refuse = (...problems: IdNumberProblem[]): IdNumberRefusal => ({ valid: false, problems });

/** Strip the spaces and separators clerks type or paste, and upper-case a trailing x. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s\-‐－]/g, '').toUpperCase();
}

/** Convert a legacy 15-digit number to 18 digits (born 1900–1999, as GB 11643 prescribes). */
export function convert15to18(fifteen: string): string {
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/**
 * GB 11643-1999 check of a resident ID number (18 digits, or a legacy 15-digit one),
 * the HK/Macao/Taiwan residence-permit number (81/82/83 prefix), and the 2023 foreigner
 * permanent residence number (leading 9: checksum only, no region or birth date).
 */
export function checkIdNumber(raw: string, options: IdNumberCheckOptions): IdNumberResult {
  const typed = normalizeIdNumber(raw);
  if (typed.length === 0) return refuse('EMPTY');
  if (!/^(\d{15}|\d{17}[\dX])$/.test(typed)) {
    if (/[^\dX]/.test(typed) || /X./.test(typed)) return refuse('BAD_CHARACTERS');
    return refuse('BAD_LENGTH');
  }
  const converted = typed.length === 15;
  const idNumber = converted ? convert15to18(typed) : typed;
  if (!converted && checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return refuse('BAD_CHECKSUM');

  if (idNumber.startsWith('9')) {
    if (converted) return refuse('BAD_LENGTH');
    return { valid: true, kind: 'foreigner2023', idNumber };
  }

  const problems: IdNumberProblem[] = [];
  const prefix = idNumber.slice(0, 2);
  const province = PROVINCE_PREFIXES[prefix];
  if (!province) problems.push('UNKNOWN_PROVINCE');
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const birthDate = isoDate(y, m, d);
  if (!isRealDate(y, m, d) || y < 1880) problems.push('BAD_BIRTH_DATE');
  else if (birthDate > options.today) problems.push('FUTURE_BIRTH_DATE');
  const sex: Sex = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  if (options.sex && options.sex !== sex) problems.push('SEX_MISMATCH');
  if (problems.length > 0) return refuse(...problems);

  const kind: IdNumberKind = ['81', '82', '83'].includes(prefix) ? 'hkmotw' : 'resident';
  return {
    valid: true,
    kind,
    idNumber,
    ...(converted ? { original: typed } : {}),
    birthDate,
    sex,
    regionCode: idNumber.slice(0, 6),
    province,
  };
}
