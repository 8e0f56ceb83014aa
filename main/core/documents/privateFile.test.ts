import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePrivateDir, writePrivateFile } from './privateFile';

/** PDFs of personal data were written with the default umask (often 0644) and followed symbolic links. */
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-private-file-'));
let umask: number;
beforeAll(() => {
  // The most permissive umask: the mode must come from the code, not from the environment.
  umask = process.umask(0o000);
});
afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string) => statSync(path).mode & 0o777;

describe('writing files of personal data', () => {
  it('creates them readable by the owner only, whatever the umask', () => {
    const file = join(dir, 'notice.pdf');
    writePrivateFile(file, Buffer.from('%PDF-1.7 personal'));
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 personal');
    expect(mode(file)).toBe(0o600);
  });

  it('replaces an existing file of the user whole, with the private mode', () => {
    const file = join(dir, 'old.pdf');
    writeFileSync(file, 'old content, world-readable');
    chmodSync(file, 0o644);
    writePrivateFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o600);
  });

  it('refuses a symbolic link as the target and leaves the file it points at alone', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    const link = join(dir, 'link.pdf');
    symlinkSync(victim, link);
    expect(() => writePrivateFile(link, '%PDF- personal')).toThrow(expect.objectContaining({ code: 'FILE_NOT_WRITTEN' }));
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // A dangling link (to where an attacker would like the file created) is refused too.
    const dangling = join(dir, 'dangling.pdf');
    symlinkSync(join(dir, 'created-elsewhere.pdf'), dangling);
    expect(() => writePrivateFile(dangling, 'x')).toThrow(expect.objectContaining({ code: 'FILE_NOT_WRITTEN' }));
    expect(existsSync(join(dir, 'created-elsewhere.pdf'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('makes a new folder 0700 and refuses a folder that is a link', () => {
    const out = join(dir, 'batch', 'nested');
    ensurePrivateDir(out);
    expect(mode(out)).toBe(0o700);
    const real = join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(dir, 'linked'));
    expect(() => ensurePrivateDir(join(dir, 'linked'))).toThrow(expect.objectContaining({ code: 'FILE_NOT_WRITTEN' }));
  });

  it('says plainly when the folder does not exist', () => {
    expect(() => writePrivateFile(join(dir, 'missing', 'x.pdf'), 'x')).toThrow(/所在的文件夹不存在/);
  });
});
