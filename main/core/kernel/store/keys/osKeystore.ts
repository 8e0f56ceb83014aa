import { randomBytes } from 'node:crypto';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { Logger } from '../types';
import { noLogger } from '../types';
import { loadMachineSecret } from './machineSecret';
import {
  assertOutsideDataDir,
  createMachineSecretFile,
  defaultMachineSecretDir,
  MACHINE_SECRET_BYTES,
  readMachineSecretFile,
  secretOfFileForm,
} from './machineSecretFile';

/**
 * An OS keystore the desktop shell offers (Electron safeStorage: DPAPI on Windows, libsecret or
 * kwallet on Linux, the keychain on macOS). Core never imports Electron; main/electron supplies it.
 */
export interface OsKeystore {
  /** False when the OS offers no keystore at all (safeStorage.isEncryptionAvailable()). */
  available(): boolean;
  /** e.g. 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text' (safeStorage.getSelectedStorageBackend()). */
  backend(): string;
  encrypt(plaintext: Uint8Array): Uint8Array;
  decrypt(blob: Uint8Array): Uint8Array;
}

/** Backends that are not encryption at all (Chromium's 'basic_text' is a hard-coded key). */
export const INSECURE_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export function assertSecureBackend(keystore: OsKeystore): string {
  const backend = keystore.backend();
  if (INSECURE_BACKENDS.has(backend)) throw new JiuzhuError('STORE_KEYSTORE_INSECURE', { backend });
  return backend;
}

export interface KeystoreSecretOptions {
  keystore: OsKeystore;
  dir?: string;
  dataDir?: string;
  /** The desktop executable, recorded so the CLI and the browser shell can ask it to unseal. */
  helper?: string;
  logger?: Logger;
}

/**
 * The machine secret in the desktop shell. A secret already on this machine is used as it is,
 * so every shell keeps the same one: sealed by the keystore (its backend pinned: a change is
 * refused rather than silently failing), or in the file form made earlier by the CLI or the
 * browser shell. A new secret is sealed by the keystore when it is a real one; with none, or
 * with 'basic_text', it falls back to the file form with a logged warning.
 */
export function loadMachineSecretWithKeystore(options: KeystoreSecretOptions): Buffer {
  const dir = options.dir ?? defaultMachineSecretDir();
  const logger = options.logger ?? noLogger;
  if (options.dataDir) assertOutsideDataDir(dir, options.dataDir);
  const file = readMachineSecretFile(dir);
  if (file?.form === 'file') {
    logger.log('info', 'store.machine_secret', { protection: 'file-permissions', reason: 'made before by another shell' });
    return secretOfFileForm(file);
  }
  if (file?.form === 'dpapi-machine') throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: dir });
  const { keystore } = options;
  if (file?.form === 'os-keystore') {
    const current = assertSecureBackend(keystore);
    if (current !== file.backend) throw new JiuzhuError('STORE_KEYSTORE_BACKEND_CHANGED', { pinned: file.backend, current });
    let secret: Buffer;
    try {
      secret = Buffer.from(keystore.decrypt(Buffer.from(file.sealed, 'base64')));
    } catch (e) {
      throw new JiuzhuError('STORE_MACHINE_SECRET_UNAVAILABLE', { detail: (e as Error).message.slice(0, 60) });
    }
    if (secret.length !== MACHINE_SECRET_BYTES) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: dir });
    return secret;
  }
  const backend = keystore.available() ? keystore.backend() : null;
  if (backend === null || INSECURE_BACKENDS.has(backend)) {
    logger.log('warn', 'store.machine_secret_fallback', { backend: backend ?? 'none', protection: 'file-permissions' });
    return loadMachineSecret({ dir, ...(options.dataDir ? { dataDir: options.dataDir } : {}), logger });
  }
  const secret = randomBytes(MACHINE_SECRET_BYTES);
  const sealed = Buffer.from(keystore.encrypt(secret)).toString('base64');
  const made = createMachineSecretFile(dir, {
    format: 'jiuzhu-machine-secret',
    version: 1,
    form: 'os-keystore',
    backend,
    sealed,
    ...(options.helper ? { helper: options.helper } : {}),
  });
  if (made) {
    logger.log('info', 'store.machine_secret_created', { protection: 'os-keystore', backend });
    return secret;
  }
  return loadMachineSecretWithKeystore(options);
}

/** The helper side: unseal the machine secret with the keystore for another shell of this user. */
export function unsealForHelper(keystore: OsKeystore, dir: string = defaultMachineSecretDir()): Buffer {
  const file = readMachineSecretFile(dir);
  if (!file) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: dir });
  if (file.form === 'file') return secretOfFileForm(file);
  return loadMachineSecretWithKeystore({ keystore, dir });
}
