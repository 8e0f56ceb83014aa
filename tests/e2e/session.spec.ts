import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';

/**
 * A new station from the first screen: setup wizard → recovery code → login → idle lock (3 s here,
 * 5 min by default) with the unsaved form kept → unlock → logout → lockout after 5 failures.
 */
let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell(['--idle-lock-minutes', '0.05']);
});
test.afterAll(async () => shell.stop());

test('setup, login, idle lock, unlock, lockout', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(shell.url);

  // Setup wizard.
  await page.getByLabel('工作站名称').fill('桥头镇社会救助工作站');
  await page.getByLabel('行政区划代码（6 位，GB/T 2260）').fill('50011');
  await page.getByRole('button', { name: /下一步/ }).click();
  await expect(page.getByText('行政区划代码应为 6 位数字')).toBeVisible();
  await page.getByLabel('行政区划代码（6 位，GB/T 2260）').fill('500110');
  await page.getByRole('button', { name: /下一步/ }).click();
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员姓名').fill('王站长');
  await page.getByLabel('密码（至少 10 位，不能全是数字，不能与用户名相同）').fill('1234567890');
  await page.getByLabel('再次输入密码').fill('1234567890');
  await page.getByRole('button', { name: /完成设置/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '数字' })).toBeVisible(); // all digits refused by core
  await page.getByLabel('密码（至少 10 位，不能全是数字，不能与用户名相同）').fill('Qiaotou#2026');
  await page.getByLabel('再次输入密码').fill('Qiaotou#2026');
  await page.getByRole('button', { name: /完成设置/ }).click();
  const code = page.getByTestId('recovery-code');
  await expect(code).toHaveText(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}/);
  await expect(page.getByRole('button', { name: /去登录/ })).toBeDisabled();
  await page.getByText('我已妥善保存恢复码').click();
  await page.getByRole('button', { name: /去登录/ }).click();

  // Login.
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  await page.getByLabel('密码').fill('Qiaotou#2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user-menu')).toContainText('王站长');

  // Unsaved work, then idle: the lock screen covers it without losing it.
  await page.getByRole('menuitem', { name: /首页/ }).click();
  await page.getByLabel('公民身份号码').fill('110105194912');
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('解锁密码').fill('not the password');
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(page.getByTestId('lock-screen').getByRole('alert')).toBeVisible();
  await page.getByLabel('解锁密码').fill('Qiaotou#2026');
  await page.getByRole('button', { name: /解\s*锁/ }).click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByLabel('公民身份号码')).toHaveValue('110105194912');

  // Logout, then five wrong passwords lock the account.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
  await page.getByLabel('用户名').fill('admin');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('密码').fill(`wrong-${i}-password`);
    // Each attempt must be answered before the next: a click while the button is still loading is ignored,
    // and the earlier attempt's error stays on screen, so the error alone does not say this one was counted.
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/session.login'));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    expect((await (await answered).json()) as { ok: boolean }).toMatchObject({ ok: false });
    await expect(page.getByTestId('login-error')).toBeVisible();
  }
  await page.getByLabel('密码').fill('Qiaotou#2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('锁定');
});
