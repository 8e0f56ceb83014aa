/**
 * Dates in the Chinese-numeral form some counties print on official documents:
 * 2026-11-29 → 二〇二六年十一月二十九日. The Arabic form (2026年11月29日) is `chineseDate` in dates.ts.
 */
import { z } from 'zod';
import { chineseDate } from './dates';

const DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..31 → 一 … 十 … 十九, 二十, 二十一 … 三十一 */
function smallNumber(n: number): string {
  if (n < 10) return DIGIT[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGIT[tens]}十${ones === 0 ? '' : DIGIT[ones]}`;
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 2026-11-29 → 二〇二六年十一月二十九日 */
export function chineseDateHan(iso: string): string {
  const [y, m, d] = parts(iso);
  const year = String(y)
    .split('')
    .map((c) => DIGIT[Number(c)])
    .join('');
  return `${year}年${smallNumber(m)}月${smallNumber(d)}日`;
}

/** 2026-12 (or 2026-12-01) → 2026年12月 / 二〇二六年十二月 */
export function chineseMonth(isoMonth: string, style: DateStyle = 'arabic'): string {
  const m = /^(\d{4})-(\d{2})/.exec(isoMonth);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${isoMonth}`);
  if (style === 'arabic') return `${Number(m[1])}年${Number(m[2])}月`;
  return chineseDateHan(`${m[1]}-${m[2]}-01`).replace(/[一二三四五六七八九十]+日$/, '');
}

/** The county's choice between 二〇二六年十一月二十九日 ('han') and 2026年11月29日 ('arabic'). */
export const dateStyleSchema = z.enum(['han', 'arabic']);
export type DateStyle = z.infer<typeof dateStyleSchema>;

export function formatChineseDate(iso: string, style: DateStyle): string {
  return style === 'han' ? chineseDateHan(iso) : chineseDate(iso.slice(0, 10));
}

/** 2026-11-29T09:05 (local wall time as written) → 2026年11月29日 09:05 */
export function chineseDateTime(isoDateTime: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(isoDateTime);
  if (!m) throw new RangeError(`not a date-time: ${isoDateTime}`);
  return `${chineseDate(m[1]!)} ${m[2]}:${m[3]}`;
}
