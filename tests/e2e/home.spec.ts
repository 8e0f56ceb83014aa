import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';
import { openAndLogIn, setUpStation } from './station';

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpStation(shell);
});
test.afterAll(async () => shell.stop());

test('the home page shows the app info from core and a live link to it', async ({ page }) => {
  await openAndLogIn(page, shell);
  await expect(page.getByRole('heading', { name: '救助通工作站' })).toBeVisible();
  const info = page.getByTestId('app-info');
  await expect(info).toContainText('浏览器模式');
  await expect(info).toContainText(shell.dataDir);
  await expect(page.getByTestId('app-info-database')).toContainText(/SQLite3 Multiple Ciphers [\d.]+ \+jiuzhu-ckpt-copy-raw-\d+/);
  await expect(info.getByText('通用版本')).toHaveCount(0);
  await expect(page.getByTestId('core-status')).toHaveAttribute('data-connected', 'true');
  await expect(page.getByTestId('core-status')).toContainText('核心服务已连接');
  // The token left the address bar once it was read.
  expect(page.url()).not.toContain('token=');
});

test('the ID number field checks as the clerk types', async ({ page }) => {
  await openAndLogIn(page, shell);
  await page.getByLabel('公民身份号码').focus();
  const field = page.getByLabel('公民身份号码');
  const feedback = page.getByTestId('id-number-feedback');

  await page.keyboard.type('110105');
  await expect(feedback).toHaveText('已输入 6 位，还差 12 位');

  await page.keyboard.type('19491231002X');
  await expect(feedback).toHaveAttribute('data-status', 'success');
  await expect(feedback).toContainText('号码有效');
  await expect(feedback).toContainText('北京市 · 1949-12-31 出生 · 女');

  await field.fill('110105194912310021');
  await expect(feedback).toHaveAttribute('data-status', 'error');
  await expect(feedback).toHaveText('校验位不符：号码中有一位输错了，请逐位核对证件');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('110105202302290014');
  await expect(feedback).toHaveText('号码中的出生日期不存在，请核对第 7 至 14 位');

  await field.fill('110105491231002');
  await expect(feedback).toContainText('15 位旧号码已升为 18 位：11010519491231002X');
});

test('the API refuses a wrong token with 401 and answers the right one', async ({ page }) => {
  await page.goto(shell.url);
  const result = await page.evaluate(async (token) => {
    const call = (t: string) =>
      fetch('/api/idNumber.check', {
        method: 'POST',
        headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ idNumber: '11010519491231002X' }),
      });
    const wrong = await call('wrong-token');
    const right = await call(token);
    return { wrongStatus: wrong.status, wrongBody: await wrong.json(), rightStatus: right.status, rightBody: await right.json() };
  }, shell.token);
  expect(result.wrongStatus).toBe(401);
  expect(result.wrongBody).toMatchObject({ ok: false, error: { code: 'BAD_TOKEN' } });
  expect(result.rightStatus).toBe(200);
  expect(result.rightBody).toMatchObject({ ok: true, result: { valid: true } });
});

test('a page opened without the token cannot reach the API', async ({ page }) => {
  await page.goto(shell.origin + '/');
  await expect(page.getByTestId('app-info')).toHaveCount(0);
  await expect(page.getByText('访问凭证无效')).toBeVisible();
});
