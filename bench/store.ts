import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../main/core/kernel/accounts/accountsService';
import { AuthService } from '../main/core/kernel/accounts/authService';
import { authConfig } from '../main/core/kernel/accounts/config';
import { AttachmentStore } from '../main/core/kernel/store/attachments/attachmentStore';
import { initStation } from '../main/core/kernel/store/initStation';
import { calibrateScrypt } from '../main/core/kernel/store/keys/kdf';
import { newDbKey } from '../main/core/kernel/store/keys/keyring';
import { closeStore, configureConnection } from '../main/core/kernel/store/openStore';
import { openSqlite } from '../main/core/kernel/store/sqlite';
import { Station } from '../main/core/kernel/store/station';
import type { Db } from '../main/core/kernel/store/types';
import { counterMix } from './storeMix';
import { row, type Benchmark, type BenchRow } from './types';

const ROWS = 100_000;
const BATCH = 1_000;
const POINT_READS = 20_000;
const RANGE_SCANS = 500;
const clock = { now: () => new Date() };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '明华建国秀英桂兰志强丽娟军平红梅';

function idNumber(i: number): string {
  // 18 characters, unique per i (shape only; the checksum does not matter here)
  return `500101${1940 + (i % 60)}${String(1 + (i % 12)).padStart(2, '0')}${String(i).padStart(6, '0')}`;
}

const PERSON_SCHEMA = `CREATE TABLE person (
    id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, region TEXT NOT NULL,
    created_at TEXT NOT NULL, household TEXT NOT NULL) STRICT;
    CREATE INDEX person_by_created ON person(created_at);`;
const BASE = Date.parse('2024-01-01T00:00:00Z');

