import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { fromB64u } from './base64url';
import type { CryptoSuite, KeyPair } from './suite';

type Curve = 'Ed25519' | 'X25519';

function generate(curve: Curve): KeyPair {
  const { privateKey } = curve === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: String(jwk.x), privateKey: String(jwk.d) };
}

const privateKeyObject = (curve: Curve, keys: KeyPair): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: curve, x: keys.publicKey, d: keys.privateKey }, format: 'jwk' });

const publicKeyObject = (curve: Curve, publicKey: string): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv: curve, x: publicKey }, format: 'jwk' });

/**
 * Ed25519 signatures, X25519 key agreement, HKDF-SHA256 and AES-256-GCM: all in node:crypto and
 * all present in Electron's BoringSSL.
 */
export const intlSuite: CryptoSuite = {
  id: 'X25519-ED25519-AES256GCM-v1',
  blobCipher: 'X25519-AES256GCM-v1',
  aeadKeyBytes: 32,
  publicKeyBytes: 32,
  generateSigningKeys: () => generate('Ed25519'),
  generateEncryptionKeys: () => generate('X25519'),
  sign: (keys, data) => sign(null, data, privateKeyObject('Ed25519', keys)),
  verify(publicKey, data, signature) {
    if (signature.length !== 64 || fromB64u(publicKey).length !== 32) return false;
    try {
      return verify(null, data, publicKeyObject('Ed25519', publicKey), signature);
    } catch {
      return false;
    }
  },
  agree(mine, peerPublicKey) {
    const secret = diffieHellman({
      privateKey: privateKeyObject('X25519', mine),
      publicKey: publicKeyObject('X25519', peerPublicKey),
    });
    if (secret.every((b) => b === 0)) throw new Error('X25519 produced the all-zero secret');
    return secret;
  },
  derive: (secret, salt, info, length) => Buffer.from(hkdfSync('sha256', secret, salt, info, length)),
  aeadSeal(key, nonce, plaintext, aad) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  },
  aeadOpen(key, nonce, sealed, aad) {
    if (sealed.length < 16) throw new Error('ciphertext shorter than its tag');
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  },
  hash: (data) => createHash('sha256').update(data).digest(),
  createEncryptor(key, nonce) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    return {
      update: (chunk) => cipher.update(chunk),
      final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
    };
  },
  createDecryptor(key, nonce, tag) {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    return { update: (chunk) => decipher.update(chunk), final: () => decipher.final() };
  },
};
