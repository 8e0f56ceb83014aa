import { JiuzhuError } from '../../../../common/contract/errors';
import type { Keyring } from './keyring';

/**
 * An OS keystore the desktop shell may offer (Electron safeStorage: DPAPI on Windows, libsecret
 * or kwallet on Linux). Core never imports Electron; main/electron supplies an implementation.
 */
export interface OsKeystore {
  /** e.g. 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text' (safeStorage.getSelectedStorageBackend()). */
  backend(): string;
  encrypt(plaintext: Uint8Array): Uint8Array;
  decrypt(blob: Uint8Array): Uint8Array;
}

/** Backends that are not encryption at all (Chromium's 'basic_text' is a hard-coded key). */
export const INSECURE_BACKENDS: ReadonlySet<string> = new Set(['basic_text']);

export function assertSecureBackend(keystore: OsKeystore): string {
  const backend = keystore.backend();
  if (INSECURE_BACKENDS.has(backend)) throw new JiuzhuError('STORE_KEYSTORE_INSECURE', { backend });
  return backend;
}

/** Add (or replace) the OS-keystore slot; the backend is pinned in the keyring, as Signal does. */
export function addKeystoreSlot(keyring: Keyring, keystore: OsKeystore, dbKey: Uint8Array, now: Date): void {
  const backend = assertSecureBackend(keystore);
  keyring.setKeystoreSlot(backend, keystore.encrypt(dbKey), now);
}

/**
 * Unwrap through the OS keystore, or null when there is no slot. A changed backend is refused
 * with a clear error (never a silent failure to decrypt), and so is an insecure one.
 */
export function unwrapWithKeystore(keyring: Keyring, keystore: OsKeystore): Buffer | null {
  const slot = keyring.keystoreSlot;
  if (!slot) return null;
  const current = assertSecureBackend(keystore);
  if (current !== slot.backend) throw new JiuzhuError('STORE_KEYSTORE_BACKEND_CHANGED', { pinned: slot.backend, current });
  const key = Buffer.from(keystore.decrypt(Buffer.from(slot.blob, 'base64')));
  if (key.length !== 32) throw new JiuzhuError('STORE_KEYRING_DAMAGED', { reason: '系统密钥库中的密钥无效' });
  return key;
}
