import { expect, test, type Page } from '@playwright/test';
import { authorizationStatement, sha256Hex } from '../../common/capture/signatureBinding';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { ADMIN } from './station';
import {
  api,
  launch,
  logIn,
  newDataDir,
  openIntake,
  removeDataDir,
  saved,
  setUpIntakeStation,
  signInView,
  step,
  stop,
  type Shell,
} from './intakeSupport';

/**
 * The applicant screen: two pages of one browser context — the clerk's window and the applicant
 * screen it opens and pairs — through the built app and the browser shell.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const APPLICANT = { id: makeIdNumber('500110', '1968-02-03', 27, '女'), name: '周桂兰' };
const NOTICE = { title: '低保政策宣传', body: '家庭月人均收入低于当地低保标准、且财产符合规定的，可以向户籍所在地乡镇申请。' };

let shell: Shell;
let dataDir: string;
/** A submitted case (the core tests' household) whose wife has not signed yet: her 补签 is on the case page. */
let unsignedCase: string;
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
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  unsignedCase = saved.caseId;
  await call('intake.submit', { caseId: unsignedCase, rev: saved.rev });
  await call('intake.authorize', {
    caseId: unsignedCase,
    signerIdNumber: HUSBAND.idNumber,
    signature: intakeSignature(unsignedCase, HUSBAND),
    face: null,
  });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

test('the clerk pairs the applicant screen; the applicant sees their record (ID masked), says what is wrong and confirms; afterwards only the notices remain', async ({
  page,
  context,
}) => {
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

test('every signer signs on the applicant screen — their own 授权书, 第 n/2 位, the pad — and it becomes their authorization; the clerk sends the next, redoes one', async ({
  page,
}) => {
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
  const d = await call<{ authorizations: Array<{ signerIdNumber: string; route: string; documentHash: string; signedAt: string }> }>(
    'cases.get',
    { caseId },
  );
  expect(d.authorizations.map((a) => [a.signerIdNumber, a.route]).sort()).toEqual(
    [
      [husband.id, 'pad'],
      [wife.id, 'pad'],
    ].sort(),
  );
  for (const p of [husband, wife]) {
    const a = d.authorizations.find((x) => x.signerIdNumber === p.id)!;
    expect(a.documentHash).toBe(
      await sha256Hex(authorizationStatement({ name: p.name, idNumber: p.id, role: 'member' }, `申请 ${caseId}`)),
    );
  }
  const redone = d.authorizations.find((x) => x.signerIdNumber === husband.id)!;
  expect(Date.parse(redone.signedAt)).toBeGreaterThan(
    Date.parse(before.authorizations.find((x) => x.signerIdNumber === husband.id)!.signedAt),
  );
});

test('信息有误 from the case page’s 补签: the report of a signer on the applicant screen shows on the case page at once; she then signs, recorded as an amendment (补充)', async ({
  page,
}) => {
  await logIn(page, shell);
  // The screen is paired from the intake's page; the pairing holds for this window on the case page.
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const screen = await pairScreen(page);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), unsignedCase);
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-state', 'submitted');
  await page.getByTestId('amend-authorization').click();
  await expect(page.getByTestId(`signer-${WIFE.idNumber}`)).toHaveAttribute('data-signed', 'false');
  await expect(page.getByTestId('sign-next')).toHaveText(`请第 2/2 位签字人签字：${WIFE.name}`);
  await page.getByTestId('sign-next').click();
  await expect(page.getByTestId('signing-on-screen')).toContainText(WIFE.name);
  await expect(screen.getByTestId('signing-signer')).toHaveText(`第 2/2 位签字人：${WIFE.name}`);
  await expect(screen.getByTestId('applicant-statement')).toContainText(`公民身份号码：${masked(WIFE.idNumber)}`);

  await expect(page.getByTestId('applicant-report-alert')).toHaveCount(0);
  await screen.getByTestId('applicant-report').click();
  await screen.getByTestId('report-name').click();
  await expect(screen.getByTestId('report-sent')).toContainText('姓名');
  const alert = page.getByTestId('applicant-report-alert');
  await expect(alert).toHaveAttribute('data-part', 'name');
  await expect(alert).toContainText('“姓名”有误');
  await expect(page.getByTestId('case-view')).toContainText('“姓名”有误');

  // Nothing waited for it: she goes back to the same view and signs; the case records her 授权书 as 补充 #1.
  await screen.getByTestId('report-back').click();
  await signInView(screen);
  await expect(screen.getByTestId('signing-done')).toBeVisible();
  await expect(page.getByTestId(`status-${WIFE.idNumber}`)).toHaveText('已签');
  // (#1 is her husband's, also signed after the case was submitted.)
  await expect(page.getByTestId('case-authorizations').locator(`tr[data-signer="${WIFE.idNumber}"]`)).toContainText('补充 #2');
  await expect(alert).toBeVisible();
});

