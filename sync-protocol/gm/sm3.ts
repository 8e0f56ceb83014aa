import { hkdf, sm3 as sm3Hex } from 'sm-crypto-v2';

/** SM3 (GB/T 32905-2016, GM/T 0004-2012): 32-byte digest. */
export const sm3 = (data: Uint8Array): Buffer => Buffer.from(sm3Hex(data), 'hex');

/** HMAC-SM3 (RFC 2104 / GB/T 15852.2 construction with SM3, 64-byte block): 32-byte tag. */
export const hmacSm3 = (key: Uint8Array, data: Uint8Array): Buffer => Buffer.from(sm3Hex(data, { key, mode: 'hmac' }), 'hex');

/** HKDF (RFC 5869) with HMAC-SM3: extract with `salt`, expand with `info` to `length` bytes (≤ 8160). */
export const hkdfSm3 = (secret: Uint8Array, salt: Uint8Array, info: Uint8Array | string, length: number): Buffer =>
  Buffer.from(hkdf(secret, salt, typeof info === 'string' ? Buffer.from(info, 'utf8') : info, length));
