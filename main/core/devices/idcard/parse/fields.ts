import { JiuzhuError } from '../../../../../common/contract/errors';
import { isoDate, isRealDate } from '../../../../../common/format/dates';
import { nationName } from '../../../../../common/idcard/nations';

/** A field that cannot be what the card claims: never half-fill a form with it. */
export function badField(field: string, value: string): JiuzhuError {
  const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
  return new JiuzhuError('IDCARD_BAD_FIELD', { field, value: shown || '空' }, { field });
}

/** YYYYMMDD → YYYY-MM-DD, refusing dates that do not exist. */
export function cardDate(raw: string, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) throw badField(field, raw);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d) || y < 1880) throw badField(field, raw);
  return isoDate(y, mo, d);
}

/** Validity end: a date, or 长期 kept as the word the card carries. */
export function cardValidUntil(raw: string, field: string): string {
  return raw === '长期' ? '长期' : cardDate(raw, field);
}

/** GB/T 2261.1: 1 男, 2 女. 0 (unknown) and 9 (unspecified) never appear on an issued card. */
export function cardSex(raw: string): '男' | '女' {
  if (raw === '1') return '男';
  if (raw === '2') return '女';
  throw badField('性别', raw);
}

/** GB 3304 code → name, refusing codes outside the standard. */
export function cardNation(raw: string): { nation: string; nationCode: string } {
  const nation = /^\d{2}$/.test(raw) ? nationName(raw) : undefined;
  if (!nation) throw badField('民族', raw);
  return { nation, nationCode: raw };
}

/** A required text field: present and free of control characters. */
export function cardText(raw: string, field: string): string {
  if (raw.length === 0 || /[\u0000-\u001f\u007f\ufffd]/.test(raw)) throw badField(field, raw);
  return raw;
}

/** An optional text field: undefined when blank, refused when it holds control characters. */
export function optionalText(raw: string, field: string): string | undefined {
  return raw.length === 0 ? undefined : cardText(raw, field);
}
