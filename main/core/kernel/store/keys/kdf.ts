import { randomBytes, scryptSync } from 'node:crypto';

/** scrypt parameters, stored with every slot so they can be raised later without breaking old slots. */
export interface KdfParams {
  alg: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

export interface KdfSpec extends KdfParams {
  /** base64, 16 random bytes per slot. */
  salt: string;
}

/** A safe default (~128 MiB, a few hundred ms on a counter PC); calibrateScrypt tunes it per machine. */
export const DEFAULT_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 };
/** Cheap parameters for tests only. Never use for a real station. */
export const TEST_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

const MIN_N = 2 ** 10;
/** The lowest cost calibration may pick for a real station (~32 MiB): a fast machine must not weaken slots. */
export const MIN_CALIBRATED_N = 2 ** 15;
const MAX_N = 2 ** 20;

export function validateKdf(p: KdfParams): void {
  if (p.alg !== 'scrypt' || !Number.isInteger(Math.log2(p.N)) || p.N < MIN_N || p.N > MAX_N || p.r < 1 || p.r > 32 || p.p < 1 || p.p > 16) {
    throw new Error('unsupported KDF parameters');
  }
}

export function newKdfSpec(params: KdfParams): KdfSpec {
  validateKdf(params);
  return { ...params, salt: randomBytes(16).toString('base64') };
}

/** Derive a 256-bit key-encryption key. Secrets are NFC-normalized so IME input is stable. */
export function deriveKek(secret: string, spec: KdfSpec): Buffer {
  validateKdf(spec);
  return scryptSync(Buffer.from(secret.normalize('NFC'), 'utf8'), Buffer.from(spec.salt, 'base64'), 32, {
    N: spec.N,
    r: spec.r,
    p: spec.p,
    maxmem: 256 * spec.N * spec.r + 32 * 1024 * 1024,
  });
}

export interface Calibration {
  params: KdfParams;
  measuredMs: number;
}

/**
 * Pick the scrypt cost whose derivation time on this machine is closest to `targetMs`
 * (~250 ms): double N from MIN_CALIBRATED_N (2^15) while that brings it closer. Never below 2^15,
 * however fast the machine or small the target.
 */
export function calibrateScrypt(targetMs = 250, r = 8): Calibration {
  const time = (N: number): number => {
    const spec = newKdfSpec({ alg: 'scrypt', N, r, p: 1 });
    const t0 = performance.now();
    deriveKek('calibration', spec);
    return performance.now() - t0;
  };
  let N = MIN_CALIBRATED_N;
  let ms = time(N);
  while (N < MAX_N) {
    const next = ms * 2;
    if (Math.abs(next - targetMs) >= Math.abs(ms - targetMs)) break;
    N *= 2;
    ms = time(N);
  }
  return { params: { alg: 'scrypt', N, r, p: 1 }, measuredMs: ms };
}
