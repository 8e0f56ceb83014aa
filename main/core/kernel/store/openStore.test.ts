import { readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDbKey } from './keys/keyring';
import { runMigrations } from './migrate';
import { SCHEMA_VERSION } from './migrations/index';
import { closeStore, openStore } from './openStore';
import { openSqlite, rawKeyPragma } from './sqlite';
import { codeOf, tempDir } from './testing/fixtures';

describe('encrypted store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('uses the raw-key syntax and rejects malformed keys', () => {
    const key = Buffer.alloc(32, 0xab);
    expect(rawKeyPragma(key)).toBe(`key="x'${'ab'.repeat(32)}'"`);
    expect(() => rawKeyPragma(Buffer.alloc(16))).toThrow();
  });

  it('opens with WAL, synchronous=FULL, foreign keys, STRICT tables and migrations to user_version', () => {
    const key = newDbKey();
    const db = openStore(join(dir, 'a.db'), key, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(() => db.prepare("INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES ('x', 0, x'00')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO audit_anchor (singleton, seq, hash) VALUES (1, 'abc', zeroblob(32))").run()).toThrow(
      /cannot store TEXT/,
    );
    closeStore(db);
    const header = readFileSync(join(dir, 'a.db')).subarray(0, 16);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('a wrong key is STORE_KEY_MISMATCH and changes nothing', () => {
    const path = join(dir, 'a.db');
    closeStore(openStore(path, newDbKey(), { create: true }));
    const before = readFileSync(path);
    expect(codeOf(() => openStore(path, newDbKey()))).toBe('STORE_KEY_MISMATCH');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a missing database is not silently created', () => {
    expect(codeOf(() => openStore(join(dir, 'none.db'), newDbKey()))).toBe('STORE_NOT_INITIALIZED');
  });

  it('refuses a database newer than the program', () => {
    const path = join(dir, 'a.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true });
    db.pragma(`user_version = ${SCHEMA_VERSION + 10}`);
    closeStore(db);
    const e = (() => {
      try {
        openStore(path, key);
      } catch (err) {
        return err as { code: string; message: string };
      }
      throw new Error('opened');
    })();
    expect(e.code).toBe('STORE_DB_TOO_NEW');
    expect(e.message).toContain(String(SCHEMA_VERSION + 10));
  });

  it('runs pending migrations in one transaction (a failing step leaves the old schema)', () => {
    const db = openSqlite(join(dir, 'm.db'), newDbKey());
    const steps = [
      { version: 10, name: 'a', up: (d: typeof db) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 20,
        name: 'b',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(db, steps)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('a damaged database is refused with STORE_DB_DAMAGED', () => {
    const path = join(dir, 'a.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true });
    db.exec('CREATE TABLE filler (x TEXT) STRICT');
    const ins = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) ins.run(`row ${i} ${'x'.repeat(100)}`);
    closeStore(db);
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    expect(['STORE_DB_DAMAGED']).toContain(codeOf(() => openStore(path, key)));
  });

  it('loads the native module from an explicit nativeBinding path (how the Electron build is kept apart)', () => {
    const require = createRequire(import.meta.url);
    const pkgDir = join(require.resolve('better-sqlite3-multiple-ciphers/package.json'), '..');
    const binding = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    const db = openStore(join(dir, 'b.db'), newDbKey(), { create: true, nativeBinding: binding });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    closeStore(db);
    expect(() => openStore(join(dir, 'c.db'), newDbKey(), { create: true, nativeBinding: join(dir, 'missing.node') })).toThrow();
    writeFileSync(join(dir, 'x'), '');
  });
});
