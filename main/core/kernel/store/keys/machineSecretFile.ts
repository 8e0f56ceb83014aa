import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  writeSync,
  fsyncSync,
  rmSync,
  linkSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, relative, isAbsolute, dirname, basename } from 'node:path';
import { z } from 'zod';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { fsyncDir } from '../fsAtomic';

export const MACHINE_SECRET_BYTES = 32;
export const MACHINE_SECRET_FOLDER = 'jiuzhu-workstation-machine';
export const MACHINE_SECRET_FILE = 'machine-secret.json';

/**
 * The machine secret's file. `file`: the 32 bytes themselves, protected only by the file's
 * permissions (CLI, browser shell, a desktop without a secure OS keystore). `os-keystore`: the
 * bytes sealed by the desktop shell's Electron safeStorage (DPAPI / libsecret / keychain);
 * `helper` is the desktop executable that unseals it for the CLI and the browser shell.
 */
export const machineSecretFileSchema = z.discriminatedUnion('form', [
  z.object({
    format: z.literal('jiuzhu-machine-secret'),
    version: z.literal(1),
    form: z.literal('file'),
    secret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  }),
  z.object({
    format: z.literal('jiuzhu-machine-secret'),
    version: z.literal(1),
    form: z.literal('os-keystore'),
    backend: z.string().min(1).max(40),
    sealed: z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .max(4096),
    helper: z.string().min(1).max(4096).optional(),
  }),
  /** A station shared by the accounts of one Windows PC: sealed by DPAPI in machine scope (machineSecretShared.ts). */
  z.object({
    format: z.literal('jiuzhu-machine-secret'),
    version: z.literal(1),
    form: z.literal('dpapi-machine'),
    sealed: z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .max(4096),
  }),
]);
export type MachineSecretFile = z.infer<typeof machineSecretFileSchema>;

/**
 * Where this OS user's machine secret lives: outside any data folder, per machine and per user
 * (Windows: %LOCALAPPDATA%, which does not roam with the profile). JIUZHU_MACHINE_SECRET_DIR
 * overrides it (tests, or an install that keeps it on a separate protected volume).
 */
export function defaultMachineSecretDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIUZHU_MACHINE_SECRET_DIR) return env.JIUZHU_MACHINE_SECRET_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), MACHINE_SECRET_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', MACHINE_SECRET_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), MACHINE_SECRET_FOLDER);
}

const insecure = (detail: string, path: string) => new JiuzhuError('STORE_MACHINE_SECRET_INSECURE', { detail, path });

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The secret's folder must not be the data folder or inside it: a copy of the data folder must not carry it. */
export function assertOutsideDataDir(secretDir: string, dataDir: string): void {
  const rel = relative(realOrSelf(dataDir), realOrSelf(secretDir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
    throw new JiuzhuError('STORE_MACHINE_SECRET_INSIDE_DATA', { path: secretDir });
}

/** POSIX only: the folder 0700 and the file 0600, owned by this user; anything looser is refused. */
function assertPrivate(path: string, want: 'dir' | 'file'): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) throw insecure('是符号链接', path);
  if (want === 'dir' ? !st.isDirectory() : !st.isFile()) throw insecure('类型不对', path);
  if (process.platform === 'win32') return;
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw insecure('不属于当前用户', path);
  if ((st.mode & 0o077) !== 0) throw insecure(`权限为 ${(st.mode & 0o777).toString(8)}，应为 ${want === 'dir' ? '700' : '600'}`, path);
}

/** Create the folder 0700 if missing (never loosen or tighten an existing one silently: it is checked). */
export function ensureSecretDir(dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  assertPrivate(dir, 'dir');
}

/** Read the secret file, or null when there is none. Looser permissions or a malformed file are refused. */
export function readMachineSecretFile(dir: string): MachineSecretFile | null {
  const path = join(dir, MACHINE_SECRET_FILE);
  try {
    lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  assertPrivate(dir, 'dir');
  assertPrivate(path, 'file');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  }
  const parsed = machineSecretFileSchema.safeParse(json);
  if (!parsed.success) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  return parsed.data;
}

/**
 * Write the file once: created 0600 with O_EXCL under a temporary name, fsynced, then linked to
 * its final name, which fails if another process won the race (the caller then reads theirs).
 * Returns false when a file was already there.
 */
export function createMachineSecretFile(dir: string, content: MachineSecretFile): boolean {
  ensureSecretDir(dir);
  return writeSecretOnce(dir, content, 0o600, (fd, tmp) => {
    if (process.platform !== 'win32' && (fstatSync(fd).mode & 0o077) !== 0) throw insecure('新文件权限过宽', tmp);
  });
}

/**
 * The secret file written once at `mode` (O_EXCL temporary name, fsync, then a link to its final name
 * that fails if another process won the race; `check` sees the written file before the link). Returns
 * false when a file was already there. Both forms (per account and machine-wide) use it.
 */
export function writeSecretOnce(dir: string, content: MachineSecretFile, mode: number, check: (fd: number, tmp: string) => void): boolean {
  const path = join(dir, MACHINE_SECRET_FILE);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    const bytes = Buffer.from(`${JSON.stringify(content)}\n`, 'utf8');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    check(fd, tmp);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  fsyncDir(dir);
  return true;
}

/** 32 random bytes in the `file` form. */
export function newFileForm(): { secret: Buffer; file: MachineSecretFile } {
  const secret = randomBytes(MACHINE_SECRET_BYTES);
  return { secret, file: { format: 'jiuzhu-machine-secret', version: 1, form: 'file', secret: secret.toString('base64') } };
}

export function secretOfFileForm(f: Extract<MachineSecretFile, { form: 'file' }>): Buffer {
  const b = Buffer.from(f.secret, 'base64');
  if (b.length !== MACHINE_SECRET_BYTES) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path: MACHINE_SECRET_FILE });
  return b;
}
