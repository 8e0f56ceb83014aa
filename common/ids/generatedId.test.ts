import { describe, expect, it } from 'vitest';
import { GENERATED_ID_PATTERN, idFromBytes, newGeneratedId } from './generatedId';

describe('generated ids', () => {
  it('are a prefix and 26 characters of RFC 4648 base32 in lowercase', () => {
    expect(idFromBytes('win', new TextEncoder().encode('foobarfoobarfoob'))).toBe('win_mzxw6ytbojtg633cmfzgm33pmi');
    expect(idFromBytes('view', new Uint8Array(16))).toBe(`view_${'a'.repeat(26)}`);
    expect(idFromBytes('win', new Uint8Array(32).fill(255))).toBe(`win_${'7'.repeat(25)}4`);
    expect(() => idFromBytes('Win', new Uint8Array(16))).toThrow();
    expect(() => idFromBytes('win', new Uint8Array(8))).toThrow();
  });

  it('are random, unique and of the recognised form', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newGeneratedId('win')));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(id).toMatch(GENERATED_ID_PATTERN);
    // No digit outside 2–7: no room for a mobile number (starts with 1) or a real ID number (0, 1, 9 in its birth year).
    expect([...ids].some((id) => /[0189]/.test(id))).toBe(false);
  });
});
