import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The UOS app-store layout (统信 UOS 应用打包规范): everything under /opt/apps/<appid>/ —
 * `files/` (the app), `entries/applications/<appid>.desktop`, `entries/icons/hicolor/<n>x<n>/apps/<appid>.png`
 * and `info` (JSON: id, name, version, arch, permissions). Kylin installs the same deb.
 */
export interface UosPackageInput {
  /** electron-builder's unpacked folder (dist/linux-unpacked, dist/linux-arm64-unpacked). */
  unpackedDir: string;
  arch: 'x64' | 'arm64';
  version: string;
  outDir: string;
  appId: string;
  name: string;
  executable: string;
  maintainer: string;
  description: string;
  depends: string[];
  /** Folder of <n>x<n>.png icons (build/icons). */
  iconsDir: string;
  /** The reader-access lines of the electron-builder install script, run with RESOURCES set to this layout's. */
  postinstBody: string;
}

const DEB_ARCH = { x64: 'amd64', arm64: 'arm64' } as const;

export function uosPackage(input: UosPackageInput): string {
  const stage = mkdtempSync(join(tmpdir(), 'uos-'));
  try {
    const base = join(stage, 'opt', 'apps', input.appId);
    cpSync(input.unpackedDir, join(base, 'files'), { recursive: true, verbatimSymlinks: true });
    const exe = `/opt/apps/${input.appId}/files/${input.executable}`;
    mkdirSync(join(base, 'entries', 'applications'), { recursive: true });
    writeFileSync(
      join(base, 'entries', 'applications', `${input.appId}.desktop`),
      [
        '[Desktop Entry]',
        'Type=Application',
        `Name=${input.name}`,
        `Comment=${input.description}`,
        `Exec=${exe} %U`,
        `Icon=${input.appId}`,
        'Terminal=false',
        'Categories=Office;',
        'StartupWMClass=jiuzhu-workstation',
        '',
      ].join('\n'),
    );
    for (const png of readdirSync(input.iconsDir).filter((f) => /^\d+x\d+\.png$/.test(f))) {
      const dir = join(base, 'entries', 'icons', 'hicolor', png.replace('.png', ''), 'apps');
      mkdirSync(dir, { recursive: true });
      cpSync(join(input.iconsDir, png), join(dir, `${input.appId}.png`));
    }
    const info = {
      appid: input.appId,
      name: input.name,
      version: input.version,
      arch: [DEB_ARCH[input.arch]],
      permissions: {
        autostart: false,
        notification: false,
        trayicon: false,
        clipboard: true,
        account: false,
        bluetooth: false,
        camera: true,
        audio_record: false,
        installed_apps: false,
      },
    };
    writeFileSync(join(base, 'info'), `${JSON.stringify(info, null, 2)}\n`);

    const debian = join(stage, 'DEBIAN');
    mkdirSync(debian);
    writeFileSync(
      join(debian, 'control'),
      [
        `Package: ${input.appId}`,
        `Version: ${input.version}`,
        `Architecture: ${DEB_ARCH[input.arch]}`,
        `Maintainer: ${input.maintainer}`,
        `Depends: ${input.depends.join(', ')}`,
        'Section: utils',
        'Priority: optional',
        `Description: ${input.name}`,
        ` ${input.description}`,
        '',
      ].join('\n'),
    );
    const postinst = [
      '#!/bin/bash',
      'set -e',
      `chmod 4755 '/opt/apps/${input.appId}/files/chrome-sandbox' 2>/dev/null || true`,
      `RESOURCES='/opt/apps/${input.appId}/files/resources'`,
      input.postinstBody.trim(),
      'exit 0',
      '',
    ].join('\n');
    writeFileSync(join(debian, 'postinst'), postinst);
    chmodSync(join(debian, 'postinst'), 0o755);
    mkdirSync(input.outDir, { recursive: true });
    const out = join(input.outDir, `${input.appId}_${input.version}_${DEB_ARCH[input.arch]}.deb`);
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, out], { stdio: ['ignore', 'ignore', 'inherit'] });
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** What follows the RESOURCES line of build/linux/after-install.tpl: the reader's udev rule and dialout. */
export function readerPostinst(template: string): string {
  const marker = template.indexOf('\nRESOURCES=');
  if (marker < 0) throw new Error('build/linux/after-install.tpl has no RESOURCES= line');
  return template.slice(template.indexOf('\n', marker + 1) + 1);
}

/** The values electron-builder.yml and package.json give the other packages. */
export function uosInputFromProject(root: string, unpackedDir: string, arch: 'x64' | 'arm64', outDir: string): UosPackageInput {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; productName: string; description: string };
  const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const field = (re: RegExp) => {
    const m = re.exec(builder);
    if (!m) throw new Error(`electron-builder.yml: ${re} not found`);
    return m[1]!.trim();
  };
  const dependsBlock = /\n {2}depends:\n((?: {4}- .+\n)+)/.exec(builder);
  if (!dependsBlock) throw new Error('electron-builder.yml: deb.depends not found');
  const executable = field(/\n {2}executableName: (.+)/);
  if (!existsSync(join(unpackedDir, executable)))
    throw new Error(`${unpackedDir} has no ${executable}: pass electron-builder's unpacked folder`);
  return {
    unpackedDir,
    arch,
    version: pkg.version,
    outDir,
    appId: field(/^appId: (.+)$/m),
    name: pkg.productName,
    executable,
    maintainer: field(/\n {2}maintainer: (.+)/),
    description: field(/\n {2}description: (.+)/),
    depends: dependsBlock[1]!
      .trim()
      .split('\n')
      .map((l) => l.replace(/^\s*- /, '').trim()),
    iconsDir: join(root, 'build', 'icons'),
    postinstBody: readerPostinst(readFileSync(join(root, 'build', 'linux', 'after-install.tpl'), 'utf8')),
  };
}
