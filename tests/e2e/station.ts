import { expect, type Page } from '@playwright/test';
import type { RunningShell } from './browserShell';

export const ADMIN = { username: 'admin', displayName: '王站长', password: 'Qiaotou#2026' };

/** First-run setup through the API (the setup wizard has its own test). */
export async function setUpStation(shell: RunningShell): Promise<void> {
  const response = await fetch(`${shell.origin}/api/setup.init`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: ADMIN }),
  });
  const body = (await response.json()) as { ok: boolean };
  if (!body.ok) throw new Error(`setup failed: ${JSON.stringify(body)}`);
}

/** Open the app and log in through the login form. */
export async function openAndLogIn(page: Page, shell: RunningShell, user: { username: string; password: string } = ADMIN): Promise<void> {
  await page.goto(shell.url);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
