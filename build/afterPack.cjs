// electron-builder afterPack hook: flip Electron's fuses in the packed binary, so the shipped app
// cannot be turned into a plain Node runtime or be debugged or fed code from outside its asar.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const EXECUTABLE = {
  win32: (ctx) => `${ctx.packager.appInfo.productFilename}.exe`,
  linux: (ctx) => ctx.packager.executableName,
  darwin: (ctx) => `${ctx.packager.appInfo.productFilename}.app`,
};

exports.default = async function afterPack(context) {
  const name = EXECUTABLE[context.electronPlatformName];
  if (!name) throw new Error(`afterPack: no fuse target for platform ${context.electronPlatformName}`);
  await flipFuses(path.join(context.appOutDir, name(context)), {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
