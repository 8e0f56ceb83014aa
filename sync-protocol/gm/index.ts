/**
 * The 国密 primitives in one place, for the sync suite and for anything else that must use them
 * (certificate QR signatures, sealed backups): SM2 (GB/T 32918), SM3 (GB/T 32905), HMAC/HKDF-SM3,
 * SM4 (GB/T 32907) and SM4-GCM. Pure TypeScript over sm-crypto-v2, so they run in Electron,
 * whose BoringSSL has none of them.
 */
export {
  SM2_DEFAULT_USER_ID,
  SM2_PRIVATE_KEY_BYTES,
  SM2_PUBLIC_KEY_BYTES,
  SM2_SIGNATURE_BYTES,
  sm2Agree,
  sm2Digest,
  sm2GenerateKeyPair,
  sm2PublicKeyOf,
  sm2PublicKeyValid,
  sm2Sign,
  sm2SignDigest,
  sm2Verify,
  sm2Z,
} from './sm2';
export { hkdfSm3, hmacSm3, sm3 } from './sm3';
export {
  SM4_GCM_NONCE_BYTES,
  SM4_GCM_TAG_BYTES,
  SM4_KEY_BYTES,
  createSm4GcmDecryptor,
  createSm4GcmEncryptor,
  sm4EncryptBlocks,
  sm4GcmOpen,
  sm4GcmSeal,
  type Sm4GcmStream,
} from './sm4';
