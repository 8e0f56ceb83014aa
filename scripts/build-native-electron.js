// Build better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/, without touching
// the Node build in node_modules that tests, the CLI and the browser shell load. Runs where the
// Electron binary is installed (npm start calls it when the Electron build is missing). Packaged
// apps do not need it: electron-builder rebuilds node_modules for Electron inside the package.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
export const ELECTRON_SQLITE_BINDING = join(root, 'native', 'electron', 'better_sqlite3.node');

export function buildElectronSqlite({ force = false } = {}) {
  if (existsSync(ELECTRON_SQLITE_BINDING) && !force) return ELECTRON_SQLITE_BINDING;
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const moduleDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'jiuzhu-native-'));
  try {
    const copy = join(work, 'better-sqlite3-multiple-ciphers');
    cpSync(moduleDir, copy, { recursive: true, filter: (src) => !src.includes(`${moduleDir}/build`) });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
      cwd: copy,
      stdio: 'inherit',
    });
    mkdirSync(dirname(ELECTRON_SQLITE_BINDING), { recursive: true });
    cpSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_SQLITE_BINDING);
    return ELECTRON_SQLITE_BINDING;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`Electron build of SQLite: ${buildElectronSqlite({ force: process.argv.includes('--force') })}`);
}
