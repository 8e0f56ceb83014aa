import type { SuiteId } from '../common/sync/primitives';

/** A key pair as stored and exchanged: the suite's raw key bytes in unpadded base64url. */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** The two key pairs every party holds: one to sign, one to receive encrypted messages. */
export interface PartyKeys {
  signing: KeyPair;
  encryption: KeyPair;
}

/**
 * Everything the protocol asks of cryptography, behind one interface so a deployment can choose
 * 国密 (SM2 signatures and key agreement, SM3, SM4-GCM) instead of the international suite without
 * touching envelope, bundle or blob code. A suite names its AEAD key length, uses 12-byte nonces and
 * 16-byte tags; signatures may have any length (they are length-prefixed).
 */
export interface CryptoSuite {
  readonly id: SuiteId;
  /** The `cipher` a blob upload names in its tus metadata. */
  readonly blobCipher: string;
  /** Bytes of the AEAD key the KDF gives (32 for AES-256, 16 for SM4). */
  readonly aeadKeyBytes: number;
  /** Raw length of this suite's public keys (32 for Ed25519/X25519, 65 for an SM2 point). */
  readonly publicKeyBytes: number;
  generateSigningKeys(): KeyPair;
  generateEncryptionKeys(): KeyPair;
  sign(keys: KeyPair, data: Uint8Array): Buffer;
  verify(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean;
  /** Key agreement between my private encryption key and a peer's public one. */
  agree(mine: KeyPair, peerPublicKey: string): Buffer;
  /** Extract-and-expand `length` bytes of key material. */
  derive(secret: Uint8Array, salt: Uint8Array, info: string, length: number): Buffer;
  aeadSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer;
  /** Throws when the tag does not verify. */
  aeadOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer;
  hash(data: Uint8Array): Buffer;
  /** Streaming AEAD for blobs: `final()` returns the last bytes followed by the 16-byte tag. */
  createEncryptor(key: Uint8Array, nonce: Uint8Array): StreamCipher;
  /** Streaming AEAD opener; `final()` throws when the tag does not verify. */
  createDecryptor(key: Uint8Array, nonce: Uint8Array, tag: Uint8Array): StreamCipher;
}

export interface StreamCipher {
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
}
