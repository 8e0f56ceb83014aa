import { timingSafeEqual } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { Ghash } from './ghash';

export const SM4_KEY_BYTES = 16;
export const SM4_GCM_NONCE_BYTES = 12;
export const SM4_GCM_TAG_BYTES = 16;

/** SM4 (GB/T 32907-2016) on whole 16-byte blocks, each on its own (ECB): the block function. */
export function sm4EncryptBlocks(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  if (key.length !== SM4_KEY_BYTES) throw new Error('an SM4 key is 16 bytes');
  if (blocks.length % 16 !== 0) throw new Error('SM4 blocks are 16 bytes');
  return sm4.encrypt(blocks, key, { mode: 'ecb', padding: 'none', output: 'array' });
}

/** Counter blocks encrypted per call: 16 KiB of keystream, so memory stays flat whatever the size. */
const BATCH_BLOCKS = 1024;

/**
 * SM4 in GCM (NIST SP 800-38D with SM4 as the block cipher, as GB/T 36624-2018 and RFC 8998 use it):
 * H = SM4(K, 0¹²⁸), J0 = IV ‖ 0³¹1 for the 12-byte IV, keystream SM4(K, inc32(J0)), …, tag =
 * SM4(K, J0) ⊕ GHASH(H, A, C), 16 bytes. Streaming: `update` returns the bytes at once.
 */
class Sm4Gcm {
  private readonly ghash: Ghash;
  private readonly tagMask: Uint8Array;
  private readonly counter: Buffer;
  private keystream = Buffer.alloc(0);
  private used = 0;
  private textBytes = 0;

  constructor(
    private readonly key: Uint8Array,
    nonce: Uint8Array,
    private readonly aadBytes: number,
    aad: Uint8Array,
  ) {
    if (nonce.length !== SM4_GCM_NONCE_BYTES) throw new Error('SM4-GCM takes a 12-byte nonce here');
    const first = sm4EncryptBlocks(key, Buffer.concat([Buffer.alloc(16), nonce, Buffer.from([0, 0, 0, 1])]));
    this.ghash = new Ghash(first.subarray(0, 16));
    this.tagMask = first.subarray(16, 32);
    this.counter = Buffer.concat([nonce, Buffer.from([0, 0, 0, 1])]);
    this.ghash.update(aad);
    this.ghash.pad();
  }

  /** XOR with the keystream; `hashInput` says whether the input (decrypting) or output is the ciphertext. */
  xor(input: Uint8Array, hashInput: boolean): Buffer {
    if (hashInput) this.ghash.update(input);
    const out = Buffer.allocUnsafe(input.length);
    for (let i = 0; i < input.length;) {
      if (this.used === this.keystream.length) this.refill();
      const n = Math.min(input.length - i, this.keystream.length - this.used);
      for (let j = 0; j < n; j++) out[i + j] = input[i + j]! ^ this.keystream[this.used + j]!;
      this.used += n;
      i += n;
    }
    if (!hashInput) this.ghash.update(out);
    this.textBytes += input.length;
    return out;
  }

  tag(): Buffer {
    const s = this.ghash.digest(this.aadBytes, this.textBytes);
    for (let i = 0; i < 16; i++) s[i]! ^= this.tagMask[i]!;
    return s;
  }

  private refill(): void {
    const blocks = Buffer.allocUnsafe(BATCH_BLOCKS * 16);
    for (let b = 0; b < BATCH_BLOCKS; b++) {
      this.counter.writeUInt32BE((this.counter.readUInt32BE(12) + 1) >>> 0, 12);
      this.counter.copy(blocks, b * 16);
    }
    this.keystream = Buffer.from(sm4EncryptBlocks(this.key, blocks));
    this.used = 0;
  }
}

export interface Sm4GcmStream {
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
}

/** Streaming encryption: `final()` returns the 16-byte tag (no bytes are held back). */
export function createSm4GcmEncryptor(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array = Buffer.alloc(0)): Sm4GcmStream {
  const gcm = new Sm4Gcm(key, nonce, aad.length, aad);
  return { update: (chunk) => gcm.xor(chunk, false), final: () => gcm.tag() };
}

/**
 * Streaming decryption against a known tag: `final()` throws when it does not verify, so a caller
 * must not act on what `update` returned before `final()` passed.
 */
export function createSm4GcmDecryptor(
  key: Uint8Array,
  nonce: Uint8Array,
  tag: Uint8Array,
  aad: Uint8Array = Buffer.alloc(0),
): Sm4GcmStream {
  if (tag.length !== SM4_GCM_TAG_BYTES) throw new Error('SM4-GCM tags are 16 bytes');
  const gcm = new Sm4Gcm(key, nonce, aad.length, aad);
  return {
    update: (chunk) => gcm.xor(chunk, true),
    final: () => {
      if (!timingSafeEqual(gcm.tag(), tag)) throw new Error('SM4-GCM tag does not verify');
      return Buffer.alloc(0);
    },
  };
}

/** One-shot: ciphertext ‖ tag. */
export function sm4GcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const enc = createSm4GcmEncryptor(key, nonce, aad);
  return Buffer.concat([enc.update(plaintext), enc.final()]);
}

/** One-shot: opens ciphertext ‖ tag; throws when the tag does not verify. */
export function sm4GcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < SM4_GCM_TAG_BYTES) throw new Error('ciphertext shorter than its tag');
  const dec = createSm4GcmDecryptor(key, nonce, sealed.subarray(sealed.length - SM4_GCM_TAG_BYTES), aad);
  const body = dec.update(sealed.subarray(0, sealed.length - SM4_GCM_TAG_BYTES));
  dec.final();
  return body;
}
