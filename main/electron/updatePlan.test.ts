import { describe, expect, it } from 'vitest';
import { installPlan } from './updatePlan';

const verified = (kind: 'nsis' | 'deb' | 'appimage', installer: string) => ({ version: '0.2.0', installer, kind });

describe('how the desktop shell runs a verified installer', () => {
  it('Windows: the NSIS installer silently into the current install folder, then the app quits', () => {
    expect(
      installPlan(verified('nsis', 'C:\\ProgramData\\jiuzhu-workstation\\data\\updates\\0.2.0\\setup.exe'), {
        platform: 'win32',
        execPath: 'C:\\Program Files\\救助通工作站\\救助通工作站.exe',
      }),
    ).toEqual({
      kind: 'run-and-quit',
      command: 'C:\\ProgramData\\jiuzhu-workstation\\data\\updates\\0.2.0\\setup.exe',
      args: ['/S', '--force-run', '/D=C:\\Program Files\\救助通工作站'],
    });
  });

  it('Linux: a deb through pkexec apt-get (downgrades allowed, for 回退), an AppImage swapped in place', () => {
    expect(
      installPlan(verified('deb', '/var/lib/jiuzhu-workstation/data/updates/0.2.0/a.deb'), {
        platform: 'linux',
        execPath: '/opt/救助通工作站/jiuzhu-workstation',
      }),
    ).toEqual({
      kind: 'run-then-relaunch',
      command: 'pkexec',
      args: ['apt-get', 'install', '-y', '--allow-downgrades', '/var/lib/jiuzhu-workstation/data/updates/0.2.0/a.deb'],
    });
    expect(
      installPlan(verified('appimage', '/d/updates/0.2.0/a.AppImage'), {
        platform: 'linux',
        execPath: '/tmp/.mount_x/jiuzhu-workstation',
        appImage: '/home/a/jiuzhu.AppImage',
      }),
    ).toEqual({
      kind: 'swap-appimage',
      from: '/d/updates/0.2.0/a.AppImage',
      to: '/home/a/jiuzhu.AppImage',
    });
  });

  it("refuses what cannot run here: an AppImage for a deb install, another system's installer", () => {
    expect(installPlan(verified('appimage', '/d/a.AppImage'), { platform: 'linux', execPath: '/opt/x/jiuzhu-workstation' }).kind).toBe(
      'refuse',
    );
    expect(installPlan(verified('nsis', '/d/a.exe'), { platform: 'linux', execPath: '/opt/x/jiuzhu-workstation' }).kind).toBe('refuse');
    expect(installPlan(verified('deb', 'C:\\a.deb'), { platform: 'win32', execPath: 'C:\\x\\a.exe' }).kind).toBe('refuse');
  });
});
