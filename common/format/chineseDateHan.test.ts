import { describe, expect, it } from 'vitest';
import { chineseDateHan, chineseDateTime, chineseMonth, formatChineseDate } from './chineseDateHan';

describe('Chinese dates', () => {
  it('writes the 〇 form', () => {
    expect(chineseDateHan('2026-11-29')).toBe('二〇二六年十一月二十九日');
    expect(chineseDateHan('2020-01-01')).toBe('二〇二〇年一月一日');
    expect(chineseDateHan('2026-10-10')).toBe('二〇二六年十月十日');
    expect(chineseDateHan('2026-12-20')).toBe('二〇二六年十二月二十日');
    expect(chineseDateHan('2026-03-31')).toBe('二〇二六年三月三十一日');
  });
  it('follows the county style', () => {
    expect(formatChineseDate('2026-11-29', 'arabic')).toBe('2026年11月29日');
    expect(formatChineseDate('2026-11-29', 'han')).toBe('二〇二六年十一月二十九日');
    expect(chineseMonth('2026-12')).toBe('2026年12月');
    expect(chineseMonth('2026-12', 'han')).toBe('二〇二六年十二月');
    expect(chineseDateTime('2026-11-29T09:05:00')).toBe('2026年11月29日 09:05');
  });
  it('refuses malformed input', () => expect(() => chineseDateHan('29/11/2026')).toThrow(RangeError));
});
