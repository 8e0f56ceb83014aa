import { describe, expect, it } from 'vitest';
import { checkCharacter } from './checksum';
import { checkIdNumber, convert15to18 } from './check';

const today = '2026-11-29';
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('GB 11643 check character', () => {
  it('matches the standard examples', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });
  it('covers every remainder, including X and 0', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(checkCharacter(`5001101990010${String(seq).padStart(3, '0')}1`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid resident number and reads its facts', () => {
    expect(checkIdNumber('11010519491231002X', { today })).toEqual({
      valid: true,
      kind: 'resident',
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '女',
      regionCode: '110105',
      province: '北京市',
    });
  });
  it('upper-cases a trailing x and ignores spaces', () => {
    const r = checkIdNumber(' 110105 19491231 002x ', { today });
    expect(r.valid && r.idNumber).toBe('11010519491231002X');
  });
  it('refuses a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', { today })).toEqual({ valid: false, problems: ['BAD_CHECKSUM'] });
  });
  it('refuses lengths and characters', () => {
    expect(checkIdNumber('', { today })).toEqual({ valid: false, problems: ['EMPTY'] });
    expect(checkIdNumber('1234', { today })).toEqual({ valid: false, problems: ['BAD_LENGTH'] });
    expect(checkIdNumber('11010519491231002XX', { today })).toEqual({ valid: false, problems: ['BAD_CHARACTERS'] });
    expect(checkIdNumber('1101051949123100A2', { today })).toEqual({ valid: false, problems: ['BAD_CHARACTERS'] });
  });
  it('refuses impossible and future birth dates even with a correct check character', () => {
    expect(checkIdNumber(withCheck('11010520230229001'), { today })).toEqual({ valid: false, problems: ['BAD_BIRTH_DATE'] });
    expect(checkIdNumber(withCheck('11010520240229001'), { today }).valid).toBe(true);
    expect(checkIdNumber(withCheck('11010520261130001'), { today })).toEqual({ valid: false, problems: ['FUTURE_BIRTH_DATE'] });
    expect(checkIdNumber(withCheck('11010520261129001'), { today }).valid).toBe(true);
  });
  it('refuses an unknown province prefix', () => {
    expect(checkIdNumber(withCheck('00010519800101001'), { today })).toEqual({ valid: false, problems: ['UNKNOWN_PROVINCE'] });
    expect(checkIdNumber(withCheck('10010519800101001'), { today })).toEqual({ valid: false, problems: ['UNKNOWN_PROVINCE'] });
  });
  it('reads sex from the sequence digit and catches a mismatch with the card', () => {
    const male = withCheck('50011019800101003');
    expect(checkIdNumber(male, { today, sex: '男' }).valid).toBe(true);
    expect(checkIdNumber(male, { today, sex: '女' })).toEqual({ valid: false, problems: ['SEX_MISMATCH'] });
  });
  it('converts a 15-digit number to 18 and keeps the original', () => {
    const r = checkIdNumber('110105491231002', { today });
    expect(r).toMatchObject({ valid: true, idNumber: '11010519491231002X', original: '110105491231002', birthDate: '1949-12-31' });
    expect(convert15to18('440524800101001')).toBe('440524198001010013');
  });
  it('knows the HK/Macao/Taiwan residence permit prefixes', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      const r = checkIdNumber(withCheck(`${prefix}19900101002`), { today });
      expect(r).toMatchObject({ valid: true, kind: 'hkmotw' });
    }
  });
  it('checks the 2023 foreigner number by checksum only', () => {
    const n = withCheck('93115619900101001');
    expect(checkIdNumber(n, { today })).toEqual({ valid: true, kind: 'foreigner2023', idNumber: n });
    const wrong = n.slice(0, 17) + (n[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrong, { today })).toEqual({ valid: false, problems: ['BAD_CHECKSUM'] });
  });
});
