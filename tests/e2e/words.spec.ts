import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../common/contract/permissions';
import { api, launch, logIn, newDataDir, openIntake, removeDataDir, setUpIntakeStation, step, stop, type Shell } from './intakeSupport';
import { ALL_ROLES, appRoutes, findLeaks, routesOf, screenTexts, settled, type Finding } from './screenWords';
import { chooseOption } from './antdSelect';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { faceCapture, intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { exportHouseholds, memberRowsWorkbook } from '../../main/core/rosterImport/testing/rosterWorkbook';
import { startPlatform } from '../../city-platform/platform';
import { openStore } from '../../city-platform/store/open';
import { onlineApplication } from '../../main/core/onlineApplications/testing/application';
import { feedReportBeforeItsCase } from './keptReportSupport';

/**
 * Every word on every screen is Chinese from the catalog: each page of renderer/src/routes.tsx,
 * as each role that may open it, on a station with demo cases (and a case of each state opened),
 * plus the login, password-change and lock screens; no unrendered key, raw enum value or Latin
 * word outside the allow-list (screenWords.ts). Also: the header's core status survives a logout
 * and a new login, and placeholder 低保 standards are never shown as the county's.
 */
test.describe.configure({ mode: 'serial', timeout: 110_000 });

const NAMES: Record<Role, string> = { clerk: '李受理', caseworker: '陈经办', head: '赵站长', print: '孙打印', admin: '周管理' };
const PASSWORD = 'Qiaotou#Words1';
const TEMPORARY = 'Temp#Words2026';
let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;

test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  await call('demo.seed', { count: 30, seed: 7 });
  for (const role of ALL_ROLES) {
    await call('accounts.create', {
      username: `w-${role}`,
      displayName: NAMES[role],
      roles: [role],
      password: role === 'clerk' ? TEMPORARY : PASSWORD,
    });
    if (role === 'clerk') continue; // the clerk changes the temporary password through the page
    const own = api(shell, `words-${role}`);
    await own('session.login', { username: `w-${role}`, password: PASSWORD });
    await own('session.changePassword', { oldPassword: PASSWORD, newPassword: `${PASSWORD}!` });
    await own('session.logout');
  }
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

async function check(page: Page, where: string, findings: Array<Finding & { where: string }>): Promise<void> {
  await settled(page);
  for (const text of await screenTexts(page)) for (const f of findLeaks(text)) findings.push({ ...f, where });
}

/** A page at the counter PC's size; a script error on it (a blank screen) fails the walk too. */
async function newPage(browser: Browser, crashes: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => crashes.push(`${page.url()}: ${e.message}`));
  await page.goto(shell.url);
  return page;
}

/**
 * The words of one card of the sync centre only: the registered sync centre's own lines (device id,
 * station id, kbit/s) are not these walks'.
 */
async function cardWords(card: Locator, where: string, leaks: Array<Finding & { where: string }>): Promise<void> {
  for (const text of (await card.innerText())
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean))
    for (const f of findLeaks(text)) leaks.push({ ...f, where });
}

async function logInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

test('every page, as each role that may open it, shows only words from the catalog', async ({ browser }) => {
  // Every page of routes.tsx as each of the five roles: longer than the other walks.
  test.setTimeout(240_000);
  const findings: Array<Finding & { where: string }> = [];
  const crashes: string[] = [];
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(10);
  const byState = new Map<string, string>();
  const found = await call<{ rows: Array<{ id: string; state: string }> }>('cases.search', { query: '', limit: 500 });
  for (const row of found.rows) if (!byState.has(row.state)) byState.set(row.state, row.id);
  expect(byState.size).toBeGreaterThan(4);

  for (const role of ALL_ROLES) {
    const page = await newPage(browser, crashes);
    if (role === 'clerk') {
      await check(page, 'login', findings);
      await logInAs(page, 'w-clerk', TEMPORARY);
      await expect(page.getByLabel('当前密码')).toBeVisible();
      await check(page, 'change password', findings);
      await page.getByLabel('当前密码').fill(TEMPORARY);
      await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('再次输入新密码').fill(PASSWORD);
      await page.getByRole('button', { name: /保存新密码/ }).click();
    } else {
      await logInAs(page, `w-${role}`, `${PASSWORD}!`);
    }
    await expect(page.getByTestId('user-menu')).toBeVisible();
    const mine = routesOf(role as Role, routes);
    // The menu offers exactly the pages the role may open.
    await expect(page.locator('.ant-layout-sider .ant-menu-item')).toHaveCount(mine.length);
    for (const route of mine) {
      await page.evaluate((path) => (window.location.hash = `#${path}`), route.path);
      await check(page, `${role} ${route.path}`, findings);
    }
    if (role === 'clerk' || role === 'head') {
      for (const [state, id] of byState) {
        await page.evaluate((caseId) => (window.location.hash = `#/cases?id=${caseId}`), id);
        await expect(page.getByTestId('case-view').or(page.locator('.ant-alert-error'))).toBeVisible();
        await expect(page.locator('.ant-alert-error'), `${role} opens a ${state} case`).toHaveCount(0);
        await check(page, `${role} case (${state})`, findings);
      }
    }
    if (role === 'clerk') {
      // 证明核验 with an answer on screen (a number this station never issued).
      await page.evaluate(() => (window.location.hash = '#/certificates/verify'));
      await page.getByTestId('verify-code').fill('JZ500110-2020-000001');
      await page.getByTestId('verify-check').click();
      await expect(page.getByTestId('verify-answer')).toHaveAttribute('data-verdict', 'unknown');
      await check(page, 'clerk certificate check answer', findings);
    }
    if (role === 'clerk') {
      await page.keyboard.press('Control+l');
      await expect(page.getByTestId('lock-screen')).toBeVisible();
      await check(page, 'lock screen', findings);
    }
    await page.close();
  }
  expect(crashes).toEqual([]);
  const seen = new Map<string, string>();
  for (const f of findings)
    if (!seen.has(`${f.kind} ${f.word}`)) seen.set(`${f.kind} ${f.word}`, `${f.where}: ${f.kind} “${f.word}” in “${f.text}”`);
  expect([...seen.values()]).toEqual([]);
});

