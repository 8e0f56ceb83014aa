import { app, safeStorage } from 'electron';
import { loadMachineSecretWithKeystore, MACHINE_SECRET_HELPER_FLAG, unsealForHelper, type Logger, type OsKeystore } from '../core/index';

/**
 * Electron safeStorage as the OS keystore of the machine secret: DPAPI on Windows, the keychain on
 * macOS, libsecret or kwallet on Linux ('basic_text', a hard-coded key, is refused by core and the
 * file fallback used instead, with a logged warning). Only usable after app 'ready'.
 */
export function safeStorageKeystore(): OsKeystore {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    backend: () =>
      process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'win32' ? 'dpapi' : 'keychain',
    encrypt: (plain) => safeStorage.encryptString(Buffer.from(plain).toString('base64')),
    decrypt: (blob) => Buffer.from(safeStorage.decryptString(Buffer.from(blob)), 'base64'),
  };
}

/**
 * The machine secret for core (store README "Machine secret"), read in the main process after
 * 'ready' and handed to the core worker. A packaged app records its executable as the helper the
 * CLI and the browser shell run to unseal the same secret.
 */
export function desktopMachineSecret(dataDir: string, logger: Logger): Uint8Array {
  return loadMachineSecretWithKeystore({
    keystore: safeStorageKeystore(),
    dataDir,
    logger,
    ...(app.isPackaged ? { helper: process.execPath } : {}),
  });
}

/** Started as `<app> --jiuzhu-machine-secret-helper`: unseal, print, exit (no window, no single-instance lock). */
export function isMachineSecretHelper(argv: readonly string[] = process.argv): boolean {
  return argv.includes(MACHINE_SECRET_HELPER_FLAG);
}

export function runMachineSecretHelper(): void {
  void app.whenReady().then(() => {
    try {
      const secret = unsealForHelper(safeStorageKeystore());
      process.stdout.write(`${JSON.stringify({ secret: Buffer.from(secret).toString('base64') })}\n`, () => app.exit(0));
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      app.exit(1);
    }
  });
}
