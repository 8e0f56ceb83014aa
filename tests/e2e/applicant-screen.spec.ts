import { expect, test, type Page } from '@playwright/test';
import { authorizationStatement, sha256Hex } from '../../common/capture/signatureBinding';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { ADMIN } from './station';
import { api, launch, logIn, newDataDir, openIntake, removeDataDir, saved, setUpIntakeStation, signInView, step, stop, type Shell } from './intakeSupport';

/**
 * The applicant screen: two pages of one browser context — the clerk's window and the applicant
 * screen it opens and pairs — through the built app and the browser shell.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const APPLICANT = { id: makeIdNumber('500110', '1968-02-03', 27, '女'), name: '周桂兰' };
const NOTICE = { title: '低保政策宣传', body: '家庭月人均收入低于当地低保标准、且财产符合规定的，可以向户籍所在地乡镇申请。' };

let shell: Shell;
let dataDir: string;
const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(14)}`;

async function pairScreen(page: Page) {
  const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('applicant-control')).toHaveAttribute('data-paired', 'yes', { timeout: 30_000 });
  return screen;
}
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

test('the clerk pairs the applicant screen; the applicant sees their record (ID masked), says what is wrong and confirms; afterwards only the notices remain', async ({ page, context }) => {
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await expect(page.getByTestId('applicant-control')).toHaveAttribute('data-paired', 'no');

  const screen = await pairScreen(page);
  // Neither the token nor the one-time code stays in the applicant window's address bar.
  expect(screen.url()).toMatch(/#\/applicant$/);
  expect(screen.url()).not.toContain(shell.token);
  await expect(screen.getByTestId('policy-notice')).toContainText(NOTICE.title);
  await expect(screen.getByTestId('policy-notice')).toContainText(NOTICE.body);
  await expect(screen.getByTestId('applicant-hotline')).toContainText('12349');
  await expect(screen.getByTestId('applicant-idle')).toContainText('申请时请带齐以下材料');

  // The clerk types the applicant; the screen shows it in large type, the ID number masked.
  await page.locator('#applicant-id').fill(APPLICANT.id);
  await page.locator('#applicant-name').fill(APPLICANT.name);
  await page.locator('#applicant-phone').fill('13712345678');
  await expect(screen.getByTestId('applicant-name')).toHaveText(APPLICANT.name);
  await expect(screen.getByTestId('applicant-intake')).toContainText(masked(APPLICANT.id));
  await expect(screen.getByTestId('applicant-intake')).toContainText('13712345678');
  expect(await screen.locator('body').innerText()).not.toContain(APPLICANT.id);
  const size = await screen.getByTestId('applicant-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(60);

  // 信息有误: the applicant names the part, the clerk's screen says it at once; nothing is blocked.
  await screen.getByTestId('applicant-report').click();
  await screen.getByTestId('report-address').click();
  await expect(screen.getByTestId('report-sent')).toContainText('住址');
  await expect(page.getByTestId('applicant-report-alert')).toHaveAttribute('data-part', 'address');
  await expect(page.getByTestId('applicant-report-alert')).toContainText('“住址”有误');
  await screen.getByTestId('report-back').click();
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
  expect(text).not.toContain(masked(APPLICANT.id));
  expect(text).not.toContain('13712345678');
  expect(text).toContain(NOTICE.title);
});

test('every signer signs on the applicant screen — their own 授权书, 第 n/2 位, the pad — and it becomes their authorization; the clerk sends the next, redoes one', async ({ page }) => {
  const husband = { id: makeIdNumber('500110', '1971-06-09', 41, '男'), name: '罗德华' };
  const wife = { id: makeIdNumber('500110', '1973-04-05', 22, '女'), name: '许桂芳' };
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const screen = await pairScreen(page);
  await page.locator('#applicant-id').fill(husband.id);
  await page.locator('#applicant-name').fill(husband.name);
  await page.locator('#applicant-phone').fill('13787654321');
  await expect(screen.getByTestId('applicant-name')).toHaveText(husband.name);
  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  await page.locator('#member-id').fill(wife.id);
  await page.locator('#member-name').fill(wife.name);
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-table')).toContainText(wife.name);
  await saved(page);
  for (const name of ['type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  const caseId = (await page.getByTestId('intake-wizard').getAttribute('data-case-id'))!;
  for (const p of [husband, wife]) await expect(page.getByTestId(`status-${p.id}`)).toHaveText('等待签字');

  for (const [i, p] of [husband, wife].entries()) {
    await page.getByTestId('sign-next').click();
    await expect(page.getByTestId('signing-on-screen')).toContainText(p.name);
    // The screen shows this signer's statement in words, never a digest, the ID number masked.
    await expect(screen.getByTestId('signing-signer')).toHaveText(`第 ${i + 1}/2 位签字人：${p.name}`);
    await expect(screen.getByTestId('applicant-statement')).toContainText(`授权人：${p.name}`);
    await expect(screen.getByTestId('applicant-statement')).toContainText(`公民身份号码：${masked(p.id)}`);
    await expect(screen.getByTestId('applicant-statement')).toContainText('本人自愿授权民政部门及相关部门依法查询');
    await expect(screen.getByTestId('signature-document-hash')).toHaveCount(0);
    expect(await screen.locator('body').innerText()).not.toContain(p.id);
    if (p === wife) {
      // She starts to sign; the clerk's session locks (Ctrl+L): her view is hidden, not dropped, and comes back as she left it.
      const pad = screen.getByTestId('signature-canvas');
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await screen.mouse.move(box.x + 30, box.y + 40);
      await screen.mouse.down();
      await screen.mouse.move(box.x + 200, box.y + 90, { steps: 8 });
      await screen.mouse.up();
      await expect(pad).toHaveAttribute('data-strokes', '1');
      await page.keyboard.press('Control+l');
      await expect(page.getByTestId('lock-screen')).toBeVisible();
      await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-held', 'yes', { timeout: 15_000 });
      await expect(screen.getByTestId('applicant-idle')).toBeVisible();
      expect(await screen.locator('body').innerText()).not.toContain(p.name);
      await page.getByLabel('解锁密码').fill(ADMIN.password);
      await page.getByRole('button', { name: /解\s*锁/ }).click();
      await expect(screen.getByTestId('applicant-screen')).toHaveAttribute('data-held', 'no', { timeout: 15_000 });
      await expect(screen.getByTestId('signature-canvas')).toHaveAttribute('data-strokes', '1');
      // She finds the statement wrong and says so; the clerk is told; she comes back to the same view and signs.
      await screen.getByTestId('applicant-report').click();
      await screen.getByTestId('report-statement').click();
      await expect(page.getByTestId('applicant-report-alert').last()).toHaveAttribute('data-part', 'statement');
      await screen.getByTestId('report-back').click();
    }
    await signInView(screen);
    await expect(screen.getByTestId('signing-done')).toBeVisible();
    await expect(page.getByTestId(`signer-${p.id}`)).toHaveAttribute('data-signed', 'true');
    await expect(page.getByTestId(`status-${p.id}`)).toHaveText('已签');
  }
  await expect(page.getByTestId('sign-next')).toHaveCount(0);

  // The clerk redoes the husband's: the screen asks him again, and his new signature replaces the first.
  const call = api(shell);
  const before = await call<{ authorizations: Array<{ signerIdNumber: string; signedAt: string }> }>('cases.get', { caseId });
  await page.getByTestId(`sign-${husband.id}`).click();
  await expect(screen.getByTestId('signing-signer')).toHaveText(`第 1/2 位签字人：${husband.name}`);
  await signInView(screen);
  await expect(screen.getByTestId('signing-done')).toBeVisible();
  await expect(page.getByTestId('signing-on-screen')).toHaveCount(0);

  // Core's record: one pad authorization per signer, each bound to the statement the screen showed.
  const d = await call<{ authorizations: Array<{ signerIdNumber: string; route: string; documentHash: string; signedAt: string }> }>('cases.get', { caseId });
  expect(d.authorizations.map((a) => [a.signerIdNumber, a.route]).sort()).toEqual([[husband.id, 'pad'], [wife.id, 'pad']].sort());
  for (const p of [husband, wife]) {
    const a = d.authorizations.find((x) => x.signerIdNumber === p.id)!;
    expect(a.documentHash).toBe(await sha256Hex(authorizationStatement({ name: p.name, idNumber: p.id, role: 'member' }, `申请 ${caseId}`)));
  }
  const redone = d.authorizations.find((x) => x.signerIdNumber === husband.id)!;
  expect(Date.parse(redone.signedAt)).toBeGreaterThan(Date.parse(before.authorizations.find((x) => x.signerIdNumber === husband.id)!.signedAt));
});
