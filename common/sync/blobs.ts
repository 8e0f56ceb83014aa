/** Header and metadata names of the blob channel (tus 1.0.0 plus the platform's own). */
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = 'creation,expiration,termination';

export const BLOB_HEADERS = {
  tusResumable: 'Tus-Resumable',
  uploadOffset: 'Upload-Offset',
  uploadLength: 'Upload-Length',
  uploadMetadata: 'Upload-Metadata',
  uploadExpires: 'Upload-Expires',
  /** Seconds until the upload expires, by the platform's clock (relative, skew-proof). */
  expiresIn: 'Jiuzhu-Expires-In',
  /** "stored" once the blob is verified and kept, "partial" while bytes are missing. */
  blobStatus: 'Jiuzhu-Blob-Status',
} as const;

/** Keys of Upload-Metadata. `sha256` (hex of the plaintext) is required; the platform checks it on completion. */
export const BLOB_METADATA = {
  sha256: 'sha256',
  /** Plaintext size in bytes. */
  size: 'size',
  /** Cipher of the uploaded bytes: the device's suite's (`CryptoSuite.blobCipher`), "X25519-AES256GCM-v1" or "SM2-SM4GCM-v1". */
  cipher: 'cipher',
  contentType: 'contentType',
} as const;

/** The international suite's blob cipher (tests that build uploads by hand). */
export const BLOB_CIPHER_ID = 'X25519-AES256GCM-v1';
