import { execFileSync } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { Logger } from '../types';
import { noLogger } from '../types';
import {
  assertOutsideDataDir,
  createMachineSecretFile,
  defaultMachineSecretDir,
  MACHINE_SECRET_BYTES,
  MACHINE_SECRET_FILE,
  newFileForm,
  readMachineSecretFile,
  secretOfFileForm,
  type MachineSecretFile,
} from './machineSecretFile';

/** The desktop executable answers this flag by printing the unsealed secret and exiting (main/electron/machineSecret.ts). */
export const MACHINE_SECRET_HELPER_FLAG = '--jiuzhu-machine-secret-helper';

export interface MachineSecretOptions {
  /** Folder of the secret; default defaultMachineSecretDir() (JIUZHU_MACHINE_SECRET_DIR overrides). */
  dir?: string;
  /** The station's data folder: the secret's folder must lie outside it. */
  dataDir?: string;
  logger?: Logger;
  /** Runs the desktop helper; tests replace the executable, never the protocol. */
  runHelper?: (helper: string) => Buffer;
}

/**
 * The machine secret as the CLI and the browser shell get it (plain Node, no Electron). A file
 * in the `file` form is read (permissions checked); none is created in that form, with a logged
 * warning that only file permissions protect it; one sealed by the desktop shell's safeStorage
 * is unsealed by running the desktop executable as a helper, so every shell of this OS user on
 * this machine uses the same secret.
 */
export function loadMachineSecret(options: MachineSecretOptions = {}): Buffer {
  const dir = options.dir ?? defaultMachineSecretDir();
  const logger = options.logger ?? noLogger;
  if (options.dataDir) assertOutsideDataDir(dir, options.dataDir);
  let file = readMachineSecretFile(dir);
  if (!file) {
    const fresh = newFileForm();
    if (createMachineSecretFile(dir, fresh.file)) {
      logger.log('warn', 'store.machine_secret_file_created', { protection: 'file-permissions' });
      return fresh.secret;
    }
    file = readMachineSecretFile(dir);
    if (!file) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: dir });
  }
  return secretOf(file, options);
}

function secretOf(file: MachineSecretFile, options: MachineSecretOptions): Buffer {
  if (file.form === 'file') return secretOfFileForm(file);
  // The machine-wide form belongs in the machine root (machineSecretShared.ts), never in an account's folder.
  if (file.form === 'dpapi-machine') throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: MACHINE_SECRET_FILE });
  if (!file.helper || !isAbsolute(file.helper)) throw new JiuzhuError('STORE_MACHINE_SECRET_SEALED');
  const secret = (options.runHelper ?? runDesktopHelper)(file.helper);
  if (secret.length !== MACHINE_SECRET_BYTES) throw new JiuzhuError('STORE_MACHINE_SECRET_SEALED');
  return secret;
}

/** Ask the desktop executable to unseal the secret with safeStorage; it prints `{"secret":"<base64>"}`. */
export function runDesktopHelper(helper: string): Buffer {
  let out: string;
  try {
    out = execFileSync(helper, [MACHINE_SECRET_HELPER_FLAG], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
  } catch {
    throw new JiuzhuError('STORE_MACHINE_SECRET_SEALED');
  }
  const line = out.split('\n').find((l) => l.startsWith('{"secret":'));
  if (!line) throw new JiuzhuError('STORE_MACHINE_SECRET_SEALED');
  try {
    return Buffer.from((JSON.parse(line) as { secret: string }).secret, 'base64');
  } catch {
    throw new JiuzhuError('STORE_MACHINE_SECRET_SEALED');
  }
}
