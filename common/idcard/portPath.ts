/**
 * Whether a serial port path an admin typed has the form of a device path: an absolute POSIX path
 * (/dev/ttyUSB0, a stable /dev/serial/by-id link, or a pseudo-terminal link) or a Windows COM port
 * (COM3, \\.\COM12). Pure, so the reader settings check as the admin types with the very rule core
 * applies; core also checks that the path is a character device when it is configured.
 */
const WINDOWS_COM = /^(\\\\\.\\)?COM[1-9]\d{0,2}$/i;
const MAX_PATH = 260;

export function isPortPathForm(path: string): boolean {
  if (path.length === 0 || path.length > MAX_PATH) return false;
  if (WINDOWS_COM.test(path)) return true;
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  // No control characters, and no "." or ".." segment: the path names the device itself.
  if ([...path].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return false;
  return path
    .split('/')
    .slice(1)
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
