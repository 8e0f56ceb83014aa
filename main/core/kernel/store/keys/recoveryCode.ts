import { randomInt } from 'node:crypto';
import { JiuzhuError } from '../../../../../common/contract/errors';

/**
 * 31 symbols with no look-alikes (no 0/O, 1/I/L): ~4.95 bits each, so 30 symbols carry ~148 bits.
 * Shown once at setup in 6 groups of 5 for reading aloud and printing: "K7QM2-…".
 */
export const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const ALPHABET = RECOVERY_ALPHABET;
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LEN = 5;

export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    let s = '';
    for (let i = 0; i < RECOVERY_GROUP_LEN; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/**
 * Accept what a person types: any case, spaces or dashes between groups. Look-alikes (0, O, 1,
 * I, L) are not in the alphabet and are rejected rather than guessed.
 */
export function normalizeRecoveryCode(input: string): string {
  const s = input.toUpperCase().replace(/[\s\-_]/g, '');
  if (s.length !== RECOVERY_GROUPS * RECOVERY_GROUP_LEN || [...s].some((ch) => !ALPHABET.includes(ch))) {
    throw new JiuzhuError('STORE_BAD_RECOVERY_CODE');
  }
  return s;
}
