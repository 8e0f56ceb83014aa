import { chmodSync, fchmodSync, lstatSync, mkdirSync, readFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { Logger } from '../types';
import { noLogger } from '../types';
import {
  MACHINE_SECRET_BYTES,
  MACHINE_SECRET_FILE,
  machineSecretFileSchema,
  newFileForm,
  secretOfFileForm,
  writeSecretOnce,
  type MachineSecretFile,
} from './machineSecretFile';

/**
 * The machine-wide secret of a station shared by the staff accounts of one PC (preset
 * `"dataScope": "machine"`; README "Where secrets live", docs/SECURITY.md "A station shared by
 * several OS accounts"). It binds the password slots to this machine, not to one OS account:
 *
 * - Linux: `<machine root>/machine/machine-secret.json` in the `file` form. The machine root
 *   (/var/lib/jiuzhu-workstation) is made 2770 root:jiuzhu by the deb's postinst; the secret's
 *   folder is 2750 and the file 0640, both of that group — every account of the group reads it,
 *   none writes it, other accounts cannot reach it.
 * - Windows: the same file in the `dpapi-machine` form, sealed by DPAPI in machine scope
 *   (dpapiMachine.ts): any process of this PC can unseal it, none elsewhere; who may read the file
 *   is the installer's ACL on %ProgramData%\jiuzhu-workstation (the local group 救助通工作站用户).
 */
export interface MachineDpapi {
  protect(plain: Uint8Array): Buffer;
  unprotect(sealed: Uint8Array): Buffer;
}

export interface SharedSecretOptions {
  /** The secret's folder: `<machine root>/machine`. */
  dir: string;
  logger?: Logger;
  /** Windows: DPAPI in machine scope; its absence elsewhere selects the POSIX file form. */
  dpapi?: MachineDpapi;
}

const bad = (path: string, detail: string) => new JiuzhuError('STORE_SHARED_FOLDER_BAD', { path, detail });

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM') throw bad(path, '当前系统账户无权访问（不在 jiuzhu 组）');
    throw e;
  }
}

/**
 * POSIX: nothing for other accounts, no group write on the secret or its folder, and the group
 * the machine root's (the station's staff group) — a file another account could swap is refused.
 */
function assertShared(path: string, st: Stats, group: number, forbidden: number): void {
  if (process.platform === 'win32') return;
  if (st.isSymbolicLink()) throw bad(path, '是符号链接');
  if (st.gid !== group) throw bad(path, `属于用户组 ${st.gid}，应与上级文件夹相同（${group}）`);
  if ((st.mode & forbidden) !== 0) throw bad(path, `权限为 ${(st.mode & 0o7777).toString(8)}，其他账户可以改动或读取`);
}

/** Write the secret file once, group-readable (0640 whatever the umask); the loser of a race reads the winner's. */
function createOnce(dir: string, content: MachineSecretFile): boolean {
  return writeSecretOnce(dir, content, 0o640, (fd) => {
    if (process.platform !== 'win32') fchmodSync(fd, 0o640);
  });
}

function readSecretFile(path: string): MachineSecretFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES') throw bad(path, '当前系统账户无权读取（不在 jiuzhu 组）');
    throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  }
  const parsed = machineSecretFileSchema.safeParse(json);
  if (!parsed.success) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  return parsed.data;
}

/** The machine-wide secret, made on the first start of any staff account when the installer left none. */
export function loadSharedMachineSecret(options: SharedSecretOptions): Buffer {
  const { dir, dpapi } = options;
  const logger = options.logger ?? noLogger;
  const root = dirname(dir);
  const rootStat = statOrNull(root);
  if (!rootStat?.isDirectory()) throw bad(root, '不存在');
  if (process.platform !== 'win32' && (rootStat.mode & 0o007) !== 0)
    throw bad(root, `权限为 ${(rootStat.mode & 0o7777).toString(8)}，其他账户也能进入`);
  let dirStat = statOrNull(dir);
  if (!dirStat) {
    try {
      mkdirSync(dir, { mode: 0o2750 });
      if (process.platform !== 'win32') chmodSync(dir, 0o2750);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw bad(root, '当前系统账户不能在其中建立文件夹（不在 jiuzhu 组）');
    }
    dirStat = statOrNull(dir)!;
  }
  if (!dirStat.isDirectory()) throw bad(dir, '不是文件夹');
  assertShared(dir, dirStat, rootStat.gid, 0o027);
  const path = join(dir, MACHINE_SECRET_FILE);
  if (!statOrNull(path)) {
    const fresh = newFileForm();
    const content: MachineSecretFile = dpapi
      ? { format: 'jiuzhu-machine-secret', version: 1, form: 'dpapi-machine', sealed: dpapi.protect(fresh.secret).toString('base64') }
      : fresh.file;
    if (createOnce(dir, content)) {
      logger.log('info', 'store.machine_secret_created', { protection: dpapi ? 'dpapi-machine' : 'group-file', scope: 'machine' });
      return fresh.secret;
    }
  }
  assertShared(path, lstatSync(path), rootStat.gid, 0o037);
  const file = readSecretFile(path);
  if (file.form === 'file') return secretOfFileForm(file);
  if (file.form !== 'dpapi-machine' || !dpapi) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  let secret: Buffer;
  try {
    secret = dpapi.unprotect(Buffer.from(file.sealed, 'base64'));
  } catch (e) {
    throw new JiuzhuError('STORE_MACHINE_SECRET_UNAVAILABLE', { detail: (e as Error).message.slice(0, 60) });
  }
  if (secret.length !== MACHINE_SECRET_BYTES) throw new JiuzhuError('STORE_MACHINE_SECRET_DAMAGED', { path });
  return secret;
}