test('the header says core is connected after a logout and a new login in the same window', async ({ page }) => {
  await logIn(page, shell);
  await expect(page.getByTestId('core-status')).toHaveAttribute('data-connected', 'true');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录/ }).click();
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
  await logInAs(page, 'admin', 'Qiaotou#2026');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.getByTestId('core-status')).toHaveAttribute('data-connected', 'true');
  await expect(page.getByTestId('core-status')).toHaveText('核心服务已连接');
});

test('placeholder 低保 standards are never shown as the county’s: the applicant screen says 未设置 until the county sets them', async ({
  page,
  context,
}) => {
  const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...current.settings, standards: [] } });
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const [screen] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  const idle = screen.getByTestId('applicant-idle');
  await expect(idle).toBeVisible();
  await expect(screen.getByTestId('standard-urban')).toContainText('未设置');
  await expect(screen.getByTestId('standard-rural')).toContainText('未设置');
  await expect(idle).not.toContainText(/800|640/);
  await settled(screen);
  const leaks = (await screenTexts(screen)).flatMap(findLeaks);
  expect(leaks).toEqual([]);
});

test('setup: a region code core refuses is shown on that field, in words, and goes once it is fixed', async ({ page }) => {
  const fresh = await launch(newDataDir());
  try {
    await page.goto(fresh.url);
    const region = page.getByLabel('行政区划代码（6 位，GB/T 2260）');
    await page.getByLabel('工作站名称').fill('桥头镇社会救助工作站');
    await region.fill('990000'); // six digits, but no such province: core refuses it
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('管理员用户名').fill('admin');
    await page.getByLabel('管理员姓名').fill('王站长');
    await page.getByLabel('密码（至少 10 位，不能全是数字，不能与用户名相同）').fill('Qiaotou#2026');
    await page.getByLabel('再次输入密码').fill('Qiaotou#2026');
    await page.getByRole('button', { name: /完成设置/ }).click();
    // Back on the station step, the message under the region field.
    const explain = page.locator('.ant-form-item').filter({ has: region }).locator('.ant-form-item-explain');
    await expect(explain).toContainText('行政区划代码“990000”无效');
    expect((await screenTexts(page)).flatMap(findLeaks)).toEqual([]);
    await region.fill('500110');
    await expect(explain).toHaveCount(0);
    await page.getByRole('button', { name: /下一步/ }).click();
    await expect(page.getByTestId('setup-error')).toHaveCount(0);
    await page.getByRole('button', { name: /完成设置/ }).click();
    await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}/);
  } finally {
    await stop(fresh);
    removeDataDir(fresh.dataDir);
  }
});

