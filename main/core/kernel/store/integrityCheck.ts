import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { writeFileAtomicSync } from './fsAtomic';
import { rawKeyPragma } from './sqlite';

/**
 * The full integrity_check of the station database, off the login path (README "Integrity").
 * A login opens the database without a check; the full check then runs on its own read-only
 * connection in a worker thread (the core's thread keeps answering), at most once a day, and its
 * result is kept beside the database. A failed result makes the next open run the full check at
 * unlock again, which refuses the login with STORE_DB_DAMAGED.
 */
export const INTEGRITY_INTERVAL_MS = 24 * 3600_000;

const resultSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  ms: z.number(),
});
export type IntegrityResult = z.infer<typeof resultSchema>;

export const integrityFile = (dataDir: string) => join(dataDir, 'jiuzhu.integrity.json');

/** The last background check's result; null when none was recorded or the file is unreadable. */
export function lastIntegrity(dataDir: string): IntegrityResult | null {
  const path = integrityFile(dataDir);
  if (!existsSync(path)) return null;
  try {
    return resultSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

export function recordIntegrity(dataDir: string, r: IntegrityResult): void {
  writeFileAtomicSync(integrityFile(dataDir), Buffer.from(JSON.stringify(r)));
}

/**
 * What an open does: 'full' at unlock when the last background check found damage (so the login
 * is refused as before); otherwise no check at unlock, and a background check when none passed
 * within INTEGRITY_INTERVAL_MS.
 */
export function integrityPlan(last: IntegrityResult | null, now: Date): { atUnlock: 'full' | 'none'; background: boolean } {
  if (last && !last.ok) return { atUnlock: 'full', background: false };
  const due = !last || now.getTime() - Date.parse(last.finishedAt) >= INTEGRITY_INTERVAL_MS;
  return { atUnlock: 'none', background: due };
}

// The worker is given as source (eval) so it needs no bundler entry; it loads the same native module.
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.module);
let db;
try {
  db = new Database(w.path, { readonly: true, ...(w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}) });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(w.keyPragma);
  db.pragma('cache_size = -8192');
  const lines = db.pragma('integrity_check').map((r) => String(Object.values(r)[0] ?? ''));
  parentPort.postMessage({ problems: lines.length === 1 && lines[0] === 'ok' ? [] : lines });
} catch (e) {
  parentPort.postMessage({ problems: [String((e && e.code) || 'error') + ': ' + String((e && e.message) || e).slice(0, 200)] });
} finally {
  if (db) db.close();
}
`;

export interface BackgroundCheck {
  /** Resolves with the result once recorded. */
  done: Promise<IntegrityResult>;
  /** Stop the check (nothing is recorded). */
  stop(): Promise<void>;
}

/** Run the full check on a read-only connection in a worker thread and record its result. */
export function startBackgroundCheck(o: {
  dataDir: string;
  dbPath: string;
  key: Uint8Array;
  nativeBinding?: string;
  now: () => Date;
}): BackgroundCheck {
  const startedAt = o.now();
  const t0 = performance.now();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'),
      path: o.dbPath,
      keyPragma: rawKeyPragma(o.key),
      nativeBinding: o.nativeBinding,
    },
  });
  // A short-lived process (the admin CLI) exits without waiting for it; nothing is recorded then.
  worker.unref();
  let stopped = false;
  const done = new Promise<IntegrityResult>((resolve, reject) => {
    worker.once('message', (m: { problems: string[] }) => {
      if (stopped) return;
      const r: IntegrityResult = {
        startedAt: startedAt.toISOString(),
        finishedAt: o.now().toISOString(),
        ok: m.problems.length === 0,
        problems: m.problems.slice(0, 20),
        ms: Math.round(performance.now() - t0),
      };
      try {
        recordIntegrity(o.dataDir, r);
        resolve(r);
      } catch (e) {
        reject(e as Error);
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (stopped || code === 0) return;
      reject(new Error(`integrity check worker exited with ${code}`));
    });
  });
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}
