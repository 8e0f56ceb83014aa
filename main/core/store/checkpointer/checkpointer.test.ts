import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDbKey } from '../keys/keyring';
import { closeStore, integrityProblems, openStore } from '../open-store';
import { ADMIN, makeStation, tempDir } from '../test-support/fixtures';
import type { Db } from '../types';
import { BackgroundCheckpointer } from './checkpointer';

/** mxFrame (frames in the WAL) and nBackfill (frames already copied into the database), from -shm. */
function walIndex(dbPath: string): { mxFrame: number; nBackfill: number } {
  const b = readFileSync(`${dbPath}-shm`).subarray(0, 136);
  return { mxFrame: b.readUInt32LE(16), nBackfill: b.readUInt32LE(96) };
}
const pending = (dbPath: string) => {
  const w = walIndex(dbPath);
  return w.mxFrame - w.nBackfill;
};

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One commit of ~12 pages: a 40 KB row (random bytes, so pages differ). */
function commit(db: Db, i: number): void {
  db.prepare('INSERT INTO t (i, body) VALUES (?, randomblob(40000))').run(i);
}

const FAST = { pollMs: 20, thresholdFrames: 100, quietMs: 60, behindFrames: 100_000, idleMs: 600 };

describe('background checkpointer', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  let cp: BackgroundCheckpointer | undefined;
  let path: string;
  const key = newDbKey();
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('jiuzhu-ckpt-'));
    path = join(dir, 'jiuzhu.db');
    db = openStore(path, key, { create: true });
    db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT');
  });
  afterEach(() => {
    cp?.stop();
    cp = undefined;
    closeStore(db);
    cleanup();
  });

  it('checkpoints while the writer does nothing, then truncates the WAL when idle', async () => {
    cp = new BackgroundCheckpointer({ dbPath: path, key, writer: db, settings: FAST });
    await cp.ready();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8000); // the writer only checkpoints past the hard limit
    for (let i = 0; i < 30; i++) commit(db, i);
    expect(pending(path)).toBeGreaterThan(FAST.thresholdFrames);
    const walBytes = statSync(`${path}-wal`).size;
    expect(walBytes).toBeGreaterThan(FAST.thresholdFrames * 4096);
    // the writer does nothing from here on
    await until(() => pending(path) === 0);
    expect(cp.stats().framesCheckpointed).toBeGreaterThan(FAST.thresholdFrames);
    await until(() => statSync(`${path}-wal`).size === 0);
    expect(walIndex(path).mxFrame).toBe(0);
    // nothing lost on the way: all rows, now in the database file
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(30);
    expect(integrityProblems(db)).toEqual([]);
  });

  it('the writer checkpoints itself past the hard limit when the thread is stopped or has died', async () => {
    const hard = 300;
    cp = new BackgroundCheckpointer({ dbPath: path, key, writer: db, settings: { ...FAST, hardLimitFrames: hard } });
    await cp.ready();
    cp.pause();
    await new Promise((r) => setTimeout(r, 100));
    let max = 0;
    let restarts = 0;
    let prev = 0;
    for (let i = 0; i < 120; i++) {
      commit(db, i);
      const mx = walIndex(path).mxFrame;
      if (mx < prev) restarts++;
      prev = mx;
      max = Math.max(max, mx);
    }
    // ~1400 frames written; the WAL restarted after the writer's own checkpoints, never passing limit + one commit
    expect(restarts).toBeGreaterThanOrEqual(3);
    expect(max).toBeLessThan(hard + 40);
    expect(cp.stats().checkpoints).toBe(0);

    // a dead thread: the writer's ordinary automatic checkpoint comes back
    await cp.kill();
    await until(() => cp!.stats().state === 'dead');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
  });

  it('stop() waits for a running checkpoint and closes the thread connection', async () => {
    cp = new BackgroundCheckpointer({ dbPath: path, key, writer: db, settings: { ...FAST, thresholdFrames: 100_000, idleMs: 60_000 } });
    await cp.ready();
    for (let i = 0; i < 150; i++) commit(db, i);
    const before = pending(path);
    expect(before).toBeGreaterThan(1000);
    const running = cp.checkpointNow('passive');
    await new Promise((r) => setTimeout(r, 5));
    cp.stop();
    expect(cp.stats().state).toBe('stopped');
    expect(await running).toBeDefined();
    // the writer is the last connection: closing it checkpoints and removes the WAL file
    closeStore(db);
    expect(existsSync(`${path}-wal`)).toBe(false);
    db = openStore(path, key);
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(150);
  });
});

describe('station with the background checkpointer', () => {
  it('close stops the thread and leaves a clean database that reopens with the data', async () => {
    const { dir, cleanup } = tempDir('jiuzhu-ckpt-station-');
    try {
      const t = makeStation(dir);
      t.auth.login(ADMIN.username, ADMIN.password);
      const cp = t.station.checkpointer!;
      expect(cp).not.toBeNull();
      await cp.ready();
      const key = Buffer.from(t.station.dbKey);
      const put = t.station.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
      t.station.db.transaction(() => {
        for (let i = 0; i < 2000; i++) put.run(`k-${i}`, `value ${i} `.repeat(20));
      })();
      expect((await cp.checkpointNow('passive')).checkpointed).toBeGreaterThan(0);
      put.run('after-checkpoint', 'last');
      t.auth.close();
      expect(cp.stats().state).toBe('stopped');
      expect(t.station.checkpointer).toBeNull();
      expect(existsSync(join(dir, 'jiuzhu.db-wal'))).toBe(false);
      const db = openStore(join(dir, 'jiuzhu.db'), key);
      try {
        expect(integrityProblems(db)).toEqual([]);
        expect(db.prepare("SELECT count(*) AS n FROM setting WHERE key LIKE 'k-%'").get()).toEqual({ n: 2000 });
        expect(db.prepare("SELECT value FROM setting WHERE key = 'after-checkpoint'").pluck().get()).toBe('last');
      } finally {
        closeStore(db);
      }
    } finally {
      cleanup();
    }
  });
});
