import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EmulatedReader, type FixtureCard } from '../../tools/samEmulator/index';
import { launchShell, type LaunchedShell } from './browserShell';
import type { Role } from '../../common/contract/permissions';
import { ADMIN } from './station';

/**
 * Helpers of the intake end-to-end tests: a browser shell that can be killed and restarted on
 * the same data directory (crash and resume), the API as a second window, and the wizard's keys.
 */

export type Shell = LaunchedShell;

/** A shell that can be killed and restarted on the same data directory (crash and resume). */
export const launch = launchShell;

const tempDirs = new Set<string>();

/**
 * A new folder under the system's temp folder that goes when the test worker exits, passed, failed
 * or timed out (a test's own clean-up is skipped when its body is abandoned at a timeout).
 */
export function tempDir(prefix: string): string {
  if (tempDirs.size === 0) process.once('exit', () => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export const newDataDir = () => tempDir('jiuzhu-intake-e2e-');

/** Stop gracefully, or kill -9 as a crash would. */
export async function stop(shell: Shell, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (shell.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => shell.child.once('exit', () => r()));
  shell.child.kill(signal);
  await exited;
}
export const removeDataDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
};

/** The API as its own window (its own session), as a second workstation window would be. */
export function api(shell: Shell, window = 'intake-e2e-api') {
  return async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${shell.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'X-Jiuzhu-Window': window },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  };
}

/**
 * A new station whose admin holds `roles` (admin and counter clerk unless told; add 'caseworker' for the
 * visit, 初审, 公示 and the extension, which a clerk may not take); county settings for the tests, with the county's 低保 standard (face
 * capture is covered by the capture tests).
 */
export async function setUpIntakeStation(
  shell: Shell,
  readerPath?: string,
  roles: Role[] = ['admin', 'clerk'],
): Promise<ReturnType<typeof api>> {
  const call = api(shell);
  await call('setup.init', { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: ADMIN });
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
  await call('accounts.setRoles', { accountId: accounts.find((a) => a.username === ADMIN.username)!.id, roles });
  await call('session.logout');
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', {
    settings: {
      ...current.settings,
      faceRequired: false,
      notice: {
        headerLines: [],
        issuer: '',
        redress: { reviewBody: '重庆市綦江区人民政府', court: '重庆市綦江区人民法院', reviewDays: 60, litigationMonths: 6 },
      },
      // The county's 低保 standard: the eligibility hint is computed only from a standard the county set.
      standards: (['urban', 'rural'] as const).map((residence) => ({
        regionPrefix: '5001',
        year: new Date().getFullYear(),
        residence,
        monthlyFen: residence === 'urban' ? 80_000 : 64_000,
      })),
    },
  });
  if (readerPath) await call('idcard.configure', { kind: 'sam', path: readerPath });
  return call;
}

export async function logIn(page: Page, shell: Shell): Promise<void> {
  await page.goto(shell.url);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function openIntake(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/intake'));
  await expect(page.getByTestId('new-intake')).toBeVisible();
}

export const step = (page: Page, name: string) => expect(page.getByTestId('intake-wizard')).toHaveAttribute('data-step', name);

/** Wait until the autosave has caught up (nothing pending, revision at least `rev`). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave')).toContainText('已自动保存');
  await page.waitForTimeout(700);
  await expect(page.getByTestId('autosave')).toContainText('已自动保存');
}

/** Draw a short signature on the pad and confirm it. */
export async function sign(page: Page): Promise<void> {
  const box = (await page.getByTestId('signature-canvas').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 15, box.y + 60 + Math.sin(i / 2) * 40, { steps: 2 });
  await page.mouse.up();
  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('signature-saved')).toBeVisible();
}

/**
 * One signer signs in the signing view (the applicant screen's, or the one turned to the signer on
 * the clerk's screen when no applicant screen is paired): a short signature drawn on its pad and confirmed.
 */
export async function signInView(page: Page): Promise<void> {
  const view = page.getByTestId('signing-view');
  await expect(view).toHaveAttribute('data-phase', 'sign');
  const pad = view.getByTestId('signature-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 15, box.y + 60 + Math.sin(i / 2) * 40, { steps: 2 });
  await page.mouse.up();
  await view.getByTestId('signature-done').click();
}

/**
 * For one spec file: a browser shell on a new data folder with the reader emulator (holding `card`)
 * and a counter station set up (`setUpIntakeStation`); all stopped and removed after the file.
 */
export function readerStation(card: FixtureCard, roles?: Role[]): { shell: Shell; reader: EmulatedReader } {
  const ctx = {} as { shell: Shell; reader: EmulatedReader; dataDir: string };
  test.beforeAll(async () => {
    ctx.reader = await EmulatedReader.start({ card });
    ctx.dataDir = newDataDir();
    ctx.shell = await launch(ctx.dataDir, ['--emulated-reader', ctx.reader.hostPath]);
    await setUpIntakeStation(ctx.shell, ctx.reader.hostPath, roles);
  });
  test.afterAll(async () => {
    await stop(ctx.shell);
    await ctx.reader.stop();
    removeDataDir(ctx.dataDir);
  });
  return ctx;
}