test('临时救助 and monitoring states: the 先行救助 panel and form, a monitored case, the monitoring page and the settings tab show only catalog words', async ({
  browser,
}) => {
  const findings: Array<Finding & { where: string }> = [];
  const crashes: string[] = [];
  const head = api(shell, 'words-relief-head');
  await head('session.login', { username: 'w-head', password: `${PASSWORD}!` });
  const materials = ['application_form', 'id_cards', 'hardship_proof'].map((code) => ({ code, status: 'received' as const }));
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ type: 'temporary', subtype: 'emergency', materials }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await head('relief.advance', {
    caseId: saved.caseId,
    version: 1,
    advance: { amountFen: 50000, form: 'in_kind', inKind: '大米50斤', paidOn: today, paidBy: '陈经办', reason: '家中失火' },
  });
  const other = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ type: 'temporary', subtype: 'emergency', materials }),
  });
  await call('intake.submit', { caseId: other.caseId, rev: other.rev });
  const found = await call<{ rows: Array<{ id: string; state: string }> }>('cases.search', { query: '', limit: 500 });
  const refused = found.rows.find((r) => r.state === 'refused' || r.state === 'not_accepted')!;
  await head('monitoring.enter', { caseId: refused.id, reason: '申请未获批准，家庭收入接近低保标准' });

  const page = await newPage(browser, crashes);
  await logInAs(page, 'w-head', `${PASSWORD}!`);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  for (const [where, id] of [
    ['relief case (先行救助，待补办)', saved.caseId],
    ['monitored case', refused.id],
  ] as const) {
    await page.evaluate((caseId) => (window.location.hash = `#/cases?id=${caseId}`), id);
    await expect(page.getByTestId('case-view')).toBeVisible();
    await check(page, `head ${where}`, findings);
  }
  await page.evaluate((caseId) => (window.location.hash = `#/cases?id=${caseId}`), other.caseId);
  await page.getByTestId('relief-panel').getByRole('button', { name: '登记先行救助' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText('请填写救助金额');
  await check(page, 'head 先行救助 form', findings);
  await page.evaluate(() => (window.location.hash = '#/monitoring'));
  await expect(page.getByTestId('monitoring-page').locator(`[data-case="${refused.id}"]`)).toBeVisible();
  await check(page, 'head /monitoring', findings);
  await page.close();

  const admin = await newPage(browser, crashes);
  await logInAs(admin, 'w-admin', `${PASSWORD}!`);
  await admin.evaluate(() => (window.location.hash = '#/admin/settings'));
  await admin.getByRole('tab', { name: '临时救助与监测' }).click();
  await expect(admin.getByTestId('settings-relief')).toBeVisible();
  await check(admin, 'admin settings 临时救助与监测', findings);
  await admin.close();
  expect(crashes).toEqual([]);
  expect(findings.map((f) => `${f.where}: ${f.kind} “${f.word}” in “${f.text}”`)).toEqual([]);
});

test('好差评 states: the applicant screen’s question (a 差评 chosen, its reasons and the reason asked for) and the head’s 差评回访整改 page with a 差评 and its follow-up show only catalog words', async ({
  browser,
}) => {
  const findings: Array<Finding & { where: string }> = [];
  const crashes: string[] = [];
  const page = await newPage(browser, crashes);
  await logInAs(page, 'admin', 'Qiaotou#2026');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/enquiry'));
  const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-rating-screen').click()]);
  screen.on('pageerror', (e) => crashes.push(`applicant screen: ${e.message}`));
  await expect(screen.getByTestId('applicant-idle')).toBeVisible();
  await expect(page.getByTestId('rating-screen-control')).toHaveAttribute('data-paired', 'yes');
  await check(page, 'clerk /enquiry, screen paired', findings);
  // An enquiry that finds nothing still asks.
  await page.getByRole('textbox', { name: '公民身份号码' }).fill(makeIdNumber('500110', '1957-07-07', 77, '男'));
  await expect(screen.getByTestId('applicant-rating')).toBeVisible();
  await check(screen, 'applicant screen: rating question', findings);
  await screen.getByTestId('rating-level-very_dissatisfied').click();
  await screen.getByTestId('rating-submit').click();
  await expect(screen.getByTestId('rating-error')).toBeVisible();
  await check(screen, 'applicant screen: 差评 without a reason', findings);
  await screen.getByTestId('rating-reason-attitude').click();
  await screen.getByTestId('rating-submit').click();
  await expect(screen.getByTestId('applicant-idle')).toBeVisible();
  await check(screen, 'applicant screen: after the rating', findings);
  await screen.close();
  await page.close();

  const head = await newPage(browser, crashes);
  await logInAs(head, 'w-head', `${PASSWORD}!`);
  await expect(head.getByTestId('user-menu')).toBeVisible();
  await check(head, 'head home with an open 差评', findings);
  await head.evaluate(() => (window.location.hash = '#/ratings'));
  const item = head.getByTestId('ratings-list').locator('[data-rating-id]');
  await expect(item).toHaveCount(1);
  await check(head, 'head /ratings with an open 差评', findings);
  await item.getByTestId('rating-follow-up-note').fill('已电话回访');
  await item.getByTestId('rating-follow-up-save').click();
  await expect(item.getByTestId('rating-follow-up')).toHaveCount(1);
  await head.getByText('全部', { exact: true }).click();
  await check(head, 'head /ratings with a follow-up', findings);
  await head.close();
  expect(crashes).toEqual([]);
  expect(findings.map((f) => `${f.where}: ${f.kind} “${f.word}” in “${f.text}”`)).toEqual([]);
});

