import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger, logFileNames } from './fileLogger';

const root = mkdtempSync(join(tmpdir(), 'jiuzhu-filelog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file logs', () => {
  it('rotate by size: never more than keep + 1 files, each under the cap, the newest lines in the current file', () => {
    const dir = join(root, 'rotate');
    const log = createFileLogger({ dir, name: 'core', maxBytes: 4096, keep: 3 });
    for (let i = 0; i < 500; i++) log.log('info', 'sync.run', { i, outcome: 'ok' });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(logFileNames('core', 3).sort());
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(4096);
    const current = readFileSync(join(dir, 'core.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number });
    expect(current.at(-1)!.i).toBe(499);
    const oldest = readFileSync(join(dir, 'core.3.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number });
    expect(oldest.at(-1)!.i).toBeLessThan(current[0]!.i);
    // Lines 0… went with the rotation: the disk holds at most (keep + 1) × maxBytes.
    expect(oldest[0]!.i).toBeGreaterThan(0);
  });

  it('continues an existing file and counts its size from the disk', () => {
    const dir = join(root, 'resume');
    createFileLogger({ dir, name: 'main', maxBytes: 1000 }).log('info', 'first', { pad: 'x'.repeat(900) });
    createFileLogger({ dir, name: 'main', maxBytes: 1000 }).log('info', 'second', { pad: 'y'.repeat(200) });
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toContain('"first"');
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('"second"');
  });

  it('redacts names, ID and mobile numbers in messages and stacks; keeps generated ids; honours the level', () => {
    const dir = join(root, 'redact');
    const log = createFileLogger({ dir, name: 'core', minimum: 'warn' });
    log.log('info', 'dropped', {});
    log.log('error', 'call.failed', {
      ref: '3f2a9c1e',
      caseId: '7d0c9a52-3a5e-4a77-9f7e-0d5c1d9e2b11',
      error: 'Error: 张三 500110199001011234 at 13812345678\n    at save (file.ts:1)',
    });
    const text = readFileSync(join(dir, 'core.log'), 'utf8');
    expect(text).not.toContain('dropped');
    expect(text).toContain('Error: [han] [id-number] at [mobile]');
    expect(text).toContain('7d0c9a52-3a5e-4a77-9f7e-0d5c1d9e2b11');
    expect(text).not.toMatch(/\p{Script=Han}/u);
  });

  it('a folder it cannot write loses the line, never the work', () => {
    const blocked = join(root, 'not-a-folder');
    writeFileSync(blocked, 'a file where the log folder should be');
    const log = createFileLogger({ dir: blocked, name: 'core' });
    expect(() => log.log('error', 'anything', {})).not.toThrow();
  });
});
