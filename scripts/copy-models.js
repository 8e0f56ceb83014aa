#!/usr/bin/env node
// Copy the face models the renderer needs from @vladmandic/human's npm package into
// renderer/public/models/human/, so Vite ships them with the app and they load from the app's
// own origin (no network at run time). The copies are build artefacts: run this before
// `electron-vite build` and keep the folder out of git.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The package's "exports" hide package.json, so find it beside the app's node_modules.
const pkgDir = join(root, 'node_modules/@vladmandic/human');
const source = join(pkgDir, 'models');
const target = join(root, 'renderer/public/models/human');

/** blazeface: detector; facemesh: landmarks for head pose; faceres: descriptor for matching; antispoof + liveness: passive liveness. */
export const MODELS = ['blazeface', 'facemesh', 'faceres', 'antispoof', 'liveness'];

mkdirSync(target, { recursive: true });
let copied = 0;
let bytes = 0;
for (const name of MODELS) {
  for (const ext of ['json', 'bin']) {
    const from = join(source, `${name}.${ext}`);
    const to = join(target, `${name}.${ext}`);
    if (!existsSync(from)) {
      console.error(`copy-models: ${from} is missing; is @vladmandic/human installed?`);
      process.exit(1);
    }
    const size = statSync(from).size;
    if (existsSync(to) && statSync(to).size === size && readFileSync(to).equals(readFileSync(from))) continue;
    copyFileSync(from, to);
    copied++;
    bytes += size;
  }
}
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
console.log(`copy-models: @vladmandic/human ${version}: ${MODELS.length} models in ${target} (${copied} files updated, ${(bytes / 1e6).toFixed(1)} MB)`);
