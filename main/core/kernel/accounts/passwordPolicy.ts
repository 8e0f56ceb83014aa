import { JiuzhuError } from '../../../../common/contract/errors';

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

export function assertUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) throw new JiuzhuError('AUTH_BAD_USERNAME', { username: username.slice(0, 32) });
}

/**
 * Rules sensible for staff at a counter: at least `minLength` characters, not only digits (a
 * birthday or phone number), and not containing the user name. Length counts code points, so a
 * Chinese passphrase is measured fairly.
 */
export function assertPasswordAcceptable(password: string, username: string, minLength = 10): void {
  const normalized = password.normalize('NFC');
  if ([...normalized].length < minLength) throw new JiuzhuError('AUTH_PASSWORD_TOO_SHORT', { min: minLength });
  if (/^\d+$/.test(normalized)) throw new JiuzhuError('AUTH_PASSWORD_ALL_DIGITS');
  if (username.length > 0 && normalized.toLowerCase().includes(username.toLowerCase())) throw new JiuzhuError('AUTH_PASSWORD_IS_USERNAME');
}
