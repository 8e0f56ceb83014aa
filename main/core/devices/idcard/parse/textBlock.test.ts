import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { NATIONS, nationName } from '../../../../../common/idcard/nations';
import { CARD_MAKERS, TextBlockWriter, makeIdNumber, residentCard, type FixtureCardType } from '../../../../../tools/samEmulator/index';
import { parseAppendedAddress } from './appendedAddress';
import { parseTextBlock } from './textBlock';

const today = '2026-06-01';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(JiuzhuError);
    return (e as JiuzhuError).code;
  }
  throw new Error('did not throw');
}

/** A resident block with one field replaced. */
function residentWith(offset: number, width: number, value: string): Uint8Array {
  const block = residentCard({ seed: 3 }).text.slice();
  const patch = new TextBlockWriter().put(offset, width, value).bytes;
  block.set(patch.subarray(offset, offset + width), offset);
  return block;
}

describe('GB 3304 nation map', () => {
  it('has the 56 nations plus 97 and 98, keyed by code', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(nationName('31')).toBe('达斡尔');
    expect(nationName('46')).toBe('德昂');
    expect(nationName('97')).toBe('其他');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('57')).toBeUndefined();
    expect(nationName('constructor')).toBeUndefined();
  });
});

describe('text block parsers', () => {
  it.each(Object.keys(CARD_MAKERS) as FixtureCardType[])('parses a %s block into exactly the expected fields', (type) => {
    for (const seed of [1, 2, 3, 7, 12]) {
      const card = CARD_MAKERS[type]({ seed });
      expect(parseTextBlock(card.text, { today })).toEqual(card.expected);
    }
  });

  it('resident: every nation code, including 31, 46, 97 and 98', () => {
    for (const [code, name] of Object.entries(NATIONS)) {
      expect(parseTextBlock(residentWith(32, 4, code), { today })).toMatchObject({ nation: name, nationCode: code });
    }
  });

  it('resident: raw bytes decode as UCS-2LE with padding trimmed', () => {
    const block = residentWith(0, 30, '欧阳娜娜');
    expect(block[0]).toBe(0x27); // 欧 = U+6B27
    expect(block[1]).toBe(0x6b);
    expect(block[8]).toBe(0x20);
    expect(parseTextBlock(block, { today }).name).toBe('欧阳娜娜');
  });

  it('长期 is kept as the word', () => {
    expect(parseTextBlock(residentWith(204, 16, '长期'), { today }).validUntil).toBe('长期');
  });

  it.each([
    ['a block of the wrong size', () => parseTextBlock(new Uint8Array(255), { today }), 'IDCARD_BAD_TEXT_BLOCK'],
    ['an unknown type flag', () => parseTextBlock(residentWith(248, 2, 'Q'), { today }), 'IDCARD_UNKNOWN_CARD_TYPE'],
    ['sex code 9', () => parseTextBlock(residentWith(30, 2, '9'), { today }), 'IDCARD_BAD_FIELD'],
    ['nation code 57', () => parseTextBlock(residentWith(32, 4, '57'), { today }), 'IDCARD_BAD_FIELD'],
    ['an impossible validity date', () => parseTextBlock(residentWith(188, 16, '20150231'), { today }), 'IDCARD_BAD_FIELD'],
    ['a birth date that disagrees with the number', () => parseTextBlock(residentWith(36, 16, '19000101'), { today }), 'IDCARD_BAD_FIELD'],
    [
      'a wrong check digit',
      () => {
        const id = residentCard({ seed: 3 }).expected.idNumber;
        const broken = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
        return parseTextBlock(residentWith(122, 36, broken), { today });
      },
      'IDCARD_BAD_ID_NUMBER',
    ],
    ['a blank name', () => parseTextBlock(residentWith(0, 30, ''), { today }), 'IDCARD_BAD_FIELD'],
    ['control characters in the address', () => parseTextBlock(residentWith(52, 70, '北京\u0001'), { today }), 'IDCARD_BAD_FIELD'],
  ])('refuses %s with a typed error', (_what, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('a sex that contradicts the number is refused (GB 11643 sequence digit)', () => {
    const card = residentCard({ seed: 3 });
    const flipped = card.expected.sex === '男' ? '2' : '1';
    const e = (() => {
      try {
        parseTextBlock(residentWith(30, 2, flipped), { today });
      } catch (err) {
        return err as JiuzhuError;
      }
      throw new Error('accepted');
    })();
    expect(e.code).toBe('IDCARD_BAD_ID_NUMBER');
    expect(e.message).toContain('性别');
  });

  it('a birth date after today is refused', () => {
    const id = makeIdNumber('110101', '20300101', 12, true);
    const block = residentWith(122, 36, id);
    block.set(new TextBlockWriter().put(36, 16, '20300101').bytes.subarray(36, 52), 36);
    block.set(new TextBlockWriter().put(30, 2, '1').bytes.subarray(30, 32), 30);
    expect(codeOf(() => parseTextBlock(block, { today }))).toBe('IDCARD_BAD_FIELD');
    expect(() => parseTextBlock(block, { today })).toThrow(/出生日期/);
  });

  it('foreigner 2017: a malformed card number is refused', () => {
    const block = CARD_MAKERS.foreigner2017().text.slice();
    block.set(new TextBlockWriter().put(122, 30, 'US1234').bytes.subarray(122, 152), 122);
    expect(codeOf(() => parseTextBlock(block, { today }))).toBe('IDCARD_BAD_FIELD');
  });

  it('foreigner 2023: the English name joins its two parts', () => {
    const card = CARD_MAKERS.foreigner2023({ seed: 4 });
    expect(card.expected.englishName!.length).toBeGreaterThan(35);
    expect(parseTextBlock(card.text, { today }).englishName).toBe(card.expected.englishName);
  });

  it('appended address: decoded and trimmed; blank is absent; odd length refused', () => {
    const bytes = new TextBlockWriter().put(0, 70, '重庆市綦江区新址路8号').bytes.slice(0, 70);
    expect(parseAppendedAddress(bytes)).toBe('重庆市綦江区新址路8号');
    expect(parseAppendedAddress(new TextBlockWriter().bytes.slice(0, 70))).toBeUndefined();
    expect(codeOf(() => parseAppendedAddress(new Uint8Array(71)))).toBe('IDCARD_BAD_TEXT_BLOCK');
  });
});
