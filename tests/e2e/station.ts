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

const ROLE_LABELS = { clerk: '受理员', caseworker: '经办人', head: '站长', print: '打印岗', admin: '管理员' } as const;

/** As a logged-in admin: create a staff account on the staff page. */
export async function createStaff(
  page: Page,
  staff: { username: string; displayName: string; roles: Array<keyof typeof ROLE_LABELS>; password: string },
): Promise<void> {
  await page.getByRole('menuitem', { name: /人员管理/ }).click();
  await page.getByRole('button', { name: /新增人员/ }).click();
  const dialog = page.getByRole('dialog', { name: '新增人员' });
  await dialog.getByLabel('用户名').fill(staff.username);
  await dialog.getByLabel('姓名').fill(staff.displayName);
  for (const role of Object.keys(ROLE_LABELS) as Array<keyof typeof ROLE_LABELS>) {
    const box = dialog.getByRole('checkbox', { name: ROLE_LABELS[role] });
    if ((await box.isChecked()) !== staff.roles.includes(role)) await box.click();
  }
  await dialog.getByLabel('临时密码').fill(staff.password);
  await dialog.getByRole('button', { name: /创\s*建/ }).click();
  await expect(page.getByRole('cell', { name: staff.username, exact: true })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
}

/** First login of an account with a temporary password: log in and replace it. */
export async function firstLogIn(page: Page, user: { username: string; password: string }, newPassword: string): Promise<void> {
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByLabel('当前密码').fill(user.password);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: /保存新密码/ }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
