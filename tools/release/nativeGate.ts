import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { binaryKind, readHead, type BinaryKind } from './binaryHeader';
import { compareVersions, elfNeeds } from './elfNeeds';
import type { Target } from './targets';

export interface NativeFile {
  path: string;
  kind: BinaryKind;
  /** Linux: the highest version asked of each versioned library family, e.g. { GLIBC: '2.34' }. */
  highest: Record<string, string>;
}

export interface GateReport {
  files: NativeFile[];
  problems: { path: string; problem: string }[];
}

const FORMAT: Record<Target['platform'], BinaryKind['format']> = { linux: 'elf', win32: 'pe' };
/** A musl build (Alpine) links one of these instead of glibc's libc.so.6: it cannot load on UOS or Kylin. */
const MUSL = /^libc\.musl-|^ld-musl-|^libc\.so$/;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** The highest `FAMILY_x.y.z` asked for per family (GLIBC, GLIBCXX, CXXABI…). */
function highestVersions(versions: Record<string, string[]>): Record<string, string> {
  const highest: Record<string, string> = {};
  for (const name of Object.values(versions).flat()) {
    const m = /^([A-Z]+)_(\d+(?:\.\d+)*)$/.exec(name);
    if (!m) continue;
    const [, family, version] = m as unknown as [string, string, string];
    if (!highest[family] || compareVersions(version, highest[family]) > 0) highest[family] = version;
  }
  return highest;
}

/**
 * Every native binary under `root` (a packed app folder: `dist/linux-arm64-unpacked`, …) must be
 * built for the target: the right format and CPU, and on Linux glibc (not musl) no newer than the
 * oldest supported system's. Files are found by their header, not their name, so a renamed or
 * stray library is checked too.
 */
export function checkNatives(root: string, target: Target): GateReport {
  const files: NativeFile[] = [];
  const problems: GateReport['problems'] = [];
  for (const path of walk(root)) {
    const kind = binaryKind(readHead(path, 512));
    if (kind.format === 'unknown') continue;
    const rel = relative(root, path);
    const file: NativeFile = { path: rel, kind, highest: {} };
    files.push(file);
    if (kind.format !== FORMAT[target.platform]) {
      problems.push({ path: rel, problem: `${kind.format.toUpperCase()} file in a ${target.platform} package` });
      continue;
    }
    if (kind.arch !== target.arch) problems.push({ path: rel, problem: `built for ${kind.arch}, the package is ${target.arch}` });
    if (kind.format !== 'elf' || !target.floors) continue;
    const needs = elfNeeds(path);
    const musl = needs.libraries.find((l) => MUSL.test(l));
    if (musl) problems.push({ path: rel, problem: `linked against musl (${musl}), not glibc` });
    file.highest = highestVersions(needs.versions);
    for (const [family, floor] of Object.entries(target.floors)) {
      const asked = file.highest[family];
      if (asked && compareVersions(asked, floor) > 0)
        problems.push({ path: rel, problem: `needs ${family}_${asked}, the oldest supported system has ${floor}` });
    }
  }
  return { files, problems };
}
