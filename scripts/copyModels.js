#!/usr/bin/env node
// Copy the face models the renderer needs from @vladmandic/human's npm package into
// renderer/public/models/human/, so Vite ships them with the app and they load from the app's
// own origin (no network at run time). The copies are build artefacts: run this before
// `electron-vite build` and keep the folder out of git.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
// The quality gate's detector: BlazeFace at a reduced input (renderer/src/capture/face/gateDetector.ts).
// Same weights; the graph's input shape says GATE_INPUT and its four Reshape targets ([1, 512|384, 1|16])
// take -1 for the anchor count, which depends on the input size.
const GATE_INPUT = 128;
{
  const json = JSON.parse(readFileSync(join(source, 'blazeface.json'), 'utf8'));
  const bin = Buffer.from(readFileSync(join(source, 'blazeface.bin')));
  const square = (dims) => {
    dims[1].size = String(GATE_INPUT);
    dims[2].size = String(GATE_INPUT);
  };
  square(json.userDefinedMetadata.signature.inputs['input:0'].tensorShape.dim);
  square(json.modelTopology.node.find((n) => n.op === 'Placeholder').attr.shape.shape.dim);
  for (const out of Object.values(json.userDefinedMetadata.signature.outputs)) out.tensorShape.dim[1].size = '-1';
  let offset = 0;
  let freed = 0;
  for (const group of json.weightsManifest) {
    group.paths = [`blazeface-${GATE_INPUT}.bin`];
    for (const w of group.weights) {
      const count = w.shape.reduce((a, b) => a * b, 1);
      if (w.quantization || (w.dtype !== 'float32' && w.dtype !== 'int32'))
        throw new Error(`copy-models: unexpected weight ${w.name} in blazeface`);
      if (w.dtype === 'int32' && /\/shape$/.test(w.name)) {
        const anchors = bin.readInt32LE(offset + 4);
        if (anchors !== 512 && anchors !== 384)
          throw new Error(`copy-models: blazeface reshape ${w.name} is [1, ${anchors}, …], expected 512 or 384`);
        bin.writeInt32LE(-1, offset + 4);
        freed++;
      }
      offset += count * 4;
    }
  }
  if (freed !== 4 || offset !== bin.length)
    throw new Error(`copy-models: blazeface layout not as expected (${freed} reshapes, ${offset}/${bin.length} bytes)`);
  const jsonOut = join(target, `blazeface-${GATE_INPUT}.json`);
  const text = JSON.stringify(json);
  const binOut = join(target, `blazeface-${GATE_INPUT}.bin`);
  if (!existsSync(jsonOut) || readFileSync(jsonOut, 'utf8') !== text || !existsSync(binOut) || !readFileSync(binOut).equals(bin)) {
    writeFileSync(jsonOut, text);
    writeFileSync(binOut, bin);
    copied += 2;
    bytes += text.length + bin.length;
  }
}
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
console.log(
  `copy-models: @vladmandic/human ${version}: ${MODELS.length} models (+ the gate's blazeface-${GATE_INPUT}) in ${target} (${copied} files updated, ${(bytes / 1e6).toFixed(1)} MB)`,
);
