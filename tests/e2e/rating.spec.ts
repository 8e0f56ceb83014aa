import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { within } from './afterAcceptanceSteps';
import { api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * 好差评 in a real browser, end to end: the clerk's window and the applicant screen it pairs (two
 * pages of one Chromium context, Playwright's clock installed so a walk-away takes no real minute),
 * the built app through the browser shell, and the reference platform on loopback. After 受理 the
 * screen asks; a 差评 with its reason reaches the head's 差评回访整改 page and the statistics; the head
 * records 回访 and 整改; a 进度查询 of several lookups asks once, and a walk-away leaves no rating
 * (未评价); the rating and the follow-ups reach the platform after a sync.
 */
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

const HEAD = { username: 'rating-head', displayName: '陈站长', password: 'Station#Head2026' };
const STATION = 'ST-RATING';

type Call = ReturnType<typeof api>;
type Figures = {
  ratings: {
    rows: Array<{ service: string; asked: number; dissatisfied: number; unrated: number; very_satisfied: number; satisfied: number }>;
  };
};

let platform: RunningPlatform;
let platformDir: string;
let dataDir: string;
let shell: Shell;
let call: Call;
let head: Call;
let caseId = '';

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-rating-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
  await call('sync.settings', { windows: [] });
  await call('accounts.create', { username: HEAD.username, displayName: HEAD.displayName, roles: ['head'], password: 'Temp#pass2026' });
  head = api(shell, 'rating-e2e-head');
  await head('session.login', { username: HEAD.username, password: 'Temp#pass2026' });
  await head('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: HEAD.password });
  // The three-person household submitted with both adults' authorizations: the wizard opens on its decision.
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  for (const p of [HUSBAND, WIFE])
    await call('intake.authorize', {
      caseId: saved.caseId,
      signerIdNumber: p.idNumber,
      signature: intakeSignature(saved.caseId, p),
      face: null,
    });
  caseId = saved.caseId;
});
test.afterAll(async () => {
  if (shell) await stop(shell);
  await platform?.stop();
  removeDataDir(dataDir);
  rmSync(platformDir, { recursive: true, force: true });
});

/** The clerk pairs the applicant screen (applicantScreen.spec.ts's steps) from the decision of a case submitted earlier. */
async function pairScreen(page: Page): Promise<Page> {
  const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-rating-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('rating-screen-control')).toHaveAttribute('data-paired', 'yes', { timeout: 30_000 });
  return screen;
}

const figures = async (service: string) => (await head<Figures>('stats.overview', {})).ratings.rows.find((r) => r.service === service);

