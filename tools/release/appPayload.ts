import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/**
 * What electron-builder copies of node_modules into the app: the packages the lock file does not
 * mark dev (production dependencies and theirs), as installed here. Measured raw and deflated (what
 * the installers' compression roughly achieves), to compare dependency changes; Electron itself is
 * the same ~200 MiB in every build and is not counted.
 */
export interface PayloadFigures {
  packages: number;
  files: number;
  rawBytes: number;
  deflatedBytes: number;
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** electron-builder.yml's `files` exclusions ("!…" lines) as regular expressions over paths from the project root. */
export function builderExclusions(builderYml: string): RegExp[] {
  return [...builderYml.matchAll(/^\s*- "!(.+)"\s*$/gm)].map(([, glob]) => {
    let re = '';
    for (let i = 0; i < glob!.length; i++) {
      const c = glob![i]!;
      if (c === '*' && glob![i + 1] === '*') {
        re += '.*';
        i++;
        if (glob![i + 1] === '/') i++;
      } else if (c === '*') re += '[^/]*';
      else if (c === '{') re += '(?:';
      else if (c === '}') re += ')';
      else if (c === ',') re += '|';
      else re += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
  });
}

export function productionPayload(root: string, lockPath = join(root, 'package-lock.json'), exclusions: RegExp[] = []): PayloadFigures {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  const dirs = Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.devOptional)
    .map(([path]) => join(root, path))
    .filter((p) => existsSync(p) && !lstatSync(p).isSymbolicLink());
  // A package's folder holds its nested node_modules, which the lock lists on their own: count each file once.
  const counted = new Set<string>();
  let rawBytes = 0;
  let deflatedBytes = 0;
  let packages = 0;
  for (const dir of dirs) {
    const before = counted.size;
    for (const file of files(dir)) {
      const rel = file.slice(dir.length);
      if (rel.includes('/node_modules/') || counted.has(file)) continue;
      if (exclusions.some((x) => x.test(file.slice(root.length + 1)))) continue;
      counted.add(file);
      const data = readFileSync(file);
      rawBytes += data.length;
      deflatedBytes += data.length > 0 ? deflateRawSync(data, { level: 6 }).length : 0;
    }
    // A package whose every file is excluded is not shipped at all.
    if (counted.size > before) packages++;
  }
  return { packages, files: counted.size, rawBytes, deflatedBytes };
}