test('a signature the screen handed on but core refuses to save: the screen says why (never 已提交), the clerk sees why, sends it again, and the second is saved and said so on the screen', async ({
  page,
}) => {
  const person = { id: makeIdNumber('500110', '1966-10-14', 53, '男'), name: '谭光明' };
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const screen = await pairScreen(page);
  await page.locator('#applicant-id').fill(person.id);
  await page.locator('#applicant-name').fill(person.name);
  await expect(screen.getByTestId('applicant-name')).toHaveText(person.name);
  for (const name of ['members', 'type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  const caseId = (await page.getByTestId('intake-wizard').getAttribute('data-case-id'))!;

  // Core refuses the save: the signature reaches intake.authorize bound to an outdated statement (this
  // signer's, of another application), as core would refuse one whose statement changed after it was shown.
  const outdated = await sha256Hex(
    authorizationStatement({ name: person.name, idNumber: person.id, role: 'member' }, '申请 00000000-0000-4000-8000-000000000000'),
  );
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/intake.authorize'));
  await page.route('**/api/intake.authorize', async (route) => {
    const body = route.request().postDataJSON() as { signature: { documentHash: string } };
    body.signature.documentHash = outdated;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByTestId('sign-next').click();
  await signInView(screen);
  expect(await (await refused).json()).toMatchObject({ ok: false, error: { code: 'CASE_SIGNATURE_UNBOUND' } });

  // The screen handed it on (never 已提交); once core refused it, the clerk's window tells the screen why,
  // and the signer may sign again there instead of waiting for a word that never comes.
  const screenError = screen.getByTestId('signing-error');
  await expect(screenError).toContainText('您的签字没有保存');
  await expect(screenError).toContainText('的签名没有绑定到本人本案的授权书文本');
  await expect(screen.getByTestId('signing-resign')).toBeVisible();
  await expect(screen.getByTestId('applicant-screen')).not.toContainText('已提交');
  // The clerk's side: the failure, in core's words, and what to do; the signer is still waiting to sign.
  await expect(page.getByTestId('signing-refused')).toContainText(`${person.name}的签字没有保存`);
  await expect(page.getByTestId('authorization-error')).toContainText('的签名没有绑定到本人本案的授权书文本');
  await expect(page.getByTestId('signing-on-screen')).toHaveCount(0);
  await expect(page.getByTestId(`status-${person.id}`)).toHaveText('等待签字');
  const call = api(shell, 'refused-save-check');
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  expect((await call<{ authorizations: unknown[] }>('cases.get', { caseId })).authorizations).toEqual([]);

  // Sent again, signed again: saved.
  await page.unroute('**/api/intake.authorize');
  await page.getByTestId('signing-resend').click();
  await expect(page.getByTestId('signing-refused')).toHaveCount(0);
  await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
  await signInView(screen);
  await expect(page.getByTestId(`status-${person.id}`)).toHaveText('已签');
  await expect(page.getByTestId('authorization-error')).toHaveCount(0);
  // Saved: the screen says so, not "wait for the clerk".
  await expect(screen.getByTestId('signing-done')).toHaveAttribute('data-outcome', 'saved');
  await expect(screen.getByTestId('signing-done')).toContainText('您的签字已保存');
  const d = await call<{ authorizations: Array<{ signerIdNumber: string; route: string }> }>('cases.get', { caseId });
  expect(d.authorizations.map((a) => [a.signerIdNumber, a.route])).toEqual([[person.id, 'pad']]);
});
