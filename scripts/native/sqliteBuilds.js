// The builds of better-sqlite3-multiple-ciphers. The two the app loads are compiled from the
// patched amalgamation (sqlite3mcPatch.js):
// - Node: in place in node_modules, loaded by tests, the CLI and the browser shell. Runs at
//   `npm install` (postinstall) and again whenever the stamp beside the build no longer matches
//   (another Node ABI, a new package version, a prebuilt binary fetched by the package's own
//   install script on a machine where that script runs).
// - Electron: into native/electron/, never over the Node build (`npm start` builds it where the
//   Electron binary is installed). Packaged apps get theirs from electron-builder, which rebuilds
//   node_modules from the same patched source (buildDependenciesFromSource in electron-builder.yml,
//   so no unpatched prebuilt binary is fetched); `npm run dist` then restores the Node build.
// A third, from the package's own amalgamation (`--stock DIR`), is only for the store benchmark.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCH_ID, isPatched, patchSqlite3mcFile } from './sqlite3mcPatch.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
export const ELECTRON_SQLITE_BINDING = join(root, 'native', 'electron', 'better_sqlite3.node');
const STAMP = 'jiuzhu-build.json';

const moduleDir = () => dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const amalgamation = (dir) => join(dir, 'deps', 'sqlite3', 'sqlite3.c');
/** The package's own amalgamation, kept beside the patched one so a stock build can be measured. */
const stockAmalgamation = (dir) => `${amalgamation(dir)}.stock`;

function patchKeepingStock(dir) {
  if (!existsSync(stockAmalgamation(dir)) && !isPatched(amalgamation(dir))) copyFileSync(amalgamation(dir), stockAmalgamation(dir));
  return patchSqlite3mcFile(amalgamation(dir));
}
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** node-gyp: npm's own copy when run by npm (production installs have no devDependencies), else ours. */
function nodeGyp() {
  const fromNpm = process.env.npm_config_node_gyp;
  return fromNpm && existsSync(fromNpm) ? fromNpm : require.resolve('node-gyp/bin/node-gyp.js');
}

/**
 * Headers for a Node build: npm passes its `nodedir` setting to install scripts; run by hand, use the
 * headers installed beside this Node (distribution packages and the official archives carry them),
 * so an offline machine does not try to download them.
 */
function nodeHeaders() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_version.h')) ? [`--nodedir=${prefix}`] : [];
}

function compile(dir, extraArgs, env = process.env) {
  execFileSync(process.execPath, [nodeGyp(), 'rebuild', '--release', ...extraArgs], { cwd: dir, stdio: 'inherit', env });
}

/**
 * Electron's headers: downloaded by node-gyp, or an unpacked copy named by JIUZHU_ELECTRON_HEADERS
 * (offline). npm's `nodedir` is dropped: it names Node's headers, and an addon compiled against
 * them would not load in Electron.
 */
function electronHeaders(electronVersion) {
  const { npm_config_nodedir: _nodeHeaders, ...env } = process.env;
  const local = process.env.JIUZHU_ELECTRON_HEADERS;
  const args = [`--target=${electronVersion}`, '--runtime=electron', ...(local ? [`--nodedir=${local}`] : ['--dist-url=https://electronjs.org/headers'])];
  return { args, env };
}

function stampFor(dir, runtime, abi) {
  return { patch: PATCH_ID, source: sha256(amalgamation(dir)), runtime, abi, arch: process.arch, platform: process.platform };
}

function stampMatches(stampPath, want) {
  if (!existsSync(stampPath)) return false;
  try {
    const have = JSON.parse(readFileSync(stampPath, 'utf8'));
    return Object.entries(want).every(([k, v]) => have[k] === v);
  } catch {
    return false;
  }
}

/** The Node build in node_modules: patch the source, compile unless the stamp says it is current. */
export function buildNodeSqlite({ force = false } = {}) {
  const dir = moduleDir();
  const patchedNow = patchKeepingStock(dir);
  const release = join(dir, 'build', 'Release');
  const want = stampFor(dir, 'node', process.versions.modules);
  const binding = join(release, 'better_sqlite3.node');
  // The addon's own hash too: electron-builder's rebuild for packaging compiles over this folder.
  const current = existsSync(binding) && stampMatches(join(release, STAMP), { ...want, addon: sha256(binding) });
  if (!force && !patchedNow && current) return { binding, built: false };
  compile(dir, nodeHeaders());
  writeFileSync(join(release, STAMP), `${JSON.stringify({ ...want, addon: sha256(binding) }, null, 2)}\n`);
  return { binding, built: true };
}

/** The Electron build in native/electron: a patched copy of the package compiled for Electron's ABI. */
export function buildElectronSqlite({ force = false } = {}) {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const stampPath = join(dirname(ELECTRON_SQLITE_BINDING), STAMP);
  const dir = moduleDir();
  patchKeepingStock(dir);
  const want = stampFor(dir, 'electron', electronVersion);
  if (!force && existsSync(ELECTRON_SQLITE_BINDING) && stampMatches(stampPath, want)) return ELECTRON_SQLITE_BINDING;
  const headers = electronHeaders(electronVersion);
  compileCopy(dir, headers.args, ELECTRON_SQLITE_BINDING, headers.env);
  writeFileSync(stampPath, `${JSON.stringify(want, null, 2)}\n`);
  return ELECTRON_SQLITE_BINDING;
}

/** Compile a copy of the package (never its build folder), changed first by `prepare`, and put the addon at `out`. */
function compileCopy(dir, args, out, env = process.env, prepare = () => undefined) {
  const work = mkdtempSync(join(tmpdir(), 'jiuzhu-native-'));
  try {
    const copy = join(work, 'better-sqlite3-multiple-ciphers');
    cpSync(dir, copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, 'build')) });
    prepare(copy);
    compile(copy, args, env);
    mkdirSync(dirname(out), { recursive: true });
    cpSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A Node build from the package's own (unpatched) amalgamation, for the store benchmark's comparison. */
export function buildStockSqlite(outDir) {
  const dir = moduleDir();
  if (!existsSync(stockAmalgamation(dir))) throw new Error(`no stock amalgamation at ${stockAmalgamation(dir)}: reinstall better-sqlite3-multiple-ciphers`);
  const out = join(outDir, 'better_sqlite3.node');
  compileCopy(dir, nodeHeaders(), out, process.env, (copy) => copyFileSync(stockAmalgamation(copy), amalgamation(copy)));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  const stockAt = process.argv.indexOf('--stock');
  if (stockAt > 0) {
    console.log(`stock build of SQLite (no ${PATCH_ID}): ${buildStockSqlite(process.argv[stockAt + 1] ?? 'native/stock')}`);
  } else if (process.argv.includes('--electron')) {
    console.log(`Electron build of SQLite (${PATCH_ID}): ${buildElectronSqlite({ force })}`);
  } else {
    const { binding, built } = buildNodeSqlite({ force });
    console.log(`Node build of SQLite (${PATCH_ID}): ${built ? 'compiled' : 'current'}, ${binding}`);
  }
}
