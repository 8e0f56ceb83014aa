import { fromB64u, toB64u } from './base64url';
import {
  SM4_GCM_TAG_BYTES,
  SM4_KEY_BYTES,
  createSm4GcmDecryptor,
  createSm4GcmEncryptor,
  hkdfSm3,
  sm2Agree,
  sm2GenerateKeyPair,
  sm2Sign,
  sm2Verify,
  sm3,
  sm4GcmOpen,
  sm4GcmSeal,
} from './gm';
import type { CryptoSuite, KeyPair } from './suite';

function generate(): KeyPair {
  const { privateKey, publicKey } = sm2GenerateKeyPair();
  return { publicKey: toB64u(publicKey), privateKey: toB64u(privateKey) };
}

/**
 * The 国密 suite: SM2 signatures with Z over the default user id (GB/T 32918.2, GM/T 0009), SM2
 * ECDH for the per-message and per-blob keys (the [k]P of GB/T 32918.4), HKDF-SM3 (RFC 5869 with
 * HMAC-SM3), SM4-GCM with a 16-byte key, 12-byte nonce and 16-byte tag, SM3 for fingerprints.
 * Keys: private d as 32 raw bytes, public as the 65-byte point 04 ‖ x ‖ y; signatures r ‖ s (64 bytes).
 */
export const gmSuite: CryptoSuite = {
  id: 'SM2-SM3-SM4GCM-v1',
  blobCipher: 'SM2-SM4GCM-v1',
  aeadKeyBytes: SM4_KEY_BYTES,
  publicKeyBytes: 65,
  generateSigningKeys: generate,
  generateEncryptionKeys: generate,
  sign: (keys, data) => sm2Sign(fromB64u(keys.privateKey), fromB64u(keys.publicKey), data),
  verify: (publicKey, data, signature) => sm2Verify(fromB64u(publicKey), data, signature),
  agree: (mine, peerPublicKey) => sm2Agree(fromB64u(mine.privateKey), fromB64u(peerPublicKey)),
  derive: (secret, salt, info, length) => hkdfSm3(secret, salt, info, length),
  aeadSeal: (key, nonce, plaintext, aad) => sm4GcmSeal(key, nonce, plaintext, aad),
  aeadOpen: (key, nonce, sealed, aad) => sm4GcmOpen(key, nonce, sealed, aad),
  hash: (data) => sm3(data),
  createEncryptor: (key, nonce) => createSm4GcmEncryptor(key, nonce),
  createDecryptor(key, nonce, tag) {
    if (tag.length !== SM4_GCM_TAG_BYTES) throw new Error('SM4-GCM tags are 16 bytes');
    return createSm4GcmDecryptor(key, nonce, tag);
  },
};