test('the paged case list and its 查看全部 lists, a case page with the 低保 standard 未设置, the intake’s completion page with its notice preview, and the caseworker’s case page show only catalog words', async ({
  browser,
}) => {
  const findings: Array<Finding & { where: string }> = [];
  const crashes: string[] = [];
  const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...current.settings, standards: [] } });
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  for (const p of [HUSBAND, WIFE])
    await call('intake.authorize', {
      caseId: saved.caseId,
      signerIdNumber: p.idNumber,
      signature: intakeSignature(saved.caseId, p),
      face: faceCapture(),
    });

  // The counter (the admin here is a clerk): the case list paged, and the home page's 查看全部 lists.
  const page = await newPage(browser, crashes);
  await logInAs(page, 'admin', 'Qiaotou#2026');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/cases'));
  await expect(page.getByTestId('case-total')).toBeVisible();
  await check(page, 'clerk /cases paged', findings);
  for (const deadline of ['overdue', 'due_soon']) {
    await page.evaluate((d) => (window.location.hash = `#/cases?deadline=${d}`), deadline);
    await expect(page.getByTestId('case-total')).toBeVisible();
    await check(page, `clerk /cases?deadline=${deadline}`, findings);
  }
  // The completion page of the intake, and its notice's preview.
  await page.evaluate((id) => (window.location.hash = `#/intake?case=${id}`), saved.caseId);
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('notice-print')).toBeVisible();
  await check(page, 'clerk intake completion page', findings);
  await page.getByTestId('notice-preview').click();
  await expect(page.getByTestId('pdf-preview')).toContainText(/共 \d+ 页/);
  await check(page, 'clerk notice preview', findings);
  await page.getByRole('dialog').getByRole('button', { name: '关 闭' }).click();
  // The accepted case with no 低保 standard set: 未设置 and what to do.
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  await expect(page.getByTestId('case-no-standard')).toBeVisible();
  await check(page, 'clerk case with the standard 未设置', findings);
  await page.close();

  // The caseworker's case page: the visit and the extension are offered.
  const worker = await newPage(browser, crashes);
  await logInAs(worker, 'w-caseworker', `${PASSWORD}!`);
  await expect(worker.getByTestId('user-menu')).toBeVisible();
  await worker.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  await expect(worker.getByRole('button', { name: '登记入户调查' })).toBeVisible();
  await check(worker, 'caseworker accepted case', findings);
  await worker.close();
  expect(crashes).toEqual([]);
  expect(findings.map((f) => `${f.where}: ${f.kind} “${f.word}” in “${f.text}”`)).toEqual([]);
});

test('the head’s 导入在册对象 page: a refused file, a preview with row problems, the report after confirming, and an earlier report show only catalog words', async ({
  browser,
}) => {
  const findings: Array<Finding & { where: string }> = [];
  const crashes: string[] = [];
  const households = exportHouseholds(4, 900);
  households[1]!.category = '临时救助';
  households[2]!.amount = '六百八';
  const page = await newPage(browser, crashes);
  await logInAs(page, 'w-head', `${PASSWORD}!`);
  await page.evaluate(() => (window.location.hash = '#/roster/import'));
  await expect(page.getByTestId('roster-import-page')).toBeVisible();
  await page.getByTestId('roster-import-file').setInputFiles({
    name: 'old.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
  });
  await expect(page.getByTestId('roster-import-error')).toBeVisible();
  await check(page, 'head /roster/import refused file', findings);
  await page.getByTestId('roster-import-file').setInputFiles({
    name: 'roster.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await memberRowsWorkbook(households),
  });
  await expect(page.getByTestId('roster-import-errors')).toBeVisible();
  await check(page, 'head /roster/import preview with problems', findings);
  await page.getByTestId('roster-import-confirm').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'head /roster/import confirmation', findings);
  await page.getByTestId('roster-import-confirm-ok').click();
  await expect(page.getByTestId('roster-import-done')).toBeVisible();
  await check(page, 'head /roster/import report', findings);
  await page.getByTestId('roster-import-view').click();
  await expect(page.getByTestId('roster-import-report')).toBeVisible();
  await check(page, 'head /roster/import earlier report', findings);
  await page.close();
  expect(crashes).toEqual([]);
  expect(findings.map((f) => `${f.where}: ${f.kind} “${f.word}” in “${f.text}”`)).toEqual([]);
});

