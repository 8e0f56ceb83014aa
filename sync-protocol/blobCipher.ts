import { createHash } from 'node:crypto';
import { JiuzhuError } from '../common/contract/errors';
import type { CryptoSuite, KeyPair } from './suite';
import { DEFAULT_SUITE } from './suites';

/**
 * Blobs travel encrypted too (a TLS-intercepting proxy must not read an ID-card scan), yet stay
 * resumable and content-addressed. The key and nonce are derived deterministically from the static
 * X25519 agreement of device and platform, the blob's SHA-256, the device id and the direction, so
 * the same blob always encrypts to the same bytes: an upload interrupted yesterday resumes today
 * from the platform's offset without keeping the ciphertext. Uploaded bytes = AEAD(plaintext) ‖ tag,
 * i.e. plaintext size + 16.
 */
export interface BlobKeyInput {
  /** My X25519 key pair (device when uploading, platform when serving). */
  mine: KeyPair;
  /** The other side's X25519 public key. */
  peerKey: string;
  deviceId: string;
  sha256: string;
  /** "up": device → platform; "down": platform → device. */
  direction: 'up' | 'down';
  suite?: CryptoSuite;
}

export const BLOB_TAG_BYTES = 16;

function blobKey(input: BlobKeyInput): { suite: CryptoSuite; key: Buffer; nonce: Buffer } {
  const suite = input.suite ?? DEFAULT_SUITE;
  const material = suite.derive(
    suite.agree(input.mine, input.peerKey),
    Buffer.from(input.sha256, 'hex'),
    `jiuzhu-blob-v1|${input.deviceId}|${input.direction}`,
    suite.aeadKeyBytes + 12,
  );
  return { suite, key: material.subarray(0, suite.aeadKeyBytes), nonce: material.subarray(suite.aeadKeyBytes) };
}

export const encryptedBlobSize = (plaintextSize: number): number => plaintextSize + BLOB_TAG_BYTES;

/** The whole ciphertext of a small blob held in memory. */
export function encryptBlob(plaintext: Buffer, input: BlobKeyInput): Buffer {
  const { suite, key, nonce } = blobKey(input);
  const encryptor = suite.createEncryptor(key, nonce);
  return Buffer.concat([encryptor.update(plaintext), encryptor.final()]);
}

/**
 * Ciphertext bytes from `fromOffset` on, streaming the plaintext from its start (AES is cheap; the
 * line is not). Used to resume a tus upload at the platform's Upload-Offset.
 */
export async function* encryptBlobFrom(
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  input: BlobKeyInput,
  fromOffset: number,
): AsyncGenerator<Buffer> {
  const { suite, key, nonce } = blobKey(input);
  const encryptor = suite.createEncryptor(key, nonce);
  let position = 0;
  const emit = function* (out: Buffer) {
    const start = Math.max(0, fromOffset - position);
    position += out.length;
    if (start < out.length) yield out.subarray(start);
  };
  for await (const chunk of plaintext) yield* emit(encryptor.update(chunk));
  yield* emit(encryptor.final());
}

/**
 * Verify and decrypt streamed ciphertext whose tag is known (the last 16 bytes of the upload);
 * `finish()` throws SYNC_BLOB_HASH_MISMATCH when the tag or the plaintext's SHA-256 is wrong.
 */
export function createBlobOpener(input: BlobKeyInput, tag: Uint8Array) {
  const { suite, key, nonce } = blobKey(input);
  const decryptor = suite.createDecryptor(key, nonce, tag);
  const hash = createHash('sha256');
  let size = 0;
  const mismatch = () => new JiuzhuError('SYNC_BLOB_HASH_MISMATCH', { expected: input.sha256 });
  return {
    update(chunk: Uint8Array): Buffer {
      const out = decryptor.update(chunk);
      hash.update(out);
      size += out.length;
      return out;
    },
    finish(): { sha256: string; size: number; last: Buffer } {
      let last: Buffer;
      try {
        last = decryptor.final();
      } catch {
        throw mismatch();
      }
      hash.update(last);
      size += last.length;
      const sha256 = hash.digest('hex');
      if (sha256 !== input.sha256) throw mismatch();
      return { sha256, size, last };
    },
  };
}

/** Decrypt a whole ciphertext held in memory and check its hash. */
export function decryptBlob(ciphertext: Buffer, input: BlobKeyInput): Buffer {
  if (ciphertext.length < BLOB_TAG_BYTES) throw new JiuzhuError('SYNC_BLOB_HASH_MISMATCH', { expected: input.sha256 });
  const opener = createBlobOpener(input, ciphertext.subarray(ciphertext.length - BLOB_TAG_BYTES));
  const body = opener.update(ciphertext.subarray(0, ciphertext.length - BLOB_TAG_BYTES));
  return Buffer.concat([body, opener.finish().last]);
}

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
