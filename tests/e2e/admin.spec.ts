import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startShell, type RunningShell } from './browserShell';
import { createStaff, firstLogIn, logOut, openAndLogIn, setUpStation } from './station';

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpStation(shell);
});
test.afterAll(async () => shell.stop());

test('the admin manages staff; a clerk sees only what a clerk may use', async ({ page }) => {
  await openAndLogIn(page, shell);
  await createStaff(page, { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' });
  await expect(page.getByRole('row', { name: /clerk1/ })).toContainText('待改密码');
  await logOut(page);
  await firstLogIn(page, { username: 'clerk1', password: 'Temp#pass2026' }, 'Clerk#Counter9');
  await expect(page.getByTestId('user-menu')).toContainText('李受理');
  await expect(page.getByRole('menuitem', { name: /读\s*卡/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /人员管理/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /备份恢复/ })).toHaveCount(0);
});

test('backup to a folder, check the store, verify the audit chain', async ({ page }) => {
  const usb = join(shell.dataDir, '..', `usb-${Date.now()}`);
  mkdirSync(usb);
  const file = join(usb, '桥头镇备份.jzbak');
  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: /备份恢复/ }).click();
  await page.getByLabel('备份到').fill(file);
  await page.getByRole('button', { name: /开始备份/ }).click();
  await expect(page.getByTestId('backup-done')).toContainText('备份完成');
  expect(existsSync(file)).toBe(true);

  await page.getByRole('button', { name: /开始检查/ }).click();
  await expect(page.getByTestId('check-result')).toContainText('完整');

  await page.getByLabel('备份文件').fill(join(usb, 'no-such-backup.jzbak'));
  await page.getByRole('button', { name: /恢\s*复/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /恢\s*复/ })
    .click();
  await expect(page.getByTestId('restore-error')).toContainText('备份');

  await page.getByRole('menuitem', { name: /审计日志/ }).click();
  await expect(page.locator('[data-action="backup.create"]').first()).toHaveText('备份');
  await page.getByRole('button', { name: /校验日志完整性/ }).click();
  await expect(page.getByTestId('audit-verify')).toContainText('日志完整');
});
