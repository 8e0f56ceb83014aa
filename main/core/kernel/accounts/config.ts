import { DEFAULT_KDF, type KdfParams } from '../store/keys/kdf';

/** Security settings of a station; every field has the default. */
export interface AuthConfig {
  /** scrypt cost for new key slots (calibrateScrypt() tunes it to ~250 ms on this machine). */
  kdf: KdfParams;
  maxFailedLogins: number;
  lockoutMinutes: number;
  idleLockMinutes: number;
  passwordMinLength: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  kdf: DEFAULT_KDF,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleLockMinutes: 5,
  passwordMinLength: 10,
};

export function authConfig(partial: Partial<AuthConfig> = {}): AuthConfig {
  return { ...DEFAULT_AUTH_CONFIG, ...partial };
}
