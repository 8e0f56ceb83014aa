import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The UOS layout deb, built by dpkg-deb through the release CLI and read back with dpkg-deb. */
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'uos-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const APP_ID = 'cn.gov.mca.jiuzhu.workstation';

function unpacked(): string {
  const u = join(dir, 'linux-arm64-unpacked');
  mkdirSync(join(u, 'resources', 'linux'), { recursive: true });
  writeFileSync(join(u, 'jiuzhu-workstation'), '#!/bin/sh\necho packed\n');
  chmodSync(join(u, 'jiuzhu-workstation'), 0o755);
  writeFileSync(join(u, 'chrome-sandbox'), 'sandbox');
  writeFileSync(join(u, 'resources', 'app.asar'), 'asar');
  copyFileSync(join(root, 'resources', 'linux', '60-jiuzhu-idcard.rules'), join(u, 'resources', 'linux', '60-jiuzhu-idcard.rules'));
  return u;
}
const deb = (...args: string[]) => execFileSync('dpkg-deb', args, { encoding: 'utf8' });

describe('UOS package', () => {
  it('lays the app out under /opt/apps/<appid> with entries, icons and info, and a postinst that installs the reader rule', () => {
    const out = join(dir, 'out');
    const printed = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'tools', 'release', 'cli.ts'), 'uos', unpacked(), '--arch', 'arm64', '--out', out],
      { cwd: root, encoding: 'utf8' },
    ).trim();
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(printed).toBe(join(out, `${APP_ID}_${version}_arm64.deb`));

    expect(deb('-f', printed, 'Package', 'Architecture', 'Version')).toBe(`Package: ${APP_ID}\nArchitecture: arm64\nVersion: ${version}\n`);
    expect(deb('-f', printed, 'Depends')).toContain('libnss3');
    const paths = deb('-c', printed)
      .split('\n')
      .map((l) => l.split(/\s+/).at(-1));
    const base = `./opt/apps/${APP_ID}`;
    expect(paths).toEqual(
      expect.arrayContaining([
        `${base}/files/jiuzhu-workstation`,
        `${base}/files/resources/app.asar`,
        `${base}/entries/applications/${APP_ID}.desktop`,
        `${base}/entries/icons/hicolor/256x256/apps/${APP_ID}.png`,
        `${base}/info`,
      ]),
    );
    expect(paths.filter((p) => p && !p.startsWith('./opt/apps/') && p !== './' && p !== './opt/' && p !== './opt/apps/')).toEqual([]);

    const extracted = join(dir, 'x');
    mkdirSync(extracted);
    execFileSync('dpkg-deb', ['-R', printed, extracted]);
    const info = JSON.parse(readFileSync(join(extracted, 'opt', 'apps', APP_ID, 'info'), 'utf8'));
    expect(info).toMatchObject({ appid: APP_ID, name: '救助通工作站', version, arch: ['arm64'], permissions: { camera: true } });
    const desktop = readFileSync(join(extracted, 'opt', 'apps', APP_ID, 'entries', 'applications', `${APP_ID}.desktop`), 'utf8');
    expect(desktop).toContain(`Exec=/opt/apps/${APP_ID}/files/jiuzhu-workstation %U`);
    expect(desktop).toContain(`Icon=${APP_ID}`);
    const postinst = readFileSync(join(extracted, 'DEBIAN', 'postinst'), 'utf8');
    expect(postinst).toContain(`RESOURCES='/opt/apps/${APP_ID}/files/resources'`);
    expect(postinst).toContain('"$RESOURCES/linux/60-jiuzhu-idcard.rules" /etc/udev/rules.d/60-jiuzhu-idcard.rules');
    expect(postinst).not.toContain('${sanitizedProductName}');
    expect(() => execFileSync('bash', ['-n', join(extracted, 'DEBIAN', 'postinst')])).not.toThrow();
  });

  it('refuses a folder that is not an unpacked build', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(() =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'tools', 'release', 'cli.ts'), 'uos', empty, '--arch', 'x64', '--out', join(dir, 'o2')],
        { cwd: root, stdio: 'pipe' },
      ),
    ).toThrow(/has no jiuzhu-workstation/);
  });
});
