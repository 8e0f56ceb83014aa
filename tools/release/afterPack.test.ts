import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * electron-builder's afterPack hook (build/afterPack.cjs) as electron-builder calls it: with the
 * packed folder, the platform and its Arch number. It runs the gate's CLI in a child process and
 * stops the build on a refused file.
 */
const require = createRequire(import.meta.url);
const hook = require('../../build/afterPack.cjs') as { default: (ctx: object) => Promise<void> };
const prebuilds = join(dirname(require.resolve('@serialport/bindings-cpp/package.json')), 'prebuilds');
const dir = mkdtempSync(join(tmpdir(), 'after-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function packed(name: string, prebuild: string): string {
  const appOutDir = join(dir, name);
  mkdirSync(join(appOutDir, 'resources', 'app.asar.unpacked'), { recursive: true });
  copyFileSync(join(prebuilds, prebuild), join(appOutDir, 'resources', 'app.asar.unpacked', 'bindings.node'));
  return appOutDir;
}

describe('afterPack: the native gate in the build', () => {
  it('lets an arm64 package with arm64 glibc natives through', async () => {
    await expect(
      hook.default({
        appOutDir: packed('good', 'linux-arm64/@serialport+bindings-cpp.armv8.glibc.node'),
        electronPlatformName: 'linux',
        arch: 3,
      }),
    ).resolves.toBeUndefined();
  });

  it('stops the build when an x86-64 native is packed into arm64', async () => {
    await expect(
      hook.default({ appOutDir: packed('wrong', 'linux-x64/@serialport+bindings-cpp.glibc.node'), electronPlatformName: 'linux', arch: 3 }),
    ).rejects.toThrow(/native gate refused .* for linux-arm64/);
  });

  it('stops a Windows x64 build carrying a 32-bit native', async () => {
    await expect(
      hook.default({ appOutDir: packed('win', 'win32-ia32/@serialport+bindings-cpp.node'), electronPlatformName: 'win32', arch: 1 }),
    ).rejects.toThrow(/for win-x64/);
  });
});