test('the face tab: the engine’s backend named in words, and the warning when the faster backend cannot start, show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  for (const blocked of [false, true]) {
    const page = await newPage(browser, crashes);
    // With tfjs's .wasm files unreachable the worker falls back to the CPU backend and says so.
    if (blocked) await page.context().route(/\/wasm\/[^/]+\.wasm$/, (route) => route.abort('failed'));
    await logIn(page, shell);
    await page.evaluate(() => (window.location.hash = '#/capture'));
    await page.getByRole('tab', { name: '人脸采集' }).click();
    await expect(page.getByTestId('face-engine')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    await expect(page.getByTestId('face-backend-fallback')).toHaveCount(blocked ? 1 : 0);
    await check(page, blocked ? 'face tab, WASM blocked' : 'face tab', leaks);
    await page.close();
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('程序更新: no address yet, an address that does not answer, and the browser shell’s note that installing needs the desktop app show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const page = await newPage(browser, crashes);
  await logInAs(page, 'w-admin', `${PASSWORD}!`);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/admin/update'));
  await expect(page.getByTestId('update-needs-desktop')).toBeVisible();
  await check(page, 'admin /admin/update, no address', leaks);
  // Port 9 (discard) on loopback: nothing listens, so the check fails in words.
  await page.getByLabel('更新服务器地址').fill('http://127.0.0.1:9/');
  await page.getByRole('button', { name: '保存地址' }).click();
  await expect(page.getByTestId('update-status')).toContainText('127.0.0.1');
  await page.getByRole('button', { name: '检查更新' }).click();
  await expect(page.locator('.ant-alert-error')).toBeVisible();
  await check(page, 'admin /admin/update, check failed', leaks);
  await page.close();
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('资格认证 made on the phone: the due list with one, his check (already certified, 手机认证 in the history) and the sync centre’s list of phone certifications not recorded show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-phone-'));
  const platform = await startPlatform({ dataDir: platformDir });
  try {
    const head = api(shell, 'words-phone');
    await head('session.login', { username: 'w-head', password: `${PASSWORD}!` });
    const [h] = exportHouseholds(1, 950);
    const file = (await memberRowsWorkbook([h!])).toString('base64');
    const preview = await head<{ token: string }>('rosterImport.preview', { fileName: 'phone.xlsx', fileBase64: file });
    await head('rosterImport.confirm', { token: preview.token, fileName: 'phone.xlsx', fileBase64: file });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS', regionCode: '500110' });
    await head('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await platform.admin.certifyRemote({ stationId: 'ST-WORDS', idNumber: h!.headIdNumber, certifiedAt: at, method: 'face' });
    await platform.admin.certifyRemote({
      stationId: 'ST-WORDS',
      idNumber: makeIdNumber('500110', '1950-03-03', 91, '男'),
      certifiedAt: at,
      method: 'other',
    });
    expect(await head<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });

    const page = await newPage(browser, crashes);
    await logInAs(page, 'w-head', `${PASSWORD}!`);
    await page.evaluate(() => (window.location.hash = '#/certification'));
    await page.getByTestId('cert-filter').getByText('全部应认证人员').click();
    // By name and the last four digits: another walk of this file imports a household whose head has the same name.
    const row = page
      .getByTestId('cert-row')
      .filter({ hasText: h!.headName })
      .filter({ hasText: h!.headIdNumber.slice(-4) });
    await expect(row).toHaveAttribute('data-status', 'later');
    await check(page, 'head /certification all, one certified by phone', leaks);
    await row.getByRole('button', { name: /^认\s*证$/ }).click();
    await expect(page.getByTestId('cert-already')).toBeVisible();
    await check(page, 'head /certification check, certified by phone', leaks);
    await page.evaluate(() => (window.location.hash = '#/sync'));
    const kept = page.getByTestId('cert-remote-kept');
    await expect(kept).toBeVisible();
    await cardWords(kept, 'head /sync, phone certifications not recorded', leaks);
    await kept.getByTestId('cert-remote-retry').click();
    await expect(kept.getByTestId('cert-remote-retried')).toBeVisible();
    await cardWords(kept, 'head /sync, phone certifications tried again', leaks);
    await page.close();
  } finally {
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('核对 results on the case page: a report per member and type with totals, a superseded one, the hint’s findings against the county’s limits, the 财产限额 settings tab, and the sync centre’s list of reports kept aside show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-verify-'));
  const platform = await startPlatform({ dataDir: platformDir });
  const own = newDataDir();
  const s = await launch(own);
  try {
    const admin = await setUpIntakeStation(s, undefined, ['admin', 'clerk', 'caseworker', 'head']);
    const current = await admin<{ settings: Record<string, unknown> }>('cases.settings');
    await admin('cases.setSettings', {
      settings: { ...current.settings, assetLimits: { depositMonths: 6, vehicleValueFen: 1_000_000, realEstateCount: 1 } },
    });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-V', regionCode: '500110' });
    await admin('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const saved = await admin<{ caseId: string; rev: number }>('intake.save', {
      application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
    });
    await admin('intake.submit', { caseId: saved.caseId, rev: saved.rev });
    for (const p of [HUSBAND, WIFE])
      await admin('intake.authorize', {
        caseId: saved.caseId,
        signerIdNumber: p.idNumber,
        signature: intakeSignature(saved.caseId, p),
        face: faceCapture(),
      });
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    const item = (type: string, amountFen: number) => ({ type, amountFen, source: '核对来源', asOf: '2026-01-31' });
    const members = (items: ReturnType<typeof item>[]) => [
      { idNumber: HUSBAND.idNumber, name: HUSBAND.name, items },
      { idNumber: WIFE.idNumber, name: WIFE.name, items: [] },
    ];
    await platform.admin.postVerification(saved.caseId, {
      centre: '核对中心',
      reportNo: '渝核〔2026〕001号',
      issuedOn: '2026-01-01',
      members: members([]),
    });
    await platform.admin.postVerification(saved.caseId, {
      centre: '核对中心',
      reportNo: '渝核〔2026〕017号',
      issuedOn: '2026-02-01',
      members: members(
        ['deposit', 'vehicle', 'realEstate', 'realEstate', 'business', 'socialInsurance', 'providentFund', 'tax'].map((t, i) =>
          item(t, 2_000_000 + i),
        ),
      ),
    });
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });

    const page = await newPage(browser, crashes);
    await logIn(page, s);
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
    const panel = page.getByTestId('verification-panel');
    await expect(panel).toHaveAttribute('data-report', '渝核〔2026〕017号');
    await expect(panel).toContainText('渝核〔2026〕001号');
    await expect(panel.getByTestId('verification-findings')).toContainText('超过本县限额');
    await check(page, 'head case page, 核对 report received', leaks);
    await page.evaluate(() => (window.location.hash = '#/admin/settings'));
    await page.getByRole('tab', { name: '财产限额' }).click();
    await expect(page.getByTestId('settings-assets')).toBeVisible();
    await check(page, 'admin settings 财产限额', leaks);
    await feedReportBeforeItsCase(platformDir, {
      stationId: 'ST-WORDS-V',
      caseId: '3f1d2c4b-7a8e-4c10-9b2d-5e6f7a8b9c0d',
      caseNo: '500110-2026-02-00088',
      serial: 42,
      name: '周小梅',
      reportId: 'vr-words-kept',
      reportNo: '渝核〔2026〕023号',
    });
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    await page.evaluate(() => (window.location.hash = '#/sync'));
    const kept = page.getByTestId('verification-kept');
    await expect(kept).toContainText('渝核〔2026〕023号');
    await cardWords(kept, 'head /sync, 核对 reports kept aside', leaks);
    await page.close();
  } finally {
    await stop(s);
    removeDataDir(own);
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('网上申请待受理: the queue with an application, what it filed (its papers fetched) and the same after the intake started show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-online-'));
  const platform = await startPlatform({ dataDir: platformDir });
  const own = await launch(newDataDir());
  try {
    const clerk = await setUpIntakeStation(own);
    const current = await clerk<{ settings: { limits: Record<string, unknown> } & Record<string, unknown> }>('cases.settings');
    await clerk('cases.setSettings', {
      settings: { ...current.settings, limits: { ...current.settings.limits, acceptanceWorkingDays: 10 } },
    });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-ONLINE', regionCode: '500110' });
    await clerk('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const filed = onlineApplication(new Date(Date.now() - 86_400_000).toISOString());
    const { id } = await platform.admin.fileApplication({ stationId: 'ST-WORDS-ONLINE', body: filed.body, blobs: filed.files });
    expect(await clerk<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => crashes.push(`${page.url()}: ${e.message}`));
    await page.goto(own.url);
    await logInAs(page, 'admin', 'Qiaotou#2026');
    await page.evaluate(() => (window.location.hash = '#/online-applications'));
    await expect(page.getByTestId(`online-open-${id}`)).toBeVisible();
    await check(page, 'clerk /online-applications, one waiting', leaks);
    await page.getByTestId(`online-open-${id}`).click();
    await expect(page.getByTestId('online-detail')).toBeVisible();
    await page.getByTestId(`station-blob-${filed.body.papers![0]!.sha256.slice(0, 8)}`).click();
    await expect(page.getByTestId('station-blobs')).toContainText('已下载');
    await page.keyboard.press('Escape');
    await check(page, 'clerk online application as filed, a paper fetched', leaks);
    await clerk('onlineApplications.startIntake', { id });
    await page.evaluate(() => (window.location.hash = '#/online-applications'));
    await page.getByTestId('online-show').getByText('全部').click();
    await expect(page.getByTestId('online-queue')).toContainText('草稿');
    await check(page, 'clerk /online-applications all, intake started', leaks);
    await page.close();
  } finally {
    await stop(own);
    removeDataDir(own.dataDir);
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('在册对象 from the platform: the sync centre’s list of platform households not written here, the station’s imports the platform refused (its values offered, another station’s household) and the list after taking the platform’s values show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-roster-'));
  const platform = await startPlatform({ dataDir: platformDir });
  const own = newDataDir();
  const s = await launch(own);
  try {
    const admin = await setUpIntakeStation(s, undefined, ['admin', 'clerk', 'caseworker', 'head']);
    const [h, elsewhere] = exportHouseholds(2, 960);
    const file = (await memberRowsWorkbook([h!, elsewhere!])).toString('base64');
    const preview = await admin<{ token: string }>('rosterImport.preview', { fileName: 'roster.xlsx', fileBase64: file });
    await admin('rosterImport.confirm', { token: preview.token, fileName: 'roster.xlsx', fileBase64: file });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-R', regionCode: '500110' });
    await admin('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    // The county's roster has the same household with another amount: a conflict here, and the import refused there.
    const household = {
      type: 'dibao',
      subtype: 'rural',
      applicant: { idNumber: h!.headIdNumber, name: h!.headName },
      members: h!.members.map((m) => ({
        idNumber: m.idNumber,
        name: m.name,
        relationship: m.relationship === '本人' ? 'self' : m.relationship === '配偶' ? 'spouse' : 'child',
      })),
      amountFen: 99900,
      monthly: true,
      sinceMonth: '2025-01',
      nextReviewOn: '2027-01-31',
      lastCertifiedOn: null,
    };
    expect(await platform.admin.loadRoster({ stationId: 'ST-WORDS-R', households: [household] })).toEqual({ loaded: 1, refused: [] });
    // The second household is another station's on the platform: its import is refused naming that station.
    await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-OTHER', regionCode: '500110' });
    const other = { ...household, applicant: { idNumber: elsewhere!.headIdNumber, name: elsewhere!.headName } };
    await platform.admin.putRecipient({
      idNumber: elsewhere!.headIdNumber,
      stationId: 'ST-WORDS-OTHER',
      body: {
        ...other,
        type: 'dibao',
        subtype: 'rural',
        members: [{ idNumber: elsewhere!.headIdNumber, name: elsewhere!.headName, relationship: 'self' }],
      },
    });
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'partial' });

    const page = await newPage(browser, crashes);
    await logIn(page, s);
    await page.evaluate(() => (window.location.hash = '#/sync'));
    const conflicts = page.getByTestId('roster-recipient-conflicts');
    await expect(conflicts).toContainText(h!.headName);
    const refused = page.getByTestId('sync-quarantine');
    await expect(refused).toContainText('原系统导入在册户');
    await expect(refused.getByTestId('roster-refused-platform')).toBeVisible();
    await expect(refused.getByTestId('roster-refused-other-station')).toBeVisible();
    // The lists only: the registered sync centre's own lines (device id, station id, kbit/s) are not this walk's.
    // Their own texts ([data-verbatim] left out: another station's code is shown as it is).
    const words = async (where: string, selector: string) => {
      for (const text of await screenTexts(page, selector)) for (const f of findLeaks(text)) leaks.push({ ...f, where });
    };
    await words('head /sync, platform households not written here', '[data-testid="roster-recipient-conflicts"]');
    await words(
      'head /sync, the imports the platform refused: its values offered, another station’s household',
      '[data-testid="sync-quarantine"]',
    );
    await refused.getByTestId('roster-refused-adopt').click();
    await expect(page.locator('.ant-modal-confirm')).toBeVisible();
    await words('head /sync, taking the platform’s values asked', '.ant-modal-confirm');
    await page.getByTestId('roster-refused-adopt-ok').click();
    await expect(refused.getByTestId('roster-refused-adopt')).toHaveCount(0);
    await expect(refused.getByTestId('roster-refused-other-station')).toBeVisible();
    await words('head /sync, after taking the platform’s values', '[data-testid="sync-quarantine"]');
    await page.close();
  } finally {
    await stop(s);
    removeDataDir(own);
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('平台状态: a case page with every platform status in its history (an unknown one included), and the sync centre’s list under each filter, show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-status-'));
  const platform = await startPlatform({ dataDir: platformDir });
  const own = newDataDir();
  const s = await launch(own);
  try {
    const admin = await setUpIntakeStation(s, undefined, ['admin', 'clerk', 'caseworker', 'head']);
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-S', regionCode: '500110' });
    await admin('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const saved = await admin<{ caseId: string; rev: number }>('intake.save', {
      application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
    });
    await admin('intake.submit', { caseId: saved.caseId, rev: saved.rev });
    for (const p of [HUSBAND, WIFE])
      await admin('intake.authorize', {
        caseId: saved.caseId,
        signerIdNumber: p.idNumber,
        signature: intakeSignature(saved.caseId, p),
        face: null,
      });
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    await platform.admin.postVerification(saved.caseId, {
      centre: '核对中心',
      reportNo: '渝核〔2026〕021号',
      issuedOn: '2026-02-01',
      members: [
        { idNumber: HUSBAND.idNumber, name: HUSBAND.name, items: [] },
        { idNumber: WIFE.idNumber, name: WIFE.name, items: [] },
      ],
    });
    // The statuses the reference platform has no path to (or this version does not know), as another platform sends them.
    const store = await openStore({ dataDir: platformDir });
    try {
      for (const [n, status, note] of [
        [90, 'awaiting-decision', undefined],
        [91, 'decided', '县级民政部门决定批准'],
        [92, 'returned', '请补充入户调查材料'],
        [93, 'escalated', undefined],
      ] as const)
        await store.appendFeed({
          kind: 'case.status',
          stationId: 'ST-WORDS-S',
          regionCode: null,
          body: { id: `status-${saved.caseId}-${n}`, body: { caseId: saved.caseId, caseNo: null, status, ...(note ? { note } : {}) } },
          at: Date.now(),
        });
    } finally {
      await store.close();
    }
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });

    const page = await newPage(browser, crashes);
    await logIn(page, s);
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
    await expect(page.getByTestId('platform-status')).toHaveAttribute('data-status', 'escalated');
    await expect(page.getByTestId('platform-status-history').locator('.ant-timeline-item')).toHaveCount(7);
    await check(page, 'head case page, every platform status', leaks);

    await page.evaluate(() => (window.location.hash = '#/sync'));
    const list = page.getByTestId('platform-status-list');
    const filter = list.getByLabel('按状态筛选');
    const listWords = async (where: string) => {
      await settled(page);
      for (const text of await screenTexts(page, '[data-testid="platform-status-list"]'))
        for (const f of findLeaks(text)) leaks.push({ ...f, where });
    };
    await expect(list).toContainText('平台返回未知状态');
    await listWords('head /sync, 平台状态 all');
    await chooseOption(page, filter, '核对中');
    await expect(list).toContainText('暂无平台状态');
    await listWords('head /sync, 平台状态 none at a status');
    await chooseOption(page, filter, '未知状态');
    await expect(list).toContainText('共 1 件');
    await listWords('head /sync, 平台状态 unknown');
    await page.close();
  } finally {
    await stop(s);
    removeDataDir(own);
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});

