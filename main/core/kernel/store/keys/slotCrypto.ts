import { createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { open, seal, type Sealed } from './aead';

/**
 * The primitives of a keyring slot (README "Keys"): an X25519 key pair per slot whose private key
 * is sealed under the slot's key-encryption key, and the database key sealed to the slot's public
 * key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM), so a new database key can be given to every
 * slot without anyone's password.
 */

export interface Box extends Sealed {
  /** Which database key this box holds (a random id per key). */
  keyId: string;
  /** base64 raw 32-byte ephemeral public key. */
  epk: string;
}

const b64url = (b: Buffer) => b.toString('base64url');

export function newSlotKeyPair(): { privateKey: KeyObject; pub: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, pub: rawPublic(publicKey).toString('base64') };
}

export function rawPublic(k: KeyObject): Buffer {
  return Buffer.from((k.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
}

export function rawPrivate(k: KeyObject): Buffer {
  return Buffer.from((k.export({ format: 'jwk' }) as { d: string }).d, 'base64url');
}

/** PKCS#8 prefix of a raw X25519 private key (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function privateFromRaw(d: Buffer): KeyObject | null {
  if (d.length !== 32) return null;
  try {
    return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, d]), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

function publicFromRaw(pub: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(Buffer.from(pub, 'base64')) }, format: 'jwk' });
}

/** The public key of a private key, base64 (to check a sealed private key against its slot). */
export function publicOf(privateKey: KeyObject): string {
  return rawPublic(createPublicKey(privateKey)).toString('base64');
}

function boxKey(shared: Buffer, epk: Buffer, pub: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, pub]), `jiuzhu-keyring/v2/box|${context}`, 32));
}

/** Seal `secret` (a database key) to `pub`; `context` names keyring, slot and key id and is authenticated. */
export function sealToPublic(pub: string, secret: Uint8Array, keyId: string, context: string): Box {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(pub) });
  const sealed = seal(boxKey(shared, epk, Buffer.from(pub, 'base64'), `${context}|${keyId}`), secret, `${context}|${keyId}`);
  return { keyId, epk: epk.toString('base64'), ...sealed };
}

/** Open a box with the slot's private key; null when it is not for this key pair or was altered. */
export function openBox(privateKey: KeyObject, box: Box, context: string): Buffer | null {
  try {
    const epk = Buffer.from(box.epk, 'base64');
    if (epk.length !== 32) return null;
    const shared = diffieHellman({ privateKey, publicKey: publicFromRaw(box.epk) });
    const pub = rawPublic(createPublicKey(privateKey));
    return open(boxKey(shared, epk, pub, `${context}|${box.keyId}`), box, `${context}|${box.keyId}`);
  } catch {
    return null;
  }
}

/** KEK of a password slot: scrypt output stretched with the machine secret (HKDF salt), per keyring and slot. */
export function passwordKek(scryptOut: Buffer, machineSecret: Uint8Array, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', scryptOut, machineSecret, `jiuzhu-keyring/v2/password-kek|${context}`, 32));
}

/** KEK of the recovery slot: no machine secret (a recovery works on a new machine). */
export function recoveryKek(scryptOut: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', scryptOut, Buffer.alloc(0), `jiuzhu-keyring/v2/recovery-kek|${context}`, 32));
}

/** Says "this keyring's password slots were made with this machine's secret" without revealing it. */
export function machineCheck(machineSecret: Uint8Array, keyringId: string): string {
  const k = Buffer.from(hkdfSync('sha256', machineSecret, Buffer.alloc(0), 'jiuzhu-keyring/v2/machine-check', 32));
  return createHmac('sha256', k).update(keyringId).digest('hex');
}

/** MAC key of the keyring's authenticated part, from the database key. */
export function keyringMacKey(dbKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'jiuzhu-keyring/v2/mac', 32));
}
