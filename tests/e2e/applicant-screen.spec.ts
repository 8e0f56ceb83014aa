import { expect, test } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { launch, logIn, newDataDir, openIntake, removeDataDir, setUpIntakeStation, step, stop, type Shell } from './intakeSupport';

/**
 * The applicant screen: two pages of one browser context — the clerk's window and the applicant
 * screen it opens and pairs — through the built app and the browser shell.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const APPLICANT = { id: makeIdNumber('500110', '1968-02-03', 27, '女'), name: '周桂兰' };
const NOTICE = { title: '低保政策宣传', body: '家庭月人均收入低于当地低保标准、且财产符合规定的，可以向户籍所在地乡镇申请。' };

let shell: Shell;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  const call = await setUpIntakeStation(shell);
  const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...current.settings, policyNotices: [NOTICE] } });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

test('the clerk pairs the applicant screen; the applicant sees their record, signs and confirms; afterwards only the notices remain', async ({ page, context }) => {
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await expect(page.getByTestId('applicant-control')).toHaveAttribute('data-paired', 'no');

  const [screen] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible();
  await expect(page.getByTestId('applicant-control')).toHaveAttribute('data-paired', 'yes');
  // Neither the token nor the one-time code stays in the applicant window's address bar.
  expect(screen.url()).toMatch(/#\/applicant$/);
  expect(screen.url()).not.toContain(shell.token);
  await expect(screen.getByTestId('policy-notice')).toContainText(NOTICE.title);
  await expect(screen.getByTestId('policy-notice')).toContainText(NOTICE.body);
  await expect(screen.getByTestId('applicant-hotline')).toContainText('12349');
  await expect(screen.getByTestId('applicant-idle')).toContainText('申请时请带齐以下材料');

  // The clerk types the applicant; the screen shows it in large type.
  await page.locator('#applicant-id').fill(APPLICANT.id);
  await page.locator('#applicant-name').fill(APPLICANT.name);
  await page.locator('#applicant-phone').fill('13712345678');
  await expect(screen.getByTestId('applicant-name')).toHaveText(APPLICANT.name);
  await expect(screen.getByTestId('applicant-intake')).toContainText(APPLICANT.id);
  await expect(screen.getByTestId('applicant-intake')).toContainText('13712345678');
  const size = await screen.getByTestId('applicant-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(60);

  // The clerk asks for the signature; the applicant signs and confirms on their screen.
  await page.getByTestId('ask-signature').click();
  await expect(screen.getByTestId('signature-canvas')).toBeVisible();
  const pad = screen.getByTestId('signature-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await screen.mouse.move(box.x + 40, box.y + 60);
  await screen.mouse.down();
  for (let i = 1; i <= 20; i++) await screen.mouse.move(box.x + 40 + i * 15, box.y + 60 + Math.sin(i / 2) * 40, { steps: 2 });
  await screen.mouse.up();
  await screen.getByTestId('signature-done').click();
  await expect(screen.getByTestId('applicant-signed')).toBeVisible();
  await expect(page.getByTestId('applicant-signed-tag')).toBeVisible();
  await screen.getByTestId('applicant-confirm').click();
  await expect(screen.getByTestId('applicant-confirmed')).toBeVisible();
  await expect(page.getByTestId('applicant-confirmed-tag')).toBeVisible();

  // Another page of the same browser, with the token but no pairing, sees nothing of it.
  const stranger = await context.newPage();
  await stranger.goto(`${shell.origin}/#token=${shell.token}`);
  await stranger.evaluate(() => (window.location.hash = '#/applicant'));
  await stranger.reload();
  await expect(stranger.getByTestId('applicant-screen')).toHaveAttribute('data-phase', 'unpaired');
  await expect(stranger.locator('body')).not.toContainText(APPLICANT.name);
  await stranger.close();

  // The intake ends (cancelled here): back to the policy notices, nothing personal left.
  await page.getByTestId('cancel-intake').click();
  await page.locator('#cancel-confirm').click();
  await expect(page.getByTestId('new-intake')).toBeVisible();
  await expect(screen.getByTestId('applicant-idle')).toBeVisible();
  const text = await screen.locator('body').innerText();
  expect(text).not.toContain(APPLICANT.name);
  expect(text).not.toContain(APPLICANT.id);
  expect(text).not.toContain('13712345678');
  expect(text).toContain(NOTICE.title);
});

test('a signature given on the applicant screen becomes the applicant’s authorization', async ({ page, context }) => {
  const applicant = { id: makeIdNumber('500110', '1971-06-09', 41, '男'), name: '罗德华' };
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const [screen] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('applicant-control')).toHaveAttribute('data-paired', 'yes', { timeout: 30_000 });
  await page.locator('#applicant-id').fill(applicant.id);
  await page.locator('#applicant-name').fill(applicant.name);
  await page.locator('#applicant-phone').fill('13787654321');
  await expect(screen.getByTestId('applicant-name')).toHaveText(applicant.name);

  for (const name of ['members', 'type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  await page.getByTestId(`sign-${applicant.id}`).click();
  await page.getByTestId('ask-signature').click();
  const pad = screen.getByTestId('signature-canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await screen.mouse.move(box.x + 40, box.y + 60);
  await screen.mouse.down();
  for (let i = 1; i <= 20; i++) await screen.mouse.move(box.x + 40 + i * 15, box.y + 60 + Math.cos(i / 2) * 40, { steps: 2 });
  await screen.mouse.up();
  await screen.getByTestId('signature-done').click();

  await expect(page.getByTestId('signature-from-screen')).toBeVisible();
  await page.getByTestId('save-authorization').click();
  await expect(page.getByTestId(`signer-${applicant.id}`)).toHaveAttribute('data-signed', 'true');
});
