/**
 * GHASH of GCM (NIST SP 800-38D §6.4) with Shoup's 8-bit tables: 256 multiples of H and a
 * 256-entry reduction table, one table look-up per byte. Blocks are four 32-bit big-endian words.
 * Written here because the SM4 library's GCM is one-shot only and a blob must stream.
 */

const REDUCE_BIT = 0xe1000000 | 0;

/** V · x in GCM's bit order: shift right by one, reduce when a bit falls off. */
function timesX(v: Int32Array): Int32Array {
  const carry = v[3]! & 1;
  return Int32Array.of(
    (v[0]! >>> 1) ^ (carry ? REDUCE_BIT : 0),
    (v[1]! >>> 1) | (v[0]! << 31),
    (v[2]! >>> 1) | (v[1]! << 31),
    (v[3]! >>> 1) | (v[2]! << 31),
  );
}

/** What shifting the eight bits r out of the low end adds to the high word. */
const REDUCE8 = Int32Array.from({ length: 256 }, (_, r) => {
  let v: Int32Array = Int32Array.of(0, 0, 0, r);
  for (let i = 0; i < 8; i++) v = timesX(v);
  return v[0]!;
});

export class Ghash {
  private readonly t0 = new Int32Array(256);
  private readonly t1 = new Int32Array(256);
  private readonly t2 = new Int32Array(256);
  private readonly t3 = new Int32Array(256);
  private y0 = 0;
  private y1 = 0;
  private y2 = 0;
  private y3 = 0;
  private readonly pending = Buffer.alloc(16);
  private pendingLength = 0;

  constructor(h: Uint8Array) {
    // Table entry n (a byte b7 … b0) is b7·H + b6·H·x + … + b0·H·x⁷.
    let v: Int32Array = Int32Array.of(read(h, 0), read(h, 4), read(h, 8), read(h, 12));
    for (const bit of [128, 64, 32, 16, 8, 4, 2, 1]) {
      this.t0[bit] = v[0]!;
      this.t1[bit] = v[1]!;
      this.t2[bit] = v[2]!;
      this.t3[bit] = v[3]!;
      v = timesX(v);
    }
    for (const table of [this.t0, this.t1, this.t2, this.t3])
      for (let n = 1; n < 256; n++) if (n & (n - 1)) table[n] = table[n & -n]! ^ table[n & (n - 1)]!;
  }

  /** Absorb bytes; a trailing partial block waits for more (or for `pad`). */
  update(data: Uint8Array): void {
    let i = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(16 - this.pendingLength, data.length);
      this.pending.set(data.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      i = take;
      if (this.pendingLength < 16) return;
      this.block(this.pending, 0);
      this.pendingLength = 0;
    }
    for (; i + 16 <= data.length; i += 16) this.block(data, i);
    if (i < data.length) {
      this.pending.set(data.subarray(i));
      this.pendingLength = data.length - i;
    }
  }

  /** Close the current field (AAD or ciphertext): a partial block is padded with zeros. */
  pad(): void {
    if (this.pendingLength === 0) return;
    this.pending.fill(0, this.pendingLength);
    this.block(this.pending, 0);
    this.pendingLength = 0;
  }

  /** GHASH(H, A, C) after both fields: absorb len(A) ‖ len(C) in bits, 64 bits each. */
  digest(aadBytes: number, textBytes: number): Buffer {
    this.pad();
    const lengths = Buffer.alloc(16);
    lengths.writeBigUInt64BE(BigInt(aadBytes) * 8n, 0);
    lengths.writeBigUInt64BE(BigInt(textBytes) * 8n, 8);
    this.block(lengths, 0);
    const out = Buffer.alloc(16);
    out.writeInt32BE(this.y0, 0);
    out.writeInt32BE(this.y1, 4);
    out.writeInt32BE(this.y2, 8);
    out.writeInt32BE(this.y3, 12);
    return out;
  }

  /** Y = (Y ⊕ X) · H, Horner's rule over the 16 bytes from the last one. */
  private block(data: Uint8Array, at: number): void {
    const x0 = this.y0 ^ read(data, at);
    const x1 = this.y1 ^ read(data, at + 4);
    const x2 = this.y2 ^ read(data, at + 8);
    const x3 = this.y3 ^ read(data, at + 12);
    this.z0 = 0;
    this.z1 = 0;
    this.z2 = 0;
    this.z3 = 0;
    this.word(x3);
    this.word(x2);
    this.word(x1);
    this.word(x0);
    this.y0 = this.z0;
    this.y1 = this.z1;
    this.y2 = this.z2;
    this.y3 = this.z3;
  }

  private z0 = 0;
  private z1 = 0;
  private z2 = 0;
  private z3 = 0;

  /** Z = Z · x⁸ ⊕ T[byte] for the four bytes of a word, its last byte first. */
  private word(word: number): void {
    const { t0, t1, t2, t3 } = this;
    let { z0, z1, z2, z3 } = this;
    for (let shift = 0; shift < 32; shift += 8) {
      const b = (word >>> shift) & 0xff;
      const rem = z3 & 0xff;
      z3 = (z3 >>> 8) | (z2 << 24);
      z2 = (z2 >>> 8) | (z1 << 24);
      z1 = (z1 >>> 8) | (z0 << 24);
      z0 = (z0 >>> 8) ^ REDUCE8[rem]! ^ t0[b]!;
      z1 ^= t1[b]!;
      z2 ^= t2[b]!;
      z3 ^= t3[b]!;
    }
    this.z0 = z0;
    this.z1 = z1;
    this.z2 = z2;
    this.z3 = z3;
  }
}

function read(data: Uint8Array, at: number): number {
  return (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
}
