import Database from 'better-sqlite3-multiple-ciphers';
import { JiuzhuError } from '../../../../common/contract/errors';
import type { Db } from './types';

export interface OpenOptions {
  /**
   * Which build of the native module to load: a path to a `.node` file or a loaded addon.
   * Unset = the package's own build (the Node build used by tests, CLI and the browser shell).
   * The Electron shell passes the path of its separate Electron build (see README.md).
   */
  nativeBinding?: string | object;
  readonly?: boolean;
  /** Open without encryption. Benchmarks only (the plain baseline); never for station data. */
  plain?: boolean;
}

const KEY_BYTES = 32;

/** Build the SQLCipher raw-key pragma value: "x'<64 hex>'" — the key is used as is, no KDF. */
export function rawKeyPragma(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new Error(`database key must be ${KEY_BYTES} bytes`);
  const hex = Buffer.from(key).toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('bad key hex');
  return `key="x'${hex}'"`;
}

/**
 * Open a SQLite file with SQLCipher v4 encryption and a raw 256-bit key, and prove the key is
 * right by reading the schema. A wrong key (or a file that is not ours) fails here with
 * STORE_KEY_MISMATCH; nothing is created or changed.
 */
export function openSqlite(path: string, key: Uint8Array | null, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding as string } : {}),
  });
  try {
    if (!options.plain) {
      if (!key) throw new Error('a key is required for an encrypted database');
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(rawKeyPragma(key));
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new JiuzhuError('STORE_KEY_MISMATCH', {}, { path });
    throw e;
  }
  return db;
}
