import { chmod } from 'node:fs/promises';
import { isAbsolute } from 'node:path';

/**
 * Files the clerk saves from the app (the xlsx lists of personal data, the diagnostics ZIP) come
 * through Chromium's download, which leaves the saved file at the account's umask (0644 on a
 * default UOS/Kylin account). The desktop shell makes each completed one 0600: only the account
 * that saved it reads it. Pure decision plus one chmod, so both are tested without Electron
 * (savedFiles.test.ts); downloads.ts wires them to the session's `will-download`.
 */
export const SAVED_FILE_MODE = 0o600;

export type DownloadState = 'completed' | 'cancelled' | 'interrupted';

/**
 * The file to restrict once a download is done: the saved path of a completed download on a POSIX
 * system, else nothing (a cancelled or interrupted download leaves no file of ours; Windows has no
 * mode bits, its profile folders' ACLs already keep other accounts out).
 */
export function savedFileToRestrict(state: DownloadState, savePath: string, platform: NodeJS.Platform): string | null {
  if (state !== 'completed' || platform === 'win32') return null;
  return savePath !== '' && isAbsolute(savePath) ? savePath : null;
}

/** Make a saved file readable and writable by its owner only. */
export async function restrictSavedFile(path: string): Promise<void> {
  await chmod(path, SAVED_FILE_MODE);
}
