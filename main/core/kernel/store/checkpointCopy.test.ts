import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDbKey } from './keys/keyring';
import { sqliteBuild } from './nativeBuild';
import { closeStore, openStore } from './openStore';
import { codeOf, tempDir } from './testing/fixtures';
import { PAGE, decryptDatabase, decryptPage, framePage, resealWal, sqlcipher4Keys, walFrames } from './testing/sqlcipher4';
import type { Db } from './types';

/**
 * The station's SQLite build copies WAL frames into the database file as stored at a checkpoint
 * (scripts/native/sqlite3mcPatch.js). These tests hold it to that without trusting sqlite3mc:
 * an independent SQLCipher 4 reader (Node's OpenSSL) checks the frames and the file page by page.
 */
const ROW = (i: number) => [`王秀英${i}`, `50010119${String(600000 + i).padStart(10, '0')}`, `渝中区解放碑街道${i % 97}号`] as const;

function fill(db: Db, from: number, to: number): void {
  const ins = db.prepare('INSERT INTO person (id, name, id_number, address) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = from; i < to; i++) ins.run(i, ...ROW(i));
  })();
}

/** sqlite3mc with the SQLCipher 4 key and nothing else of the store's open path. */
function openWithKey(path: string, key: Uint8Array): Database.Database {
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
  return db;
}

const SCHEMA =
  'CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL UNIQUE, address TEXT NOT NULL) STRICT';

describe('checkpoints copy encrypted WAL frames as stored', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('the loaded build carries the checkpoint copy', () => {
    const db = openStore(join(dir, 'a.db'), newDbKey(), { create: true, migrations: [] });
    const build = sqliteBuild(db);
    closeStore(db);
    expect(build.cipherVersion).toMatch(/^SQLite3 Multiple Ciphers \d+\.\d+\.\d+ \+jiuzhu-ckpt-copy-raw-\d+$/);
    expect(build.checkpointCopy).toBe(true);
  });

  it('every WAL frame is a SQLCipher 4 page, and the checkpoint puts exactly those bytes into the file', () => {
    const path = join(dir, 'copy.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true, migrations: [] });
    db.exec(SCHEMA);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    fill(db, 0, 3000);
    db.prepare('UPDATE person SET address = ? WHERE id % 7 = 0').run('九龙坡区杨家坪街道1号');
    db.prepare('DELETE FROM person WHERE id % 11 = 0').run();

    const wal = readFileSync(`${path}-wal`);
    const frames = walFrames(wal);
    expect(frames.length).toBeGreaterThan(50);
    const keys = sqlcipher4Keys(key, readFileSync(path).subarray(0, 16));
    const lastFrameOf = new Map<number, Buffer>();
    for (const f of frames) {
      decryptPage(keys, framePage(wal, f), f.pgno); // throws on a page that is not SQLCipher 4 under this key
      lastFrameOf.set(f.pgno, Buffer.from(framePage(wal, f)));
    }

    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    expect(result!.busy).toBe(0);
    expect(result!.checkpointed).toBe(result!.log);
    const file = readFileSync(path);
    for (const [pgno, frame] of lastFrameOf) {
      // A decrypt + re-encrypt would draw a new IV, so no page would come out byte for byte the same.
      expect(file.subarray((pgno - 1) * PAGE, pgno * PAGE).equals(frame), `page ${pgno}`).toBe(true);
    }
    closeStore(db);
  });

  it('after many automatic checkpoints the file decrypts page by page into the same rows', () => {
    const path = join(dir, 'many.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true, migrations: [] });
    db.exec(SCHEMA);
    db.pragma('wal_autocheckpoint = 50');
    for (let b = 0; b < 20; b++) fill(db, b * 400, (b + 1) * 400);
    db.prepare('DELETE FROM person WHERE id % 3 = 0').run();
    const expected = db.prepare('SELECT * FROM person ORDER BY id').all();
    closeStore(db);

    const plainPath = join(dir, 'plain-image.db');
    writeFileSync(plainPath, decryptDatabase(readFileSync(path), key));
    const plain = new Database(plainPath, { readonly: true });
    try {
      expect(plain.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(plain.prepare('SELECT * FROM person ORDER BY id').all()).toEqual(expected);
    } finally {
      plain.close();
    }
  });

  it('a WAL frame altered on disk, checksums resealed, is copied by the checkpoint but never read as data', () => {
    const path = join(dir, 'tamper.db');
    const key = newDbKey();
    const db = openStore(path, key, { create: true, migrations: [] });
    db.exec(SCHEMA);
    fill(db, 0, 2000);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('UPDATE person SET address = ? WHERE id = 1500').run('沙坪坝区小龙坎街道8号');
    const victim = db.prepare('SELECT name FROM person WHERE id = 1500').pluck().get();
    // The committed WAL as it is on disk, copied while the connection is idle (a consistent image).
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    closeStore(db);

    const wal = readFileSync(`${copy}-wal`);
    const frames = walFrames(wal);
    const keys = sqlcipher4Keys(key, readFileSync(copy).subarray(0, 16));
    // The frame holding row 1500: the one table leaf the update wrote (not page 1, not an index page).
    const leaf = frames.find(
      (f) => f.pgno !== 1 && decryptPage(keys, framePage(wal, f), f.pgno).includes(Buffer.from('沙坪坝区小龙坎街道8号')),
    );
    expect(leaf).toBeDefined();
    const at = leaf!.offset + 24 + 1000;
    wal[at] = wal[at]! ^ 0x01;
    resealWal(wal);
    writeFileSync(`${copy}-wal`, wal);

    const tampered = openWithKey(copy, key);
    try {
      expect(tampered.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(2);
      const [ck] = tampered.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      expect(ck!.checkpointed).toBe(ck!.log);
    } finally {
      tampered.close();
    }
    // The altered page is in the file now and fails its HMAC; rows on other pages still read.
    const file = readFileSync(copy);
    expect(() => decryptPage(keys, file.subarray((leaf!.pgno - 1) * PAGE, leaf!.pgno * PAGE), leaf!.pgno)).toThrow(/HMAC/);
    const reader = openWithKey(copy, key);
    try {
      expect(reader.prepare('SELECT name FROM person WHERE id = 10').pluck().get()).toBe(ROW(10)[0]);
      expect(() => reader.prepare('SELECT address FROM person WHERE id = 1500').get()).toThrow();
    } finally {
      reader.close();
    }
    expect(victim).toBe(ROW(1500)[0]);
    // The store refuses the file at open and names it damaged.
    expect(codeOf(() => openStore(copy, key, { migrations: [] }))).toBe('STORE_DB_DAMAGED');
  });
});
