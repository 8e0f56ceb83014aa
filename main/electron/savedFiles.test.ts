import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restrictSavedFile, SAVED_FILE_MODE, savedFileToRestrict } from './savedFiles';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('files saved through the desktop shell’s downloads', () => {
  it('a completed download on Linux or macOS is restricted; cancelled, interrupted, Windows and a missing or relative path are not', () => {
    expect(savedFileToRestrict('completed', '/home/clerk/下载/在册对象-2026-02-12.xlsx', 'linux')).toBe(
      '/home/clerk/下载/在册对象-2026-02-12.xlsx',
    );
    expect(savedFileToRestrict('completed', '/Users/clerk/Downloads/diagnostics.zip', 'darwin')).toBe(
      '/Users/clerk/Downloads/diagnostics.zip',
    );
    expect(savedFileToRestrict('cancelled', '/home/clerk/下载/a.xlsx', 'linux')).toBeNull();
    expect(savedFileToRestrict('interrupted', '/home/clerk/下载/a.xlsx', 'linux')).toBeNull();
    expect(savedFileToRestrict('completed', 'C:\\Users\\clerk\\Downloads\\a.xlsx', 'win32')).toBeNull();
    expect(savedFileToRestrict('completed', '', 'linux')).toBeNull();
    expect(savedFileToRestrict('completed', 'a.xlsx', 'linux')).toBeNull();
  });

  it.skipIf(process.platform === 'win32')('a saved list left at the umask (0644, readable by every account) ends 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-saved-'));
    dirs.push(dir);
    const file = join(dir, '监测预警-2026-02-12.xlsx');
    writeFileSync(file, 'PK\u0003\u0004');
    chmodSync(file, 0o644);
    expect(modeOf(file)).toBe(0o644);
    const path = savedFileToRestrict('completed', file, process.platform);
    expect(path).toBe(file);
    await restrictSavedFile(path!);
    expect(modeOf(file)).toBe(SAVED_FILE_MODE);
    expect(SAVED_FILE_MODE).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')(
    'a file gone before the chmod is refused with its error (the handler logs it), never passed over',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-saved-'));
      dirs.push(dir);
      await expect(restrictSavedFile(join(dir, 'gone.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );
});