test('好差评: asked after 受理, a 差评 reaches the head and the statistics, 回访 and 整改, one question per 进度查询 visit, a walk-away is 未评价, all on the platform after a sync', async ({
  page,
  context,
}) => {
  await context.clock.install();
  let screen: Page;

  await test.step('受理 in the wizard: the paired screen asks for a rating of 受理申请, nothing personal and no staff on it', async () => {
    await logIn(page, shell);
    await page.evaluate((id) => (window.location.hash = `#/intake?case=${id}`), caseId);
    await expect(page.getByTestId('step-decision')).toBeVisible();
    screen = await pairScreen(page);
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('notice-queued')).toContainText('受理通知书已送入打印队列');
    const rating = screen.getByTestId('applicant-rating');
    await expect(rating).toBeVisible();
    await expect(screen.getByTestId('rating-service')).toHaveText('办理事项：受理申请');
    // The national five levels (antd spaces a two-character label: 满 意).
    await expect(rating.getByRole('radio')).toHaveText(['非常满意', /^满\s?意$/, '基本满意', '不满意', '非常不满意']);
    const text = await screen.locator('body').innerText();
    for (const word of [HUSBAND.name, HUSBAND.idNumber, '王站长']) expect(text).not.toContain(word);
    // The clerk is not held up: the next applicant can start at once.
    await expect(page.getByTestId('next-applicant')).toBeEnabled();
  });

  await test.step('the applicant gives 不满意: a reason is asked for, then it is sent and the screen goes back to the notices', async () => {
    await screen.getByTestId('rating-level-dissatisfied').click();
    await screen.getByTestId('rating-submit').click();
    await expect(screen.getByTestId('rating-error')).toHaveText('请选择不满意的原因，或写下您的意见');
    await screen.getByTestId('rating-reason-waited').click();
    await screen.getByTestId('rating-comment').fill('排队一个多小时');
    await screen.getByTestId('rating-submit').click();
    await expect(screen.getByTestId('applicant-idle')).toBeVisible();
    await expect(screen.getByTestId('applicant-rating')).toHaveCount(0);
  });

  await test.step('进度查询: two lookups in a row ask once; the applicant walks away — 60 s without a touch — and no rating is left', async () => {
    await page.evaluate(() => (window.location.hash = '#/enquiry'));
    const id = page.getByRole('textbox', { name: '公民身份号码' });
    const asked = () =>
      page
        .waitForResponse((r) => r.url().endsWith('/api/ratings.ask'))
        .then(async (r) => ((await r.json()) as { result: { asked: boolean } }).result);
    const firstAsk = asked();
    await id.fill(HUSBAND.idNumber);
    await expect(page.getByTestId('enquiry-results')).toContainText('已受理');
    expect(await firstAsk).toMatchObject({ asked: true });
    await expect(screen.getByTestId('rating-service')).toHaveText('办理事项：进度查询');
    // The applicant starts to answer; the clerk looks the wife up too: the same question stays, with the choice made.
    await screen.getByTestId('rating-level-satisfied').click();
    await expect(screen.getByTestId('applicant-rating')).toHaveAttribute('data-level', 'satisfied');
    const secondAsk = asked();
    await id.fill(WIFE.idNumber);
    expect(await secondAsk).toMatchObject({ asked: false });
    await expect(screen.getByTestId('applicant-rating')).toHaveAttribute('data-level', 'satisfied');
    expect((await figures('enquiry'))?.asked).toBe(1);
    // Then walks away without sending: a minute later the screen is back on the notices.
    await context.clock.fastForward('01:01');
    await expect(screen.getByTestId('applicant-idle')).toBeVisible();
    await expect.poll(async () => (await figures('enquiry'))?.unrated).toBe(1);
    expect(await figures('enquiry')).toMatchObject({ asked: 1, unrated: 1, satisfied: 0, very_satisfied: 0 });
  });

  await test.step('the head: the 差评 on 差评回访整改 with its reason, the case and who served; 回访 then 整改 closes it; the statistics count it', async () => {
    const headPage = await context.newPage();
    await headPage.goto(shell.url);
    await headPage.getByLabel('用户名').fill(HEAD.username);
    await headPage.getByLabel('密码').fill(HEAD.password);
    await headPage.getByRole('button', { name: /登\s*录/ }).click();
    await expect(headPage.getByTestId('user-menu')).toBeVisible();
    await headPage.evaluate(() => (window.location.hash = '#/ratings'));
    const item = headPage.getByTestId('ratings-list').locator('[data-rating-id]');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-status', 'open');
    await expect(item.getByTestId('rating-level')).toHaveText('不满意');
    await expect(item.getByTestId('rating-reasons')).toHaveText('原因和意见：等候时间长、“排队一个多小时”');
    await expect(item.getByTestId('rating-case-no')).toHaveText(/^500110-/);
    await expect(item).toContainText('受理申请');
    await expect(item).toContainText('经办人：王站长');

    await item.getByTestId('rating-follow-up-note').fill('已电话回访，说明了当天排队的原因');
    await item.getByTestId('rating-follow-up-save').click();
    await expect(item.getByTestId('rating-follow-up')).toHaveCount(1);
    await expect(item.getByTestId('rating-follow-up').first()).toContainText('回访：已电话回访，说明了当天排队的原因（陈站长');
    await item.getByRole('radio', { name: '整改' }).check();
    await item.getByTestId('rating-follow-up-note').fill('上午增开一个受理窗口');
    await item.getByTestId('rating-follow-up-close').check();
    await item.getByTestId('rating-follow-up-save').click();
    // Closed: gone from the open list, in 已办结 with both notes.
    await expect(headPage.getByTestId('ratings-page')).toContainText('没有差评');
    await headPage.getByText('已办结', { exact: true }).click();
    const done = headPage.getByTestId('ratings-list').locator('[data-rating-id]');
    await expect(done).toHaveAttribute('data-status', 'done');
    await expect(done.getByTestId('rating-follow-up')).toHaveText([/^回访：已电话回访/, /^整改：上午增开一个受理窗口.*办结$/]);

    await headPage.evaluate(() => (window.location.hash = '#/stats'));
    const card = headPage.getByTestId('stats-ratings');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const intakeRow = card.locator(`[data-key="intake-${month}"]`);
    // 办理事项, 月份, 请评次数, five levels, 未评价, 满意率
    await expect(intakeRow.getByRole('cell')).toHaveText(['受理申请', month, '1', '0', '0', '0', '1', '0', '0', '0.0%']);
    await expect(card.locator(`[data-key="enquiry-${month}"]`).getByRole('cell')).toHaveText([
      '进度查询',
      month,
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '—',
    ]);
    await headPage.close();
  });

  await test.step('a sync: the rating and both follow-ups are acknowledged by the reference platform', async () => {
    const run = await within('sync.now', 60_000, call<{ outcome: string; error?: unknown }>('sync.now', { wait: true }));
    expect(run, JSON.stringify(run.error)).toMatchObject({ outcome: 'ok' });
    const held = (await platform.admin.records()).filter((r) => r.kind.startsWith('rating.'));
    expect(held.map((r) => [r.kind, r.caseId, r.status])).toEqual([
      ['rating.record', caseId, 'acknowledged'],
      ['rating.follow-up', caseId, 'acknowledged'],
      ['rating.follow-up', caseId, 'acknowledged'],
    ]);
  });
});
