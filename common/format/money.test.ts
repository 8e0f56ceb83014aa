import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan, yuanCapitals, yuanText, MAX_FEN } from './money';

describe('yuanCapitals', () => {
  const table: [number, string][] = [
    [120000, '人民币壹仟贰佰元整'],
    [120050, '人民币壹仟贰佰元伍角'],
    [120005, '人民币壹仟贰佰元零伍分'],
    [120055, '人民币壹仟贰佰元伍角伍分'],
    [5, '人民币伍分'],
    [50, '人民币伍角'],
    [55, '人民币伍角伍分'],
    [0, '人民币零元整'],
    [100, '人民币壹元整'],
    [1000, '人民币壹拾元整'],
    [1_000_500, '人民币壹万零伍元整'],
    [1_010_00, '人民币壹仟零壹拾元整'],
    [10_100_000, '人民币壹拾万壹仟元整'],
    [100_010_000, '人民币壹佰万零壹佰元整'],
    [10_000_000_000, '人民币壹亿元整'],
    [100_000_000, '人民币壹佰万元整'],
    [100_000_100_000, '人民币壹拾亿零壹仟元整'],
    [10_000_000_100, '人民币壹亿零壹元整'],
    [78_050, '人民币柒佰捌拾元伍角'],
    [MAX_FEN, '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ];
  it.each(table)('%i fen → %s', (fen, text) => expect(yuanCapitals(fen)).toBe(text));

  it('can omit the 人民币 prefix', () => expect(yuanCapitals(120000, { prefix: false })).toBe('壹仟贰佰元整'));

  it('refuses fractions of a fen, negatives and unsafe numbers', () => {
    expect(() => yuanCapitals(0.5)).toThrow(RangeError);
    expect(() => yuanCapitals(-1)).toThrow(RangeError);
    expect(() => yuanCapitals(MAX_FEN + 1)).toThrow(RangeError);
  });
});

describe('figures', () => {
  it('prints two decimals from integer fen', () => {
    expect(formatYuan(120000)).toBe('1200.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(yuanText(120050)).toBe('1,200.50元');
  });

  it('parses yuan text without floating point', () => {
    expect(parseYuan('1200')).toBe(120000);
    expect(parseYuan('1,200.5')).toBe(120050);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('0.1')).toBe(10);
    // 0.1 + 0.2 style float drift cannot happen: 19.99 is exactly 1999 fen.
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('1,20')).toBeNull();
  });
});
