import { app } from 'electron';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { JiuzhuError, type Envelope, type MethodOutput } from '../../common/contract/index';
import type { Logger } from '../core/index';
import { installPlan, type InstallPlan } from './updatePlan';

const failed = (detail: string): Envelope => ({ ok: false, error: new JiuzhuError('UPDATE_INSTALL_FAILED', { detail }).toApiError() });

function run(command: string, args: string[], detached: boolean): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached, stdio: 'ignore', windowsHide: false });
    child.once('error', reject);
    if (detached) {
      child.once('spawn', () => {
        child.unref();
        resolve(0);
      });
    } else child.once('exit', (code) => resolve(code));
  });
}

/** Run the install step; resolves with what ends this app: a plain quit (the NSIS installer takes over) or a restart. */
async function carryOut(plan: Exclude<InstallPlan, { kind: 'refuse' }>): Promise<'quit' | 'relaunch'> {
  if (plan.kind === 'run-and-quit') {
    await run(plan.command, plan.args, true);
    return 'quit';
  }
  if (plan.kind === 'run-then-relaunch') {
    const code = await run(plan.command, plan.args, false);
    // pkexec: 126 the password dialog was dismissed, 127 not authorised.
    if (code !== 0) throw new Error(code === 126 || code === 127 ? '没有得到管理员授权' : `apt-get 退出码 ${code}`);
    return 'relaunch';
  }
  const next = `${plan.to}.new`;
  copyFileSync(plan.from, next);
  chmodSync(next, 0o755);
  try {
    renameSync(next, plan.to);
  } catch (e) {
    rmSync(next, { force: true });
    throw e;
  }
  return 'relaunch';
}

/**
 * After core verified the download (update.install), run it as updatePlan.ts says. The window gets
 * core's answer once the installer has started (or, for a deb, finished), then the app quits or
 * restarts; UPDATE_INSTALL_FAILED when it could not be run (nothing changed then).
 */
export async function handOverInstaller(envelope: Envelope, logger: Logger): Promise<Envelope> {
  if (!envelope.ok) return envelope;
  const verified = envelope.result as MethodOutput<'update.install'>;
  const plan = installPlan(verified, { platform: process.platform, execPath: process.execPath, appImage: process.env.APPIMAGE });
  if (plan.kind === 'refuse') return failed(plan.reason);
  logger.log('info', 'update.install_started', { version: verified.version, kind: verified.kind, plan: plan.kind });
  let end: 'quit' | 'relaunch';
  try {
    end = await carryOut(plan);
  } catch (e) {
    logger.log('error', 'update.install_failed', { error: String(e) });
    return failed((e as Error).message.slice(0, 60));
  }
  setTimeout(() => {
    if (end === 'relaunch') {
      app.relaunch();
      app.exit(0);
    } else app.quit();
  }, 300);
  return envelope;
}
