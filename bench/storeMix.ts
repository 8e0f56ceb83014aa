import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { newDbKey } from '../main/core/kernel/store/keys/keyring';
import { closeStore, configureConnection } from '../main/core/kernel/store/openStore';
import { openSqlite, rawKeyPragma } from '../main/core/kernel/store/sqlite';
import type { Db } from '../main/core/kernel/store/types';
import { row, type BenchRow } from './types';

/**
 * The counter mix on a database larger than the page cache: ~90 % reads (a person by ID number, a
 * case page by id, a list of 20 by date) and ~10 % small saves, drawn from one seeded sequence and
 * run on every side in slices, the sides' order rotating each slice, so load swings hit all of them.
 * Sides: plain SQLite, the station's cipher (SQLCipher 4: AES-256-CBC + HMAC-SHA512) and
 * sqlite3mc's AEGIS-256 (an AEAD cipher, one pass per page), all with the app's connection settings.
 */
const ROWS = 300_000;
const BATCH = 2_000;
const OPS = 60_000;
const SLICE = 1_000;
const BASE = Date.parse('2024-01-01T00:00:00Z');

type Side = 'plain' | 'sqlcipher' | 'aegis';
const SIDES: Side[] = ['plain', 'sqlcipher', 'aegis'];

const idNumber = (i: number) => `500101${1940 + (i % 60)}${String(1 + (i % 12)).padStart(2, '0')}${String(i).padStart(6, '0')}`;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '明华建国秀英桂兰志强丽娟军平红梅';
function personRow(i: number, rev = 0): [string, string, string, string, string] {
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;
  const household = JSON.stringify({
    members: 1 + (i % 5),
    income: (i * 37 + rev) % 3000,
    address: `渝中区解放碑街道${i % 300}号`,
    phone: `139${String(i).padStart(8, '0')}`,
    note: '家庭成员因病支出较大，申请低保'.repeat(1 + (i % 3)),
  });
  return [idNumber(i), name, '500101', new Date(BASE + i * 60_000).toISOString(), household];
}

/** A small deterministic generator, so every side runs the same operations. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function threadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

function open(path: string, side: Side, key: Uint8Array): Conn {
  let db: Db;
  if (side === 'aegis') {
    db = new Database(path) as unknown as Db;
    db.pragma("cipher='aegis'");
    db.pragma(rawKeyPragma(key));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } else db = openSqlite(path, side === 'plain' ? null : key, { plain: side === 'plain' });
  configureConnection(db);
  return prepare(db);
}

interface Conn {
  db: Db;
  point: (id: string) => unknown;
  byRow: (id: number) => unknown;
  list: (from: string) => unknown[];
  save: (i: number, rev: number) => void;
  wallMs: number;
  cpuMs: number;
}

function prepare(db: Db): Conn {
  db.exec(`CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, region TEXT NOT NULL, created_at TEXT NOT NULL, household TEXT NOT NULL) STRICT;
           CREATE INDEX IF NOT EXISTS person_by_created ON person(created_at);`);
  const point = db.prepare('SELECT * FROM person WHERE id_number = ?');
  const byRow = db.prepare('SELECT * FROM person WHERE id = ?');
  const list = db.prepare('SELECT id, name, created_at FROM person WHERE created_at >= ? ORDER BY created_at LIMIT 20');
  const upd = db.prepare('UPDATE person SET household = ? WHERE id_number = ?');
  const ins = db.prepare('INSERT OR REPLACE INTO person (id_number, name, region, created_at, household) VALUES (?, ?, ?, ?, ?)');
  const save = db.transaction((i: number, rev: number) => {
    const r = personRow(i, rev);
    upd.run(r[4], r[0]);
    ins.run(...personRow(ROWS + i, rev));
  });
  return {
    db,
    point: (id) => point.get(id),
    byRow: (id) => byRow.get(id),
    list: (from) => list.all(from),
    save: (i, rev) => save(i, rev),
    wallMs: 0,
    cpuMs: 0,
  };
}

/** Run `fn` on every side in the rotated order of `turn`, adding its wall and thread CPU time to the side. */
function rotated(conns: Record<Side, Conn>, turn: number, fn: (c: Conn) => void): void {
  for (let k = 0; k < SIDES.length; k++) {
    const c = conns[SIDES[(turn + k) % SIDES.length]!];
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    fn(c);
    c.wallMs += performance.now() - t0;
    c.cpuMs += threadCpuMs() - cpu0;
  }
}

