import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { JiuzhuError } from '../../../../common/contract/errors';
import { privateFileMode } from './fileModes';

export const LOCK_FILE = 'jiuzhu.lock';

export interface LockOptions {
  /** How long to wait for another holder before STORE_BUSY. */
  timeoutMs?: number;
  /** A lock older than this whose holder cannot be checked (another host) is taken as stale. */
  staleMs?: number;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

interface Holder {
  pid: number;
  host: string;
  at: number;
  token: string;
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.at === 'number' && typeof h.token === 'string')
      return h as Holder;
    return null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale: its process is gone (same host), or it is unreadable/foreign and older than staleMs. */
function isStale(path: string, staleMs: number): boolean {
  const h = readHolder(path);
  if (h && h.host === hostname()) return h.pid !== process.pid && !alive(h.pid);
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false;
  }
  return age > staleMs;
}

/**
 * Run `fn` holding the data folder's lock file (created with O_EXCL: works the same on Windows
 * and Linux, local disks and SMB shares). The holder's pid and host are in the file; a lock left
 * by a dead process is broken under a breaker file (breakStale). Not re-entrant across processes; re-entrant within this process via `held`.
 */
export function withDataDirLock<T>(dataDir: string, fn: () => T, options: LockOptions = {}): T {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(path)) return fn();
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const staleMs = options.staleMs ?? 120_000;
  const token = randomBytes(8).toString('hex');
  let wait = 2;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx', privateFileMode());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new JiuzhuError('STORE_IO', { detail: (e as NodeJS.ErrnoException).code ?? 'lock' });
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), token } satisfies Holder));
      } finally {
        closeSync(fd);
      }
      break;
    }
    if (isStale(path, staleMs)) {
      breakStale(path, staleMs);
      continue;
    }
    if (Date.now() >= deadline) {
      const h = readHolder(path);
      throw new JiuzhuError('STORE_BUSY', {}, h ? { pid: h.pid, host: h.host } : undefined);
    }
    sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 50);
  }
  heldHere.add(path);
  try {
    return fn();
  } finally {
    heldHere.delete(path);
    const h = readHolder(path);
    if (h?.token === token) rmSync(path, { force: true });
  }
}

const heldHere = new Set<string>();

/**
 * Remove a stale lock while holding a second, short-lived breaker file, and only if it is still
 * stale then: two waiters can never both break a lock and then remove a fresh one.
 */
function breakStale(path: string, staleMs: number): void {
  const breaker = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx', privateFileMode());
  } catch {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > 10_000) rmSync(breaker, { force: true });
    } catch {
      // gone already
    }
    sleep(5);
    return;
  }
  closeSync(fd);
  try {
    if (isStale(path, staleMs)) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}
