import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryKind, readHead } from './binaryHeader';
import { elfNeeds } from './elfNeeds';
import { checkNatives } from './nativeGate';
import { targetNamed } from './targets';

/**
 * The gate on real native files: serialport's published prebuilds for other platforms (the files a
 * careless `files:` glob packs), and two libraries compiled here — one asking only old glibc, one
 * asking a symbol glibc added in 2.36. readelf (binutils) cross-checks the ELF reader.
 */
const require = createRequire(import.meta.url);
const prebuilds = join(dirname(require.resolve('@serialport/bindings-cpp/package.json')), 'prebuilds');
const prebuild = (p: string) => join(prebuilds, p);

let dir: string;
const compile = (name: string, source: string) => {
  const c = join(dir, `${name}.c`);
  writeFileSync(c, source);
  execFileSync('gcc', ['-shared', '-fPIC', '-O0', '-o', join(dir, `${name}.so`), c]);
  return join(dir, `${name}.so`);
};
let oldGlibc: string;
let newGlibc: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'native-gate-'));
  oldGlibc = compile('old', '#include <string.h>\nsize_t n(const char *s) { return strlen(s); }\n');
  // arc4random arrived in glibc 2.36: a build machine newer than the target makes exactly this.
  newGlibc = compile('new', '#include <stdlib.h>\nunsigned r(void) { return arc4random(); }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pack(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, 'pkg-'));
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    copyFileSync(from, join(root, to));
  }
  writeFileSync(join(root, 'resources', 'app.asar'), 'not native');
  return root;
}

describe('native header and needs', () => {
  it('reads the format and CPU of ELF and PE files', () => {
    expect(binaryKind(readHead(prebuild('linux-arm64/@serialport+bindings-cpp.armv8.glibc.node')))).toMatchObject({
      format: 'elf',
      arch: 'arm64',
      bits: 64,
    });
    expect(binaryKind(readHead(prebuild('linux-x64/@serialport+bindings-cpp.glibc.node')))).toMatchObject({ format: 'elf', arch: 'x64' });
    expect(binaryKind(readHead(prebuild('linux-arm/@serialport+bindings-cpp.armv7.glibc.node')))).toMatchObject({
      format: 'elf',
      arch: 'arm',
      bits: 32,
    });
    expect(binaryKind(readHead(prebuild('win32-x64/@serialport+bindings-cpp.node')))).toEqual({ format: 'pe', arch: 'x64' });
    expect(binaryKind(readHead(prebuild('win32-ia32/@serialport+bindings-cpp.node')))).toEqual({ format: 'pe', arch: 'ia32' });
    expect(binaryKind(readHead(prebuild('win32-arm64/@serialport+bindings-cpp.armv8.node')))).toEqual({ format: 'pe', arch: 'arm64' });
    expect(binaryKind(readHead(prebuild('darwin-x64+arm64/@serialport+bindings-cpp.node'))).format).toBe('macho');
    expect(binaryKind(Buffer.from('{"not":"native"}')).format).toBe('unknown');
  });

  it('reads the same needed libraries and symbol versions as readelf', () => {
    for (const file of [
      prebuild('linux-x64/@serialport+bindings-cpp.glibc.node'),
      prebuild('linux-arm64/@serialport+bindings-cpp.armv8.glibc.node'),
      prebuild('linux-arm/@serialport+bindings-cpp.armv7.glibc.node'),
      newGlibc,
    ]) {
      const dynamic = execFileSync('readelf', ['-dW', file], { encoding: 'utf8' });
      const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
      const versions = execFileSync('readelf', ['-VW', file], { encoding: 'utf8' });
      const names = [...versions.matchAll(/Name: ([A-Z]+_[\d.]+)\s+Flags/g)].map((m) => m[1]).sort();
      const mine = elfNeeds(file);
      expect(mine.libraries).toEqual(needed);
      expect(Object.values(mine.versions).flat().sort()).toEqual(names);
    }
  });
});

describe('the gate on a packed app folder', () => {
  it('passes a linux-arm64 package whose natives are arm64 glibc ≤ 2.28', () => {
    const root = pack({ 'resources/app.asar.unpacked/serialport.node': prebuild('linux-arm64/@serialport+bindings-cpp.armv8.glibc.node') });
    const report = checkNatives(root, targetNamed('linux-arm64'));
    expect(report.problems).toEqual([]);
    expect(report.files).toEqual([
      expect.objectContaining({ path: 'resources/app.asar.unpacked/serialport.node', highest: expect.objectContaining({ GLIBC: '2.28' }) }),
    ]);
  });

  it('fails an x86-64 native packed into arm64, whatever its name', () => {
    const root = pack({
      'resources/app.asar.unpacked/a.node': prebuild('linux-x64/@serialport+bindings-cpp.glibc.node'),
      'resources/app.asar.unpacked/lib/renamed.bin': oldGlibc,
    });
    const problems = checkNatives(root, targetNamed('linux-arm64')).problems;
    expect(problems).toEqual([
      { path: 'resources/app.asar.unpacked/a.node', problem: 'built for x64, the package is arm64' },
      { path: 'resources/app.asar.unpacked/lib/renamed.bin', problem: 'built for x64, the package is arm64' },
    ]);
  });

  it('fails a native that needs a newer glibc than UOS 20 has, and a musl build', () => {
    const root = pack({
      'resources/app.asar.unpacked/ok.node': oldGlibc,
      'resources/app.asar.unpacked/new.node': newGlibc,
      'resources/app.asar.unpacked/musl.node': prebuild('linux-x64/@serialport+bindings-cpp.musl.node'),
    });
    const problems = checkNatives(root, targetNamed('linux-x64')).problems;
    expect(problems).toContainEqual({
      path: 'resources/app.asar.unpacked/new.node',
      problem: 'needs GLIBC_2.36, the oldest supported system has 2.28',
    });
    expect(problems).toContainEqual({
      path: 'resources/app.asar.unpacked/musl.node',
      problem: 'linked against musl (libc.musl-x86_64.so.1), not glibc',
    });
    expect(problems.map((p) => p.path)).not.toContain('resources/app.asar.unpacked/ok.node');
  });

  it('fails Linux and 32-bit files in a Windows package, and passes its x64 DLLs', () => {
    const root = pack({
      'resources/app.asar.unpacked/ok.node': prebuild('win32-x64/@serialport+bindings-cpp.node'),
      'resources/app.asar.unpacked/ia32.node': prebuild('win32-ia32/@serialport+bindings-cpp.node'),
      'resources/app.asar.unpacked/linux.node': prebuild('linux-x64/@serialport+bindings-cpp.glibc.node'),
    });
    expect(checkNatives(root, targetNamed('win-x64')).problems).toEqual([
      { path: 'resources/app.asar.unpacked/ia32.node', problem: 'built for ia32, the package is x64' },
      { path: 'resources/app.asar.unpacked/linux.node', problem: 'ELF file in a win32 package' },
    ]);
  });
});