export function counterMix(dir: string): BenchRow[] {
  const keys = Object.fromEntries(SIDES.map((s) => [s, newDbKey()])) as unknown as Record<Side, Uint8Array>;
  const path = (side: Side) => join(dir, `mix-${side}.db`);
  let conns = {} as Record<Side, Conn>;
  for (const side of SIDES) conns[side] = open(path(side), side, keys[side]);
  try {
    // Build: the same 1k-row batches on every side in turn.
    const load: number[] = [loadavg()[0]!];
    for (let b = 0; b < ROWS / BATCH; b++) {
      rotated(conns, b, (c) =>
        c.db.transaction(() => {
          const ins = c.db.prepare('INSERT INTO person (id_number, name, region, created_at, household) VALUES (?, ?, ?, ?, ?)');
          for (let j = 0; j < BATCH; j++) ins.run(...personRow(b * BATCH + j));
        })(),
      );
    }
    const build = Object.fromEntries(SIDES.map((s) => [s, { wall: conns[s].wallMs, cpu: conns[s].cpuMs }])) as Record<
      Side,
      { wall: number; cpu: number }
    >;
    // Reopen with cold page caches (the OS file cache stays warm for all sides alike).
    for (const s of SIDES) closeStore(conns[s].db);
    const reopened = {} as Record<Side, Conn>;
    for (const side of SIDES) reopened[side] = open(path(side), side, keys[side]);
    conns = reopened;
    load.push(loadavg()[0]!);
    const sizeMb = statSync(join(dir, 'mix-sqlcipher.db')).size / 2 ** 20;
    const r = rng(21);
    const ops = Array.from({ length: OPS }, () => {
      const x = r();
      const i = Math.floor(r() * ROWS);
      return { kind: x < 0.6 ? 'point' : x < 0.75 ? 'row' : x < 0.9 ? 'list' : 'save', i } as const;
    });
    let saves = 0;
    for (let s = 0; s < OPS / SLICE; s++) {
      const slice = ops.slice(s * SLICE, (s + 1) * SLICE);
      rotated(reopened, s, (c) => {
        for (const op of slice) {
          if (op.kind === 'point') {
            if (!c.point(idNumber(op.i))) throw new Error('missing row');
          } else if (op.kind === 'row') c.byRow(1 + op.i);
          else if (op.kind === 'list') c.list(new Date(BASE + op.i * 60_000).toISOString());
          else c.save(op.i, s);
        }
      });
      saves += slice.filter((o) => o.kind === 'save').length;
    }
    load.push(loadavg()[0]!);
    const work = `${(ROWS / 1000).toFixed(0)}k rows, ${sizeMb.toFixed(0)} MiB (cache 32 MiB), ${OPS.toLocaleString('en')} ops, ${((saves / OPS) * 100).toFixed(0)} % saves`;
    const build0 = `${(ROWS / 1000).toFixed(0)}k rows in ${BATCH}-row transactions`;
    return [
      row('store mix: counter mix, SQLCipher 4 vs plain: wall', work, reopened.sqlcipher.wallMs, 'ms', reopened.plain.wallMs),
      row('store mix: counter mix, SQLCipher 4 vs plain: CPU', work, reopened.sqlcipher.cpuMs, 'ms', reopened.plain.cpuMs),
      row('store mix: counter mix, AEGIS-256 vs plain: wall', work, reopened.aegis.wallMs, 'ms', reopened.plain.wallMs),
      row('store mix: counter mix, AEGIS-256 vs plain: CPU', work, reopened.aegis.cpuMs, 'ms', reopened.plain.cpuMs),
      row('store mix: build, SQLCipher 4 vs plain: wall', build0, build.sqlcipher.wall, 'ms', build.plain.wall),
      row('store mix: build, AEGIS-256 vs plain: wall', build0, build.aegis.wall, 'ms', build.plain.wall),
      row('store mix: load average (1 min) at build, mix start, end', load.map((l) => l.toFixed(1)).join(' / '), load[2]!, ''),
    ];
  } finally {
    for (const s of SIDES) if (conns[s]?.db.open) closeStore(conns[s].db);
  }
}
