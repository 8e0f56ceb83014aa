import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITS, PATCH_ID, patchSqlite3mcSource } from '../../../scripts/native/sqlite3mcPatch.js';

const require = createRequire(import.meta.url);
const VERSION = '#define SQLITE3MC_VERSION_STRING     "SQLite3 Multiple Ciphers 2.3.5"';

/** A stand-in amalgamation: every anchor once, with the CRLF line ends the real one ships with. */
function standIn(skip?: number, twice?: number): string {
  const parts = EDITS.map((e, i) => (i === skip ? '' : typeof e.anchor === 'string' ? e.anchor : VERSION).repeat(i === twice ? 2 : 1));
  return ['/* head */\n', ...parts, '/* tail */\n'].join('/* between */\n').replace(/\n/g, '\r\n');
}

describe('sqlite3mc checkpoint-copy patch', () => {
  it('applies every edit once, keeps CRLF line ends, and is idempotent', () => {
    const patched = patchSqlite3mcSource(standIn());
    expect(patched.split(PATCH_ID).length - 1).toBe(EDITS.length);
    expect(patched.split('\n').length).toBe(patched.split('\r\n').length);
    expect(patched).toContain('case SQLITE_FCNTL_CKPT_START:');
    expect(patched).toContain('"SQLite3 Multiple Ciphers 2.3.5 +' + PATCH_ID + '"');
    expect(patchSqlite3mcSource(patched)).toBe(patched);
  });

  it.each(EDITS.map((e, i) => [e.what, i] as const))('refuses an amalgamation without the anchor of "%s"', (what, i) => {
    expect(() => patchSqlite3mcSource(standIn(i))).toThrow(`sqlite3mc patch (${what}): anchor found 0 times`);
    expect(() => patchSqlite3mcSource(standIn(undefined, i))).toThrow(`sqlite3mc patch (${what}): anchor found 2 times`);
  });

  it('the installed amalgamation is the patched one', () => {
    const dir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
    const source = readFileSync(join(dir, 'deps', 'sqlite3', 'sqlite3.c'), 'utf8');
    expect(source.split(PATCH_ID).length - 1).toBe(EDITS.length);
    const stamp = JSON.parse(readFileSync(join(dir, 'build', 'Release', 'jiuzhu-build.json'), 'utf8')) as { patch: string };
    expect(stamp.patch).toBe(PATCH_ID);
  });
});
