import { frameError } from './frameError';

/** The blocks of a 30 01 / 30 10 answer: text, WLT photo and, for 30 10, fingerprint templates. */
export interface CardPayload {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

const be16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/**
 * 30 01 data: textLen(2) photoLen(2) text photo; 30 10 adds fpLen(2) before the blocks
 * and the fingerprint after the photo. Lengths must add up exactly.
 */
export function parseCardPayload(data: Uint8Array, withFingerprint: boolean): CardPayload {
  const heads = withFingerprint ? 3 : 2;
  if (data.length < heads * 2) throw frameError('payload', { bytes: data.length });
  const textLen = be16(data, 0);
  const photoLen = be16(data, 2);
  const fpLen = withFingerprint ? be16(data, 4) : 0;
  const at = heads * 2;
  if (at + textLen + photoLen + fpLen !== data.length) {
    throw frameError('payload', { bytes: data.length, textLen, photoLen, fpLen });
  }
  const text = data.slice(at, at + textLen);
  const photo = data.slice(at + textLen, at + textLen + photoLen);
  if (!withFingerprint) return { text, photo };
  return { text, photo, fingerprint: data.slice(at + textLen + photoLen) };
}

/**
 * 12 FF data: two 16-bit and three 32-bit little-endian numbers, printed by vendors as
 * 05.01-20120101-0000123456-1234567890.
 */
export function formatSamId(data: Uint8Array): string {
  if (data.length < 16) throw frameError('payload', { bytes: data.length, expected: 16 });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return [
    `${pad(view.getUint16(0, true), 2)}.${pad(view.getUint16(2, true), 2)}`,
    pad(view.getUint32(4, true), 8),
    pad(view.getUint32(8, true), 10),
    pad(view.getUint32(12, true), 10),
  ].join('-');
}