test('county reference data published: the standard in force and its versions, the published materials and policy texts with their history, the county parameters beside their fields with their versions and those not applied, the money step naming the standard and the materials step naming the checklist show only catalog words', async ({
  browser,
}) => {
  const crashes: string[] = [];
  const leaks: Array<Finding & { where: string }> = [];
  const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-words-reference-'));
  const platform = await startPlatform({ dataDir: platformDir });
  const own = newDataDir();
  const s = await launch(own);
  try {
    const admin = await setUpIntakeStation(s);
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-WORDS-R', regionCode: '500110' });
    await admin('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const year = new Date().getFullYear();
    const by = { publishedBy: '綦江区民政局' };
    const row = (residence: string, monthlyFen: number, effectiveFrom: string) => ({
      regionPrefix: '5001',
      residence,
      monthlyFen,
      effectiveFrom,
    });
    await platform.admin.publishReference({ table: 'standards', version: 1, data: { standards: [row('urban', 80_000, `${year}-01-01`)] } });
    const rows = [row('urban', 86_000, `${year}-01-01`), row('rural', 70_000, `${year}-01-01`), row('urban', 90_000, `${year + 1}-01-01`)];
    await platform.admin.publishReference({ table: 'standards', version: 2, data: { standards: rows }, ...by });
    const policy = (version: number, effectiveFrom: string) =>
      platform.admin.publishReference({
        table: 'policy-texts',
        version,
        data: { effectiveFrom, notices: [{ title: `低保政策${version}`, body: '家庭人均收入低于当地低保标准的，可以申请。' }] },
        ...by,
      });
    await policy(1, `${year}-01-01`);
    await policy(2, `${year + 1}-01-01`);
    await platform.admin.publishReference({
      table: 'materials',
      version: 1,
      data: {
        effectiveFrom: `${year}-01-01`,
        types: { dibao: [{ code: 'application_form', label: '最低生活保障申请书', required: true }] },
      },
    });
    // The county's single parameters: in force, pending and replaced values of each kind shown, and what is not applied.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const [key, value, effectiveFrom] of [
      ['limits.acceptanceWorkingDays', null, `${year}-01-01`],
      ['limits.acceptanceWorkingDays', 5, today],
      ['limits.countyDecisionWorkingDays', 8, `${year + 1}-01-01`],
      ['decisionDelegated', true, today],
      ['assetLimits.vehicleValueFen', 5_000_000, today],
      ['assetLimits.depositMonths', null, today],
      ['relief.advanceLimitYuan', 2000, today],
    ] as const)
      await platform.admin.setPolicy({ key, value, effectiveFrom, ...by });
    const feed = await openStore({ dataDir: platformDir });
    try {
      for (const body of [
        { key: 'limits.hearingWorkingDays', value: 5, effectiveFrom: today, ...by },
        { key: 'limits.reopinionWorkingDays', value: 99, effectiveFrom: today },
        { key: 'decisionDelegated', value: 'yes', effectiveFrom: today },
      ])
        await feed.appendFeed({ kind: 'policy', stationId: null, regionCode: null, body, at: Date.now() });
    } finally {
      await feed.close();
    }
    expect(await admin<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    const draft = await admin<{ caseId: string }>('intake.save', { application: threePersonDibao({ step: 3 }) });

    const page = await newPage(browser, crashes);
    await logIn(page, s);
    await page.evaluate(() => (window.location.hash = '#/admin/settings'));
    for (const [tab, testId] of [
      ['地方低保标准', 'published-standards-v2'],
      ['申请材料清单', 'published-materials-v1'],
      ['政策宣传', 'published-policy-v2'],
      ['受理规则', 'county-policy-not-applied'],
      ['临时救助与监测', 'county-relief-advanceLimitYuan-in-force'],
      ['财产限额', 'county-assetLimits-vehicleValueFen-in-force'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByTestId(testId)).toBeVisible();
      await check(page, `admin settings ${tab}, published versions`, leaks);
    }
    await openIntake(page);
    await page.getByTestId(`resume-${draft.caseId}`).click();
    await step(page, 'money');
    await expect(page.getByTestId('eligibility-standard')).toBeVisible();
    await check(page, 'intake money step, published standard', leaks);
    await page.keyboard.press('Alt+N');
    await step(page, 'materials');
    await expect(page.getByTestId('materials-published')).toBeVisible();
    await check(page, 'intake materials step, published checklist', leaks);
    await page.close();
  } finally {
    await stop(s);
    removeDataDir(own);
    await platform.stop();
    rmSync(platformDir, { recursive: true, force: true });
  }
  expect(leaks).toEqual([]);
  expect(crashes).toEqual([]);
});
