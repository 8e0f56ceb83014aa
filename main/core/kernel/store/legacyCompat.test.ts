import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDbKey } from './keys/keyring';
import { closeStore, openStore } from './openStore';
import { codeOf, tempDir } from './testing/fixtures';

/**
 * SQLCipher 4 compatibility, independent of our own open code: `legacy=4` (the SQLCipher page-1
 * layout) with the SQLCipher 4 parameters spelled out (4096-byte pages, HMAC-SHA512 and KDF SHA512,
 * = 2 in sqlite3mc's numbering), and
 * the database is written with SQLite's stock WAL settings (autocheckpoint 1000, default cache), as
 * a station created before the current connection settings was. The store must open it, and a
 * database the store writes must open again with those explicit parameters.
 */
const SQLCIPHER4 = [
  "cipher='sqlcipher'",
  'legacy=4',
  'cipher_page_size=4096',
  'kdf_iter=256000',
  'hmac_algorithm=2',
  'kdf_algorithm=2',
  'hmac_use=1',
  'hmac_pgno=1',
  'hmac_salt_mask=0x3a',
];

function openExplicit(path: string, key: Uint8Array): Database.Database {
  const db = new Database(path);
  for (const p of SQLCIPHER4) db.pragma(p);
  db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
  return db;
}

describe('SQLCipher 4 databases across connection-setting changes', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('opens a database written with explicit SQLCipher 4 parameters and stock WAL settings, WAL frames included', () => {
    const path = join(dir, 'old.db');
    const key = newDbKey();
    const old = openExplicit(path, key);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const ins = old.prepare('INSERT INTO note (body) VALUES (?)');
    for (let b = 0; b < 20; b++)
      old.transaction(() => {
        for (let i = 0; i < 200; i++) ins.run(`王秀英 ${b}-${i} 500101199001011234`);
      })();
    // Keep committed frames in the WAL (no checkpoint at close), as after a crash of the old version.
    const ckptBefore = old.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(ckptBefore[0]!.log).toBeGreaterThan(0);
    old.exec("INSERT INTO note (body) VALUES ('last commit, only in the WAL')");
    const raw = readFileSync(path);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(raw.includes(Buffer.from('王秀英'))).toBe(false);
    old.close();

    const db = openStore(path, key, { migrations: [] });
    expect((db.prepare('SELECT count(*) AS n FROM note').get() as { n: number }).n).toBe(4001);
    expect(db.prepare('SELECT body FROM note WHERE id = 4001').pluck().get()).toBe('last commit, only in the WAL');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    closeStore(db);
    expect(codeOf(() => openStore(path, newDbKey(), { migrations: [] }))).toBe('STORE_KEY_MISMATCH');
  });

  it('a database the store writes opens with the explicit SQLCipher 4 parameters', () => {
    const path = join(dir, 'new.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true, migrations: [] });
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO note (body) VALUES (?)').run('李建国');
    closeStore(db);
    const again = openExplicit(path, key);
    expect(again.prepare('SELECT body FROM note').pluck().get()).toBe('李建国');
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });
});
