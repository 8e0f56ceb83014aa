import { sm2 } from 'sm-crypto-v2';
import { sm3 } from './sm3';

/** The default distinguishing identifier of GM/T 0009-2012 §10 (ASCII), used in every Z value here. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';
export const SM2_PUBLIC_KEY_BYTES = 65;
export const SM2_PRIVATE_KEY_BYTES = 32;
export const SM2_SIGNATURE_BYTES = 64;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A public key is the uncompressed point 04 ‖ x ‖ y (65 bytes) on the SM2 curve (GB/T 32918.5). */
export function sm2PublicKeyValid(publicKey: Uint8Array): boolean {
  if (publicKey.length !== SM2_PUBLIC_KEY_BYTES || publicKey[0] !== 4) return false;
  try {
    return sm2.verifyPublicKey(hex(publicKey));
  } catch {
    return false;
  }
}

function checkPublicKey(publicKey: Uint8Array): void {
  if (!sm2PublicKeyValid(publicKey)) throw new Error('not an SM2 public key (65-byte uncompressed point on the curve)');
}

function checkPrivateKey(privateKey: Uint8Array): void {
  if (privateKey.length !== SM2_PRIVATE_KEY_BYTES) throw new Error('an SM2 private key is 32 bytes');
}

/** n − 1: a valid scalar of the curve, but not an SM2 private key ((1 + d)⁻¹ mod n must exist). */
const N_MINUS_1 = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122';

/** A fresh key pair: d in [1, n − 2] from the platform CSPRNG (GB/T 32918.1 §6.1), P = [d]G. */
export function sm2GenerateKeyPair(): { privateKey: Buffer; publicKey: Buffer } {
  for (;;) {
    const pair = sm2.generateKeyPairHex();
    const d = pair.privateKey.padStart(64, '0').toLowerCase();
    if (d !== N_MINUS_1) return { privateKey: Buffer.from(d, 'hex'), publicKey: Buffer.from(pair.publicKey, 'hex') };
  }
}

export const sm2PublicKeyOf = (privateKey: Uint8Array): Buffer => {
  checkPrivateKey(privateKey);
  return Buffer.from(sm2.getPublicKeyFromPrivateKey(hex(privateKey)), 'hex');
};

/**
 * Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5), ENTL the bit length of ID
 * as two bytes big-endian.
 */
export function sm2Z(publicKey: Uint8Array, userId = SM2_DEFAULT_USER_ID): Buffer {
  checkPublicKey(publicKey);
  return Buffer.from(sm2.getZ(hex(publicKey), userId));
}

/** e = SM3(Z ‖ M), the value SM2 signs (GB/T 32918.2 §6.1 A1–A2). */
export const sm2Digest = (publicKey: Uint8Array, message: Uint8Array, userId = SM2_DEFAULT_USER_ID): Buffer =>
  sm3(Buffer.concat([sm2Z(publicKey, userId), message]));

/** SM2 signature over M with Z (GB/T 32918.2 §6): r ‖ s, 32 bytes each, big-endian. */
export function sm2Sign(privateKey: Uint8Array, publicKey: Uint8Array, message: Uint8Array, userId = SM2_DEFAULT_USER_ID): Buffer {
  return sm2SignDigest(privateKey, sm2Digest(publicKey, message, userId));
}

/** SM2 signature over a digest e already computed (steps A3–A7): what a key device's SKF_ECCSignData does. */
export function sm2SignDigest(privateKey: Uint8Array, e: Uint8Array): Buffer {
  checkPrivateKey(privateKey);
  return Buffer.from(sm2.doSignature(e, hex(privateKey), { hash: false, der: false }), 'hex');
}

const N = BigInt(`0x${N_MINUS_1}`) + 1n;
const inRange = (bytes: Uint8Array): boolean => {
  const v = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  return v >= 1n && v < N;
};

/**
 * Verify r ‖ s over M with Z (GB/T 32918.2 §7); false for any malformed key or signature. r and s
 * must lie in [1, n − 1] (steps B1, B2), checked here because the library leaves it to its
 * arithmetic.
 */
export function sm2Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, userId = SM2_DEFAULT_USER_ID): boolean {
  if (signature.length !== SM2_SIGNATURE_BYTES || !sm2PublicKeyValid(publicKey)) return false;
  if (!inRange(signature.subarray(0, 32)) || !inRange(signature.subarray(32))) return false;
  try {
    return sm2.doVerifySignature(sm2Digest(publicKey, message, userId), hex(signature), hex(publicKey), { hash: false, der: false });
  } catch {
    return false;
  }
}

/**
 * Elliptic-curve Diffie–Hellman on the SM2 curve: (x2, y2) = [d]P, returned as x2 ‖ y2 (64 bytes),
 * the shared point SM2 public-key encryption derives its key from (GB/T 32918.4 §6.1 A5). The
 * peer's point is checked to lie on the curve; the cofactor is 1, so it has order n.
 */
export function sm2Agree(privateKey: Uint8Array, peerPublicKey: Uint8Array): Buffer {
  checkPrivateKey(privateKey);
  checkPublicKey(peerPublicKey);
  const point = sm2.ecdh(hex(privateKey), hex(peerPublicKey), false);
  if (point.length !== SM2_PUBLIC_KEY_BYTES) throw new Error('SM2 agreement gave no point');
  return Buffer.from(point.subarray(1));
}
