import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { JiuzhuError } from '../../../common/contract/errors';

/**
 * Files of personal data written where a user names them (`documents render/batch/sample --out`):
 * readable by the owner only (0600, whatever the umask), never through a symbolic link, never into a
 * file of another user. The bytes go to a new file beside the target (O_EXCL, O_NOFOLLOW, 0600) that
 * then replaces it: an existing file of the user's own is replaced whole, with the new mode, and a
 * link swapped in after the check is replaced, not followed.
 */
export function writePrivateFile(path: string, data: Uint8Array | string): void {
  refuseUnsafeTarget(path, lstatOrNull(path), 'file');
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  } catch (error) {
    throw notWritable(path, error);
  }
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A folder for such files: created 0700 when new; an existing one must be a real folder of the user's, not a link. */
export function ensurePrivateDir(path: string): void {
  const existing = lstatOrNull(path);
  if (existing) return refuseUnsafeTarget(path, existing, 'dir');
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw notWritable(path, error);
  }
}

function refuseUnsafeTarget(path: string, stats: Stats | null, kind: 'file' | 'dir'): void {
  if (!stats) return;
  if (stats.isSymbolicLink()) throw unsafe(path, '它是一个符号链接（快捷方式），为防止数据被写到别处，不跟随链接');
  if (kind === 'file' && !stats.isFile()) throw unsafe(path, '它不是普通文件');
  if (kind === 'dir' && !stats.isDirectory()) throw unsafe(path, '它不是文件夹');
  if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) throw unsafe(path, '它属于其他用户');
}

const unsafe = (path: string, reason: string) => new JiuzhuError('FILE_NOT_WRITTEN', { path, reason }, { path });

/** The folder is missing, read-only or not the user's: say so rather than fail as an internal error. */
function notWritable(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return unsafe(path, '所在的文件夹不存在');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return unsafe(path, '没有写入这个文件夹的权限');
  return error;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
