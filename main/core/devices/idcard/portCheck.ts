import { statSync } from 'node:fs';
import { JiuzhuError } from '../../../../common/contract/errors';
import { isPortPathForm } from '../../../../common/idcard/portPath';

const WINDOWS_COM = /^(\\\\\.\\)?COM[1-9]\d{0,2}$/i;

/**
 * A serial port an admin names must be a device path (common/idcard/portPath.ts) and, outside
 * Windows, a character device now: a USB tty, a UART, or a pseudo-terminal (a socat link). A
 * regular file, a folder or a missing path is refused before anything is opened.
 */
export function checkPortPath(path: string, platform: NodeJS.Platform = process.platform): void {
  const shown = path.slice(0, 120);
  if (!isPortPathForm(path)) throw new JiuzhuError('IDCARD_PORT_PATH_INVALID', { path: shown }, { path: shown });
  if (platform === 'win32') {
    if (!WINDOWS_COM.test(path)) throw new JiuzhuError('IDCARD_PORT_PATH_INVALID', { path: shown }, { path: shown });
    return;
  }
  if (!isCharacterDevice(path)) throw new JiuzhuError('IDCARD_PORT_NOT_A_DEVICE', { path: shown }, { path: shown });
}

function isCharacterDevice(path: string): boolean {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
}
