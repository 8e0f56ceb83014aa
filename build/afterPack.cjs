// electron-builder afterPack hook: the native gate. Every native file in the packed folder must be
// built for the package's platform and CPU and, on Linux, load on UOS 20 (glibc 2.28); otherwise the
// build stops here, before an installer is made (tools/release/README.md).
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
const PLATFORM = { win32: 'win', linux: 'linux' };

exports.default = async function afterPack(context) {
  const platform = PLATFORM[context.electronPlatformName];
  const arch = ARCH[context.arch];
  if (!platform) throw new Error(`afterPack: no native gate for platform ${context.electronPlatformName}`);
  const root = path.join(__dirname, '..');
  const cli = path.join(root, 'tools', 'release', 'cli.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'natives', context.appOutDir, '--target', `${platform}-${arch}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0)
    throw new Error(`afterPack: the native gate refused ${context.appOutDir} for ${platform}-${arch} (see REFUSED lines above)`);
};
