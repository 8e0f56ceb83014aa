/**
 * Identifiers the system makes for things that are not records (windows, views): a short lowercase
 * prefix naming the kind, an underscore, and 26 characters of RFC 4648 base32 in lowercase
 * (a–z, 2–7) — 130 bits, e.g. `win_k3fzq7…`.
 *
 * The alphabet has no 0, 1, 8 or 9, so an id of this form can never hold a mobile number (they start
 * with 1) or a real ID number (its birth year, 19xx or 20xx, needs a 0, 1 or 9); the audit log's
 * personal-data guard accepts the form for that reason (main/core/kernel/audit/personalData.ts). A random
 * UUID or hex digest, by contrast, has long digit runs often enough to look like one.
 */
export const GENERATED_ID_PATTERN = /^[a-z]{2,12}_[a-z2-7]{26}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const PREFIX = /^[a-z]{2,12}$/;

/** The id of the given kind for 16 bytes (random for a new id; a digest to map another id onto this form). */
export function idFromBytes(prefix: string, bytes: Uint8Array): string {
  if (!PREFIX.test(prefix)) throw new Error(`bad id prefix ${prefix}`);
  if (bytes.length < 16) throw new Error('an id needs 16 bytes');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes.subarray(0, 16)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return `${prefix}_${out}`;
}

/** A new random id of the given kind (Web Crypto: the same in Node and in the page). */
export function newGeneratedId(prefix: string): string {
  return idFromBytes(prefix, globalThis.crypto.getRandomValues(new Uint8Array(16)));
}
