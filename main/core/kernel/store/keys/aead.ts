import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  /** base64 12-byte nonce. */
  nonce: string;
  /** base64 ciphertext followed by the 16-byte GCM tag. */
  ct: string;
}

/** AES-256-GCM with associated data binding the ciphertext to its context. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Sealed {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ct: ct.toString('base64') };
}

/** Returns the plaintext, or null when the key, the AAD or the bytes are wrong. */
export function open(key: Uint8Array, sealed: Sealed, aad: string): Buffer | null {
  const nonce = Buffer.from(sealed.nonce, 'base64');
  const all = Buffer.from(sealed.ct, 'base64');
  if (nonce.length !== 12 || all.length < 16) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce);
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(all.subarray(all.length - 16));
    return Buffer.concat([d.update(all.subarray(0, all.length - 16)), d.final()]);
  } catch {
    return null;
  }
}
