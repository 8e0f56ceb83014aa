/**
 * The keys a 救助证明 is signed with: Ed25519 (node:crypto KeyObjects) or SM2 (GB/T 32918, raw
 * bytes for the pure-TypeScript primitives of sync-protocol/gm). Both are stored as standard DER
 * so any tool reads them: SubjectPublicKeyInfo and PKCS#8. An SM2 key's DER is the ecPublicKey
 * form on curve sm2p256v1 (OID 1.2.156.10197.1.301, GM/T 0009-2012 §7), which OpenSSL 3 reads.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CertificateAlgorithm } from '../../../../common/documents/certificatePayload';
import { SM2_PRIVATE_KEY_BYTES, SM2_PUBLIC_KEY_BYTES, sm2PublicKeyValid } from '../../../../sync-protocol/gm/index';

/** A key that signs certificates: an Ed25519 KeyObject, or an SM2 key pair as raw bytes. */
export type CertificateSigningKey = KeyObject | { algorithm: 'sm2'; privateKey: Buffer; publicKey: Buffer };

/** A key that verifies them: an Ed25519 KeyObject, or an SM2 public key (65-byte point). */
export type CertificatePublicKey = KeyObject | { algorithm: 'sm2'; publicKey: Buffer };

export const algorithmOfKey = (key: CertificateSigningKey | CertificatePublicKey): CertificateAlgorithm =>
  'algorithm' in key ? 'sm2' : 'ed25519';

const hex = (s: string) => Buffer.from(s, 'hex');
/** SEQUENCE { SEQUENCE { id-ecPublicKey, sm2p256v1 }, BIT STRING { 04 ‖ x ‖ y } } up to the point. */
const SM2_SPKI_PREFIX = hex('3059301306072a8648ce3d020106082a811ccf5501822d034200');
/** PKCS#8 { version 0, { id-ecPublicKey, sm2p256v1 }, OCTET STRING { ECPrivateKey { 1, d, [1] point } } } up to d. */
const SM2_PKCS8_PREFIX = hex('308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420');
const SM2_PKCS8_MIDDLE = hex('a144034200');
const ED25519_SPKI_PREFIX = hex('302a300506032b6570032100');

export const sm2Spki = (publicKey: Buffer): Buffer => Buffer.concat([SM2_SPKI_PREFIX, publicKey]);
export const sm2Pkcs8 = (privateKey: Buffer, publicKey: Buffer): Buffer =>
  Buffer.concat([SM2_PKCS8_PREFIX, privateKey, SM2_PKCS8_MIDDLE, publicKey]);

/** The algorithm of a stored SubjectPublicKeyInfo, or undefined for any other key. */
export function algorithmOfSpki(der: Buffer): CertificateAlgorithm | undefined {
  if (der.length === SM2_SPKI_PREFIX.length + SM2_PUBLIC_KEY_BYTES && der.subarray(0, SM2_SPKI_PREFIX.length).equals(SM2_SPKI_PREFIX))
    return 'sm2';
  if (der.length === ED25519_SPKI_PREFIX.length + 32 && der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX))
    return 'ed25519';
  return undefined;
}

/** A stored public key as a verifying key; undefined when it is neither form (or not on the curve). */
export function publicKeyFromSpki(der: Buffer): CertificatePublicKey | undefined {
  const algorithm = algorithmOfSpki(der);
  if (algorithm === 'ed25519') return createPublicKey({ key: der, format: 'der', type: 'spki' });
  if (algorithm !== 'sm2') return undefined;
  const publicKey = Buffer.from(der.subarray(SM2_SPKI_PREFIX.length));
  return sm2PublicKeyValid(publicKey) ? { algorithm: 'sm2', publicKey } : undefined;
}

/** The SM2 key pair inside a PKCS#8 this module wrote; undefined for anything else. */
export function sm2FromPkcs8(der: Buffer): { algorithm: 'sm2'; privateKey: Buffer; publicKey: Buffer } | undefined {
  const p = SM2_PKCS8_PREFIX.length;
  if (
    der.length !== p + SM2_PRIVATE_KEY_BYTES + SM2_PKCS8_MIDDLE.length + SM2_PUBLIC_KEY_BYTES ||
    !der.subarray(0, p).equals(SM2_PKCS8_PREFIX)
  )
    return undefined;
  return {
    algorithm: 'sm2',
    privateKey: Buffer.from(der.subarray(p, p + SM2_PRIVATE_KEY_BYTES)),
    publicKey: Buffer.from(der.subarray(p + SM2_PRIVATE_KEY_BYTES + SM2_PKCS8_MIDDLE.length)),
  };
}
