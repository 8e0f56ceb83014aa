/**
 * The byte layouts of GM/T 0016-2012 §6.4 that the SKF provider reads and writes (structures
 * packed to 1 byte, ULONG 32-bit little-endian on the platforms the app runs on):
 *
 *   ECCPUBLICKEYBLOB { ULONG BitLen; BYTE XCoordinate[64]; BYTE YCoordinate[64]; }   132 bytes
 *   ECCSIGNATUREBLOB { BYTE r[64]; BYTE s[64]; }                                      128 bytes
 *
 * Coordinates and r, s are big-endian, right-aligned in their 64-byte fields (ECC_MAX_XCOORDINATE_BITS_LEN
 * is 512): a 256-bit SM2 value takes the last 32 bytes, the first 32 are zero.
 */
export const ECC_PUBLIC_KEY_BLOB_BYTES = 4 + 64 + 64;
export const ECC_SIGNATURE_BLOB_BYTES = 64 + 64;

const isZero = (b: Uint8Array) => b.every((x) => x === 0);

/** The 65-byte point 04 ‖ x ‖ y of an SM2 public key blob, or null when it is not a 256-bit key. */
export function pointOfEccPublicKeyBlob(blob: Uint8Array): Buffer | null {
  if (blob.length < ECC_PUBLIC_KEY_BLOB_BYTES) return null;
  const b = Buffer.from(blob);
  if (b.readUInt32LE(0) !== 256) return null;
  const x = b.subarray(4, 68);
  const y = b.subarray(68, 132);
  if (!isZero(x.subarray(0, 32)) || !isZero(y.subarray(0, 32))) return null;
  return Buffer.concat([Buffer.from([4]), x.subarray(32), y.subarray(32)]);
}

/** r ‖ s (64 bytes) of a signature blob, or null when a value does not fit 256 bits. */
export function rsOfEccSignatureBlob(blob: Uint8Array): Buffer | null {
  if (blob.length < ECC_SIGNATURE_BLOB_BYTES) return null;
  const r = blob.subarray(0, 64);
  const s = blob.subarray(64, 128);
  if (!isZero(r.subarray(0, 32)) || !isZero(s.subarray(0, 32))) return null;
  return Buffer.concat([r.subarray(32), s.subarray(32)]);
}

/** A name list as SKF_EnumDev writes it: names each ended by NUL, the list by a second NUL. */
export function namesOfList(bytes: Uint8Array, size: number): string[] {
  const names: string[] = [];
  let start = 0;
  for (let i = 0; i < Math.min(size, bytes.length); i++) {
    if (bytes[i] !== 0) continue;
    if (i === start) break;
    names.push(Buffer.from(bytes.subarray(start, i)).toString('utf8'));
    start = i + 1;
  }
  return names;
}
