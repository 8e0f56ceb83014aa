import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LaunchPage {
  /** file:// URL of the page: what Chromium is given on its command line. */
  url: string;
  path: string;
  remove(): void;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `--open` hands Chromium the session URL without putting the token on its command line (which every
 * local user can read with `ps`): a one-line page in a new private folder (0700, mkdtemp) as a file
 * of its own (0600, created exclusively, never through a link) that forwards to the token URL.
 * Chromium's argv names only the file; only this user can read it. The shell removes it once the
 * page has presented the token (or when it stops).
 */
export function writeLaunchPage(tokenUrl: string, parent: string = tmpdir()): LaunchPage {
  const dir = mkdtempSync(join(parent, 'jiuzhu-open-'));
  const path = join(dir, 'open.html');
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeHtml(tokenUrl)}"><title>救助通工作站</title>\n`;
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    writeSync(fd, html);
  } finally {
    closeSync(fd);
  }
  return { url: pathToFileURL(path).href, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
