import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, withDataDirLock } from './dataDirLock';
import { codeOf, tempDir } from './testing/fixtures';

describe('the data folder lock', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const holder = (pid: number, host = hostname()) =>
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host, at: Date.now(), token: 'other' }));

  it('is held only while the work runs, and is re-entrant in this process', () => {
    const seen = withDataDirLock(dir, () => [existsSync(join(dir, LOCK_FILE)), withDataDirLock(dir, () => 'inner')]);
    expect(seen).toEqual([true, 'inner']);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('a lock left by a dead process is broken; one held by a live process makes the caller wait, then STORE_BUSY', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    holder(Number(dead.stdout.toString()));
    expect(withDataDirLock(dir, () => 'taken')).toBe('taken');
    holder(process.ppid); // a live process that is not us
    expect(codeOf(() => withDataDirLock(dir, () => 'never', { timeoutMs: 200 }))).toBe('STORE_BUSY');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it("another host's lock is broken only once it is older than the stale limit", () => {
    holder(1, 'another-host');
    expect(codeOf(() => withDataDirLock(dir, () => 'never', { timeoutMs: 100, staleMs: 60_000 }))).toBe('STORE_BUSY');
    expect(withDataDirLock(dir, () => 'taken', { timeoutMs: 100, staleMs: 0 })).toBe('taken');
  });
});
