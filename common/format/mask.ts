/**
 * Masking of personal data on anything a third party sees (社会救助暂行办法 art. 61): ID numbers as
 * 500110********1234, names as the county chooses (王*文 by default), phones as 138****5678.
 * Pure string functions; they work on code points, so a rare character outside the BMP counts as one.
 */
import { z } from 'zod';

/**
 * How a county masks names on public copies:
 * - `keep-first-last`: 王*文, 欧阳**华; two characters → 王*
 * - `surname-only`: 王**, 欧***
 * - `none`: the name as written (where the county publishes full names, e.g. 公示 lists)
 */
export const nameMaskPolicySchema = z.enum(['keep-first-last', 'surname-only', 'none']);
export type NameMaskPolicy = z.infer<typeof nameMaskPolicySchema>;

export function maskName(name: string, policy: NameMaskPolicy = 'keep-first-last'): string {
  const chars = Array.from(name.trim());
  if (policy === 'none' || chars.length === 0) return name.trim();
  if (chars.length === 1) return chars[0]!;
  if (policy === 'surname-only' || chars.length === 2) return chars[0]! + '*'.repeat(chars.length - 1);
  return chars[0]! + '*'.repeat(chars.length - 2) + chars[chars.length - 1]!;
}

/** 18-digit 500110199001011234 → 500110********1234; 15-digit → first 6, last 3; anything else: keep the last 4. */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length === 18) return `${s.slice(0, 6)}${'*'.repeat(8)}${s.slice(14)}`;
  if (s.length === 15) return `${s.slice(0, 6)}${'*'.repeat(6)}${s.slice(12)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 4) + s.slice(-4);
}

/** 13812345678 → 138****5678; landlines keep the area code and the last 2 digits: 023-6****78. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const digits = s.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const m = /^(0\d{2,3})-?(\d{5,8})$/.exec(s);
  if (m) return `${m[1]}-${m[2]!.slice(0, 1)}${'*'.repeat(m[2]!.length - 3)}${m[2]!.slice(-2)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/**
 * Addresses keep the administrative part up to and including the first 村/社区/居委会/街道/镇/乡
 * (at most `keep` characters otherwise) and hide the rest: 重庆市渝北区龙溪街道**** .
 */
export function maskAddress(address: string, keep = 9): string {
  const chars = Array.from(address.trim());
  const text = chars.join('');
  const m = /^(.*?(?:社区|村|居委会|街道|镇|乡))/u.exec(text);
  const head = m ? Array.from(m[1]!) : chars.slice(0, keep);
  if (head.length >= chars.length) return text;
  return head.join('') + '****';
}

/**
 * The applicant screen (facing the counter's waiting area) keeps less: the province/city digits and
 * the last 4 of an 18-digit number, 5001**********1234; anything shorter (still being typed) shows nothing.
 */
export function maskIdNumberForScreen(id: string): string | undefined {
  const s = id.trim().toUpperCase();
  return /^[0-9]{17}[0-9X]$/.test(s) ? `${s.slice(0, 4)}${'*'.repeat(10)}${s.slice(14)}` : undefined;
}

/** Every 18-character ID number in a text (a statement shown to the applicant) masked as on the applicant screen. */
export const maskIdNumbersInText = (text: string): string =>
  text.replace(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])/g, (id) => maskIdNumberForScreen(id) ?? id);
