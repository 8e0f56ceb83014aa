import { win32 } from 'node:path';
import type { MethodOutput } from '../../common/contract/index';

/**
 * How the desktop shell runs an installer core has just verified (update.install), by its kind:
 * - nsis (Windows): the installer silently (/S) into the current install folder (/D=, last and
 *   unquoted as NSIS requires), `--force-run` to start the new version; the app quits at once so the
 *   installer can replace its files (it asks for elevation itself: the install is per machine).
 * - deb (UOS, Kylin, Debian): `pkexec apt-get install -y --allow-downgrades <file>` — polkit asks for
 *   an administrator's password in the desktop session, as those systems' own updaters do; apt
 *   checks the package's dependencies; the app restarts when it has finished.
 * - appimage: the verified file replaces the running AppImage (copy beside it, then rename over it),
 *   and the app restarts from it. A shell that is not running from an AppImage refuses.
 */
export type InstallPlan =
  | { kind: 'run-and-quit'; command: string; args: string[] }
  | { kind: 'run-then-relaunch'; command: string; args: string[] }
  | { kind: 'swap-appimage'; from: string; to: string }
  | { kind: 'refuse'; reason: string };

export interface ShellFacts {
  platform: NodeJS.Platform;
  /** process.execPath of the running app. */
  execPath: string;
  /** $APPIMAGE: the running AppImage, when the app was started from one. */
  appImage?: string | undefined;
}

export function installPlan(verified: MethodOutput<'update.install'>, shell: ShellFacts): InstallPlan {
  if (verified.kind === 'nsis') {
    if (shell.platform !== 'win32') return { kind: 'refuse', reason: 'Windows 安装程序不能在此系统上运行' };
    return { kind: 'run-and-quit', command: verified.installer, args: ['/S', '--force-run', `/D=${win32.dirname(shell.execPath)}`] };
  }
  if (shell.platform !== 'linux') return { kind: 'refuse', reason: 'Linux 安装包不能在此系统上运行' };
  if (verified.kind === 'deb')
    return { kind: 'run-then-relaunch', command: 'pkexec', args: ['apt-get', 'install', '-y', '--allow-downgrades', verified.installer] };
  if (!shell.appImage) return { kind: 'refuse', reason: '本机安装的不是 AppImage 版本，请使用 deb 更新包' };
  return { kind: 'swap-appimage', from: verified.installer, to: shell.appImage };
}
