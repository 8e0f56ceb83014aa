#!/usr/bin/env node
// Copies the CJK fonts the PDF documents need (Noto Serif SC regular + bold, Noto Sans SC regular)
// from their npm packages into resources/fonts/, each with its SIL OFL 1.1 licence text.
// The build calls it; tests call it with --to <dir>. Files already present with the same size
// are left alone, so a second run costs nothing. Plain Node ESM on purpose: it runs before any build.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** [npm package, file inside it, name in resources/fonts] — the names main/core/documents/fonts.ts expects. */
export const FONT_FILES = [
  ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC-Regular.ttf'],
  ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
  ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['@expo-google-fonts/noto-serif-sc', 'LICENSE_FONT', 'NotoSerifSC-OFL.txt'],
  ['@expo-google-fonts/noto-sans-sc', 'LICENSE_FONT', 'NotoSansSC-OFL.txt'],
];

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Copy the fonts into `to` (default resources/fonts); returns the list of files written. */
export function copyFonts(to = join(root, 'resources', 'fonts')) {
  mkdirSync(to, { recursive: true });
  const written = [];
  for (const [pkg, file, target] of FONT_FILES) {
    const from = join(packageDir(pkg), file);
    if (!existsSync(from)) throw new Error(`font source missing: ${from} (is ${pkg} installed?)`);
    const dest = join(to, target);
    if (existsSync(dest) && statSync(dest).size === statSync(from).size) continue;
    copyFileSync(from, dest);
    written.push(dest);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--to');
  const to = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : undefined;
  const written = copyFonts(to);
  console.log(written.length ? `copied ${written.length} font file(s): ${written.join(', ')}` : 'fonts up to date');
}