/** Row i of the person table: id number, name, region, created_at, household JSON. */
function personRow(i: number): [string, string, string, string, string] {
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`;
  const household = JSON.stringify({
    members: 1 + (i % 5),
    income: (i * 37) % 3000,
    address: `渝中区解放碑街道${i % 300}号`,
    phone: `139${String(i).padStart(8, '0')}`,
  });
  return [idNumber(i), name, '500101', new Date(BASE + i * 60_000).toISOString(), household];
}

interface Phases {
  insertMs: number;
  /** The slowest of the 100 commits (what the worst save waits for, checkpoints included). */
  slowestCommitMs: number;
  readMs: number;
  scanMs: number;
  /** The WAL left at the end, checkpointed as closeStore does (part of the cost of the inserts). */
  closeMs: number;
  /** Process CPU time (user + system, all threads) over the whole workload. */
  cpuMs: number;
  /** CPU time of the writer's own thread during the inserts (Linux schedstat; NaN elsewhere). */
  insertWriterCpuMs: number;
  /** WAL frames written by the inserts (every dirty page of every commit). */
  frames: number;
  /** Pages of the finished database. */
  pages: number;
}

const walFrames = (db: Db): number => {
  const r = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
  return r[0]?.log ?? 0;
};

/** On-CPU time of the calling thread in ms (first field of Linux schedstat, ns); NaN where unavailable. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/**
 * The same workload on either connection: inserts in batches, indexed point reads, range scans,
 * then the checkpoint of what is left in the WAL.
 */
function workload(db: Db, measureWal = false): Phases {
  db.exec(PERSON_SCHEMA);
  if (measureWal) db.pragma('wal_checkpoint(TRUNCATE)');
  const cpu0 = process.cpuUsage();
  const ins = db.prepare('INSERT INTO person (id_number, name, region, created_at, household) VALUES (?, ?, ?, ?, ?)');
  const base = BASE;
  let slowestCommitMs = 0;
  const writerCpu0 = threadCpuMs();
  let t0 = performance.now();
  for (let b = 0; b < ROWS / BATCH; b++) {
    const c0 = performance.now();
    db.transaction(() => {
      for (let j = 0; j < BATCH; j++) ins.run(...personRow(b * BATCH + j));
    })();
    slowestCommitMs = Math.max(slowestCommitMs, performance.now() - c0);
  }
  const insertMs = performance.now() - t0;
  const insertWriterCpuMs = threadCpuMs() - writerCpu0;
  // With autocheckpoint off this PASSIVE checkpoint is the whole WAL: it is timed as the close phase.
  t0 = performance.now();
  const frames = measureWal ? walFrames(db) : 0;
  const firstCkptMs = performance.now() - t0;
  const get = db.prepare('SELECT * FROM person WHERE id_number = ?');
  t0 = performance.now();
  for (let k = 0; k < POINT_READS; k++) if (!get.get(idNumber((k * 7919) % ROWS))) throw new Error('missing row');
  const readMs = performance.now() - t0;
  const range = db.prepare('SELECT id, name, created_at FROM person WHERE created_at >= ? AND created_at < ? ORDER BY created_at');
  t0 = performance.now();
  for (let k = 0; k < RANGE_SCANS; k++) {
    const from = base + ((k * 104_729) % (ROWS - 1000)) * 60_000;
    if (range.all(new Date(from).toISOString(), new Date(from + 500 * 60_000).toISOString()).length !== 500) throw new Error('bad scan');
  }
  const scanMs = performance.now() - t0;
  t0 = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const closeMs = firstCkptMs + performance.now() - t0;
  return {
    insertMs,
    slowestCommitMs,
    readMs,
    scanMs,
    closeMs,
    cpuMs: cpuMs(cpu0),
    insertWriterCpuMs,
    frames,
    pages: db.pragma('page_count', { simple: true }) as number,
  };
}

type Mode = 'app' | 'walOnly';

/**
 * A stock build of better-sqlite3-multiple-ciphers (no checkpoint copy) to measure against, e.g.
 * `node scripts/native/sqliteBuilds.js --stock /tmp/stock` then
 * `JIUZHU_BENCH_STOCK_SQLITE=/tmp/stock/better_sqlite3.node npm run bench -- store`.
 */
const STOCK_BINDING = process.env.JIUZHU_BENCH_STOCK_SQLITE;

/**
 * The app's own connection settings (configureConnection) on both sides; only the cipher differs.
 * - 'app': the writer checkpoints itself (wal_autocheckpoint 4000), as in the app;
 * - 'walOnly' turns the automatic checkpoint off to split the insert cost into its two phases:
 *   encrypting every WAL frame at commit, and the checkpoint that copies the pages into the file.
 */
function runOn(path: string, encrypted: boolean, mode: Mode, nativeBinding?: string): Phases {
  const key = encrypted ? newDbKey() : null;
  const db = openSqlite(path, key, { plain: !encrypted, ...(nativeBinding ? { nativeBinding } : {}) });
  configureConnection(db);
  if (mode === 'walOnly') db.pragma('wal_autocheckpoint = 0');
  try {
    return workload(db, mode === 'walOnly');
  } finally {
    closeStore(db);
  }
}

const total = (p: Phases) => p.insertMs + p.readMs + p.scanMs + p.closeMs;

const SAVE_BURSTS = 20;
const SAVES_PER_BURST = 100;
const ROWS_PER_SAVE = 10;
const PAUSE_MS = 300;

interface Saves {
  /** Per-save wall times, sorted. */
  times: number[];
  /** Sum of the save times (the writer's time; pauses excluded). */
  writerMs: number;
  /** CPU of the writer thread during the saves (pauses excluded). */
  writerCpuMs: number;
  /** Writer-thread CPU of the costliest single save (a save that runs a checkpoint). */
  maxSaveCpuMs: number;
  /** Process CPU (all threads) from the first save to the end of the final checkpoint. */
  cpuMs: number;
}

/**
 * Counter-like writing: bursts of small transactions (10 person rows each, the same rows as the
 * insert workload) with a pause between bursts, in which a clerk talks to the applicant. Run the
 * same way on both sides; only the cipher differs.
 */
async function savesOn(path: string, encrypted: boolean): Promise<Saves> {
  const key = encrypted ? newDbKey() : null;
  const db = openSqlite(path, key, { plain: !encrypted });
  configureConnection(db);
  try {
    db.exec(PERSON_SCHEMA);
    const ins = db.prepare('INSERT INTO person (id_number, name, region, created_at, household) VALUES (?, ?, ?, ?, ?)');
    const save = db.transaction((first: number) => {
      for (let i = first; i < first + ROWS_PER_SAVE; i++) ins.run(...personRow(i));
    });
    const times: number[] = [];
    let writerCpuMs = 0;
    let maxSaveCpuMs = 0;
    const cpu0 = process.cpuUsage();
    let n = 0;
    for (let b = 0; b < SAVE_BURSTS; b++) {
      for (let k = 0; k < SAVES_PER_BURST; k++) {
        const c0 = threadCpuMs();
        const t0 = performance.now();
        save(n);
        times.push(performance.now() - t0);
        const c = threadCpuMs() - c0;
        writerCpuMs += c;
        maxSaveCpuMs = Math.max(maxSaveCpuMs, c);
        n += ROWS_PER_SAVE;
      }
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const cpuMs_ = cpuMs(cpu0);
    times.sort((a, b) => a - b);
    return { times, writerMs: times.reduce((a, b) => a + b, 0), writerCpuMs, maxSaveCpuMs, cpuMs: cpuMs_ };
  } finally {
    closeStore(db);
  }
}

/** The mean of two runs, field by field. */
function mean<T extends object>(a: T, b: T): T {
  return Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, Array.isArray(v) ? v : ((v as number) + (b[k as keyof T] as number)) / 2]),
  ) as T;
}

/**
 * Both sides twice, plain first then encrypted first, each side's figure the mean of its two runs:
 * a load swing during one run weighs on both sides alike.
 */
async function interleaved<T extends object>(run: (encrypted: boolean, round: number) => T | Promise<T>): Promise<{ plain: T; enc: T }> {
  const p1 = await run(false, 1);
  const e1 = await run(true, 1);
  const e2 = await run(true, 2);
  const p2 = await run(false, 2);
  return { plain: mean(p1, p2), enc: mean(e1, e2) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

export const benchmark: Benchmark = {
  name: 'store',
  summary:
    'the counter mix (~90 % reads) on a database larger than the page cache: plain vs SQLCipher 4 vs AEGIS-256, interleaved; then encrypted vs plain on 100k inserts (split into WAL writes and checkpoint) and counter-like small saves, each side run twice in alternating order; with JIUZHU_BENCH_STOCK_SQLITE, the stock sqlite3mc build too; attachment MB/s',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-store-'));
    try {
      const rows: BenchRow[] = counterMix(dir);
      const { plain, enc } = await interleaved((e, r) => runOn(join(dir, `${e ? 'enc' : 'plain'}-${r}.db`), e, 'app'));
      const { plain: plainWal, enc: encWal } = await interleaved((e, r) =>
        runOn(join(dir, `${e ? 'enc' : 'plain'}-wal-${r}.db`), e, 'walOnly'),
      );
      const saves = await interleaved(async (e, r) => {
        const out = await savesOn(join(dir, `${e ? 'enc' : 'plain'}-saves-${r}.db`), e);
        return { ...out, p99: pct(out.times, 99), max: pct(out.times, 100) };
      });
      const plainSaves = saves.plain;
      const encSaves = saves.enc;
      const nSaves = `${(SAVE_BURSTS * SAVES_PER_BURST).toLocaleString('en')} saves`;
      rows.push(
        row('insert (1k-row transactions, app settings)', '100k rows', enc.insertMs, 'ms', plain.insertMs),
        row('checkpoint of the WAL left at close', 'rest of the WAL', enc.closeMs, 'ms', plain.closeMs),
        row('indexed point read', `${POINT_READS / 1000}k reads`, enc.readMs, 'ms', plain.readMs),
        row('range scan (500 rows each)', `${RANGE_SCANS} scans`, enc.scanMs, 'ms', plain.scanMs),
        row('whole workload (encrypted vs plain)', '100k rows', total(enc), 'ms', total(plain)),
        row('  phase: commits, WAL frames only (autocheckpoint off)', `${encWal.frames} frames`, encWal.insertMs, 'ms', plainWal.insertMs),
        row('  phase: one checkpoint of that WAL', `${encWal.pages} pages`, encWal.closeMs, 'ms', plainWal.closeMs),
        row('insert, writer thread CPU (app settings)', '100k rows', enc.insertWriterCpuMs, 'ms', plain.insertWriterCpuMs),
        row('slowest 1k-row commit (app settings)', '100 commits', enc.slowestCommitMs, 'ms', plain.slowestCommitMs),
        row('whole workload, CPU of all threads (app settings)', '100k rows', enc.cpuMs, 'ms', plain.cpuMs),
        row(
          `saves of ${ROWS_PER_SAVE} rows, ${SAVES_PER_BURST} per burst, ${PAUSE_MS} ms pauses: writer's time`,
          nSaves,
          encSaves.writerMs,
          'ms',
          plainSaves.writerMs,
        ),
        row('  saves: writer thread CPU', nSaves, encSaves.writerCpuMs, 'ms', plainSaves.writerCpuMs),
        row('  saves: p99 save', nSaves, encSaves.p99, 'ms', plainSaves.p99),
        row('  saves: slowest save', nSaves, encSaves.max, 'ms', plainSaves.max),
        row('  saves: writer CPU of the costliest save', nSaves, encSaves.maxSaveCpuMs, 'ms', plainSaves.maxSaveCpuMs),
        row('  saves: CPU of all threads', nSaves, encSaves.cpuMs, 'ms', plainSaves.cpuMs),
      );
      if (STOCK_BINDING) {
        // The same encrypted runs on the stock build: every checkpointed page decrypted and re-encrypted.
        const stock = runOn(join(dir, 'stock.db'), true, 'app', STOCK_BINDING);
        const stockWal = runOn(join(dir, 'stock-wal.db'), true, 'walOnly', STOCK_BINDING);
        rows.push(
          row('stock build: insert (app settings)', '100k rows', stock.insertMs, 'ms', plain.insertMs),
          row('stock build: whole workload (encrypted vs plain)', '100k rows', total(stock), 'ms', total(plain)),
          row('stock build: whole workload, CPU of all threads', '100k rows', stock.cpuMs, 'ms', plain.cpuMs),
          row('stock build: one checkpoint of the WAL-only phase', `${stockWal.pages} pages`, stockWal.closeMs, 'ms', plainWal.closeMs),
          row('checkpoint copy vs stock build: whole workload, CPU', '100k rows', enc.cpuMs, 'ms', stock.cpuMs),
          row('checkpoint copy vs stock build: one checkpoint', `${encWal.pages} pages`, encWal.closeMs, 'ms', stockWal.closeMs),
        );
      }

      // scrypt tuned to ~250 ms on this machine; a login on a full station is the login benchmark.
      const cal = calibrateScrypt(250);
      rows.push(row(`scrypt calibrated N=2^${Math.log2(cal.params.N)} r=8 p=1`, '1 derivation', cal.measuredMs, 'ms'));
      const dataDir = join(dir, 'station');
      const password = 'bench-pass-2025';
      initStation({
        dataDir,
        stationName: '基准测试工作站',
        regionCode: '500101',
        admin: { username: 'admin', displayName: '管理员', password },
        machineId: 'f'.repeat(64),
        clock,
        kdf: cal.params,
      });
      const station = new Station({ dataDir, machineId: 'f'.repeat(64), clock, check: 'none' });
      const config = authConfig({ kdf: cal.params });
      const auth = new AuthService(station, clock, config);
      new AccountsService(station, auth, clock, config);
      const s = auth.login('admin', password);
      let t0: number;

      // attachments: 40 × 1 MiB PDFs through put (hash + chunk + encrypt) and get (read + verify)
      const store = new AttachmentStore(station.db, clock);
      const N = 40;
      const body = Buffer.alloc(1024 * 1024 - 32, 0x41);
      const ids: string[] = [];
      t0 = performance.now();
      for (let i = 0; i < N; i++)
        ids.push(store.put('generated-pdf', Buffer.concat([Buffer.from(`%PDF-1.7 ${i}\n`), body, Buffer.from('\n%%EOF\n')])).id);
      const putS = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const id of ids) store.get(id);
      const getS = (performance.now() - t0) / 1000;
      rows.push(row('attachment put', `${N} × 1 MiB`, N / putS, 'MB/s'));
      rows.push(row('attachment get (verified)', `${N} × 1 MiB`, N / getS, 'MB/s'));
      auth.logout(s.id);
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
