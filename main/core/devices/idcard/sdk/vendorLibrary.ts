import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJiuzhuError, JiuzhuError } from '../../../../../common/contract/errors';
import {
  isAllowedLibrary,
  VENDOR_LIBRARIES,
  VENDOR_LIBRARY_FOLDER,
  type VendorBackend,
} from '../../../../../common/idcard/vendorLibraries';

/**
 * The install's vendor library folder: `resources/idcard-sdk` beside app.asar when packaged
 * (process.resourcesPath), else the nearest `resources/idcard-sdk` above this module (the
 * repository in development, out/.. when built). Never taken from the environment or the data
 * folder: only whoever installs the software decides what native code core may load.
 */
export function findVendorLibraryDir(start = dirname(fileURLToPath(import.meta.url))): string {
  const candidates: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'resources', VENDOR_LIBRARY_FOLDER));
  let dir = start;
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'resources', VENDOR_LIBRARY_FOLDER));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // IDCARD_LIBRARY_MISSING names the first candidate when none exists.
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

const allowedNames = (kind: VendorBackend) => VENDOR_LIBRARIES[kind].join('、');

/** A bare file name: no folder part, no drive, nothing a path resolver could move elsewhere. */
const isBareName = (name: string) => name.length > 0 && !/[/\\:\0]/.test(name) && name !== '.' && name !== '..';

/**
 * The real path of an allow-listed vendor library inside `folder`, or a typed error: a name not on
 * the list (an absolute, relative `..` or UNC path never is), a file that is not there, or a link
 * whose real path leaves the folder. Loading the returned real path means a link swapped in
 * later cannot redirect the load.
 */
export function resolveVendorLibrary(kind: VendorBackend, name: string, folder: string): string {
  const refused = () =>
    new JiuzhuError(
      'IDCARD_LIBRARY_NOT_ALLOWED',
      { library: name.slice(0, 120), folder, allowed: allowedNames(kind) },
      { library: name.slice(0, 120), kind },
    );
  if (!isBareName(name) || !isAllowedLibrary(kind, name)) throw refused();
  const missing = () => new JiuzhuError('IDCARD_LIBRARY_MISSING', { library: name, folder }, { library: name, folder });
  let realFolder: string;
  let realFile: string;
  try {
    realFolder = realpathSync(folder);
    realFile = realpathSync(join(folder, name));
  } catch {
    throw missing();
  }
  const inside = relative(realFolder, realFile);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw refused();
  if (!statSync(realFile).isFile()) throw missing();
  return realFile;
}

/** Every allow-listed name, and whether it is installed (a regular file inside the folder). */
export function listVendorLibraries(folder: string): Array<{ name: string; kind: VendorBackend; present: boolean }> {
  const out: Array<{ name: string; kind: VendorBackend; present: boolean }> = [];
  for (const kind of Object.keys(VENDOR_LIBRARIES) as VendorBackend[]) {
    for (const name of VENDOR_LIBRARIES[kind]) {
      let present = true;
      try {
        resolveVendorLibrary(kind, name, folder);
      } catch (error) {
        if (!isJiuzhuError(error)) throw error;
        present = false;
      }
      out.push({ name, kind, present });
    }
  }
  return out;
}
