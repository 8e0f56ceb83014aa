#!/usr/bin/env node
// Copy tfjs's WebAssembly backend binaries into renderer/public/wasm/, so the face worker's WASM
// backend loads them from the app's own origin (Human bundles the backend's JavaScript but fetches
// its .wasm files from a CDN unless `wasmPath` says otherwise). They come from
// @tensorflow/tfjs-backend-wasm, whose version must be the tfjs inside @vladmandic/human: the
// JavaScript glue in Human's bundle and the binaries talk through an ABI private to one release.
// Build artefacts: run before `electron-vite build`; the folder stays out of git.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmPkg = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm');
const humanPkg = join(root, 'node_modules/@vladmandic/human');
const target = join(root, 'renderer/public/wasm');

/** Plain, SIMD, and threaded SIMD (used only where the page is cross-origin isolated; shipped so tfjs finds what it asks for). */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

if (!existsSync(join(wasmPkg, 'package.json'))) {
  console.error('copy-wasm: @tensorflow/tfjs-backend-wasm is missing; run `npm ci`');
  process.exit(1);
}
const wasmVersion = JSON.parse(readFileSync(join(wasmPkg, 'package.json'), 'utf8')).version;
// Human's bundle names the tfjs packages it was built from in dist/tfjs.version.js.
const { version: humanVersions } = await import(pathToFileURL(join(humanPkg, 'dist/tfjs.version.js')).href);
const humanTf = humanVersions['tfjs-backend-wasm'];
if (humanTf !== wasmVersion) {
  console.error(
    `copy-wasm: @tensorflow/tfjs-backend-wasm is ${wasmVersion} but @vladmandic/human bundles tfjs ${humanTf ?? '(unknown)'}; install the matching version`,
  );
  process.exit(1);
}

mkdirSync(target, { recursive: true });
let copied = 0;
let bytes = 0;
for (const name of WASM_FILES) {
  const from = join(wasmPkg, 'dist', name);
  const to = join(target, name);
  if (!existsSync(from)) {
    console.error(`copy-wasm: ${from} is missing`);
    process.exit(1);
  }
  bytes += statSync(from).size;
  if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
  copyFileSync(from, to);
  copied++;
}
console.log(
  `copy-wasm: tfjs-backend-wasm ${wasmVersion}: ${WASM_FILES.length} files in ${target} (${copied} updated, ${(bytes / 1e6).toFixed(1)} MB)`,
);
