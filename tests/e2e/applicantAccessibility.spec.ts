import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeIdNumber } from '../../main/core/cases/demo/synthetic';
import { ADMIN } from './station';
import { chromiumPath } from './chromium';
import { faceScenes, fakeCameraArgs } from './captureFixtures';
import {
  api,
  launch,
  logIn,
  newDataDir,
  openIntake,
  removeDataDir,
  setUpIntakeStation,
  signInView,
  step,
  stop,
  type Shell,
} from './intakeSupport';
import { checkBothSizes } from './legibility';
import { launchOn, setUpDueHousehold, startReview } from './reviewSupport';
import { findLeaks, screenTexts } from './screenWords';

/**
 * 适老化 on the applicant screen (issue 17 item 10; 工信部《互联网应用适老化及无障碍改造专项行动方案》
 * and its 通用设计规范: large type, 7:1 contrast, one task a screen, no time-outs): every state the
 * applicant meets — the notices, their record, 信息有误, each signing step (the statement and pad, the
 * face, done), the periodic review's statement (定期核查), 好差评 when the service ends — measured at 标准 and 大字: every visible text at least
 * 24 px (32 px at 大字), headings larger, every text at least 7:1 against what it is drawn on; and in
 * words only (the key-leak check of words.spec.ts). The same for the signing view turned to the
 * signer on the clerk's screen, whose 手动拍摄 (the clerk's, with a reason) is walked too. The read-out
 * plays the shipped clip where the browser has no zh-CN voice.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });
test.use({ launchOptions: { executablePath: chromiumPath() ?? undefined, args: fakeCameraArgs(faceScenes.one()) } });

const APPLICANT = { id: makeIdNumber('500110', '1950-03-12', 17, '女'), name: '蒋秀珍' };
type Row = Awaited<ReturnType<typeof checkBothSizes>>[number];
const rows: Row[] = [];

let shell: Shell;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  const call = await setUpIntakeStation(shell);
  const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
  // The county asks for the face: the signing view's face step is walked too.
  await call('cases.setSettings', {
    settings: {
      ...current.settings,
      faceRequired: true,
      policyNotices: [{ title: '低保政策宣传', body: '家庭月人均收入低于当地低保标准的，可以申请。' }],
    },
  });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
  // The figures of the walk, for the report.
  console.log(
    rows
      .map((r) => `${r.state.padEnd(18)} ${r.size.padEnd(8)} texts ${String(r.texts).padStart(3)}  min ${r.minPx}px  min ${r.minRatio}:1`)
      .join('\n'),
  );
});

async function check(page: Page, root: Locator, state: string) {
  const found = await checkBothSizes(page, root, state);
  rows.push(...found);
  for (const r of found) expect(r.problems, `${state} at ${r.size}`).toEqual([]);
  expect(found[0]!.texts, `${state}: texts measured`).toBeGreaterThan(3);
  // Words only: on the applicant screen every text of the page; turned to the signer, the signing view's.
  const texts =
    (await root.getAttribute('data-testid')) === 'applicant-screen' ? await screenTexts(page) : (await root.innerText()).split('\n');
  const leaks = texts.flatMap(findLeaks);
  expect(leaks, `${state}: words`).toEqual([]);
}

test('every applicant-screen state at 标准 and 大字: text ≥ 24 px (32 px), headings larger, contrast ≥ 7:1, words only; the size is kept for the station', async ({
  page,
}) => {
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  await screen.setViewportSize({ width: 1366, height: 768 });
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  const root = screen.getByTestId('applicant-screen');
  await check(screen, root, 'idle');

  await page.locator('#applicant-id').fill(APPLICANT.id);
  await page.locator('#applicant-name').fill(APPLICANT.name);
  await page.locator('#applicant-phone').fill('13700001111');
  await expect(screen.getByTestId('applicant-name')).toHaveText(APPLICANT.name);
  await check(screen, root, 'intake');

  await screen.getByTestId('applicant-report').click();
  await check(screen, root, 'report');
  await screen.getByTestId('report-back').click();

  // 大字 chosen on the screen is kept for the station: the next applicant-screen page opens in 大字.
  await screen.getByTestId('text-size-large').click();
  const body = await screen.getByTestId('applicant-intake').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(body).toBe(32);
  const next = await page.context().newPage();
  await next.goto(`${shell.origin}/#token=${shell.token}`);
  await next.evaluate(() => (window.location.hash = '#/applicant'));
  await next.reload();
  await expect(next.getByTestId('applicant-screen')).toHaveAttribute('data-phase', 'unpaired');
  await expect(next.locator('[data-text-size="large"]')).toBeVisible();
  await next.close();
  await screen.getByTestId('text-size-standard').click();

  await page.keyboard.press('Alt+N');
  await step(page, 'members');
  await page.keyboard.press('Alt+N');
  await step(page, 'type');
  await page.getByText('最低生活保障').click();
  await page.getByText('收入低').click();
  await page.keyboard.press('Alt+N');
  await step(page, 'money');
  await page.locator('#income-amount').fill('600');
  await page.getByTestId('add-income').click();
  await page.keyboard.press('Alt+N');
  await step(page, 'materials');
  await page.getByTestId('all-received').click();
  await page.keyboard.press('Alt+N');
  await step(page, 'authorization');
  await page.getByTestId('sign-next').click();
  await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
  await check(screen, root, 'signing: statement');

  // The read-out: no zh-CN voice in this Chromium, so the shipped clip plays, and pauses.
  const readAloud = screen.getByTestId('read-aloud');
  await expect(readAloud).toHaveAttribute('data-engine', 'clip');
  await screen.getByTestId('read-aloud-play').click();
  await expect(readAloud).toHaveAttribute('data-playing', 'playing');
  await expect
    .poll(() => screen.getByTestId('read-aloud-clip').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.5);
  expect(await screen.getByTestId('read-aloud-clip').evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(30);
  await screen.getByTestId('read-aloud-pause').click();
  await expect(readAloud).toHaveAttribute('data-playing', 'paused');
  expect(await screen.getByTestId('read-aloud-clip').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);

  await signInView(screen);
  await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'face');
  await expect(screen.getByTestId('face-video')).toBeVisible();
  await expect(screen.getByTestId('face-instruction')).not.toHaveText('', { timeout: 120_000 });
  await check(screen, root, 'signing: face');
  await expect(screen.getByTestId('signing-done')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId(`signer-${APPLICANT.id}`)).toHaveAttribute('data-signed', 'true');
  await check(screen, root, 'signing: done');

  // The service ends (受理): the screen asks for 好差评, where this build has it.
  await page.keyboard.press('Alt+N');
  await step(page, 'decision');
  await page.getByTestId('submit').click();
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('notice-queued')).toBeVisible();
  await expect(root).toHaveAttribute('data-view', /rating|idle/);
  if ((await root.getAttribute('data-view')) === 'rating') await check(screen, root, 'rating');
});

test('the signing view turned to the signer on the clerk’s screen (no applicant screen) is measured the same', async ({ page }) => {
  const spare = { id: makeIdNumber('500110', '1948-11-02', 23, '男'), name: '冉德明' };
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await page.locator('#applicant-id').fill(spare.id);
  await page.locator('#applicant-name').fill(spare.name);
  for (const name of ['members', 'type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  await page.getByTestId('sign-next').click();
  const view = page.getByTestId('counter-signing-view');
  await expect(view.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
  await check(page, view, 'counter: statement');
});

test('手动拍摄 is the clerk’s: asked on the clerk’s side with a required reason, taken on the applicant screen (which has no such button), recorded with the reason, 人脸待复核 at best', async ({
  page,
}) => {
  const person = { id: makeIdNumber('500110', '1952-05-17', 35, '男'), name: '向德贵' };
  const REASON = '窗口逆光，自动拍摄一直不成功';
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-applicant-screen').click()]);
  await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
  await page.locator('#applicant-id').fill(person.id);
  await page.locator('#applicant-name').fill(person.name);
  await expect(screen.getByTestId('applicant-name')).toHaveText(person.name);
  for (const name of ['members', 'type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  const caseId = (await page.getByTestId('intake-wizard').getAttribute('data-case-id'))!;
  await page.getByTestId('sign-next').click();
  await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
  // The clerk asks, and must say why.
  await page.getByTestId('signing-manual-face').click();
  await expect(page.locator('#manual-confirm')).toBeDisabled();
  await page.getByTestId('manual-reason').fill(REASON);
  await page.locator('#manual-confirm').click();
  await expect(page.getByTestId('manual-face-asked')).toContainText(REASON);
  const sent = screen.waitForRequest((r) => r.url().endsWith('/api/applicant.sign'), { timeout: 200_000 });
  await signInView(screen);
  await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'face');
  // The applicant's screen never offers the override.
  await expect(screen.getByTestId('face-manual')).toHaveCount(0);
  // What the screen sent is the manual capture, with the clerk's reason.
  expect((await sent).postDataJSON()).toMatchObject({ face: { mode: 'manual', manualReason: REASON } });
  await expect(screen.getByTestId('signing-done')).toBeVisible({ timeout: 200_000 });
  await expect(page.getByTestId(`status-${person.id}`)).toHaveText('人脸待复核', { timeout: 30_000 });
  const call = api(shell, 'manual-face-check');
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  const d = await call<{
    authorizations: Array<{
      signerIdNumber: string;
      face: { verdict: string; mode?: string; manualReason?: string | null } | null;
      faceVerdict: string | null;
    }>;
  }>('cases.get', { caseId });
  const a = d.authorizations.find((x) => x.signerIdNumber === person.id)!;
  expect(a.faceVerdict).toBe('review');
  expect(a.face).toMatchObject({ verdict: 'review' });
});

test('the review’s signing view on the applicant screen (the statement with its 定期核查 line) is measured the same', async ({ page }) => {
  // A household due for review: its own station, the shell's clock a year on.
  const reviewDir = newDataDir();
  let reviewShell: Shell | null = null;
  try {
    const { reviewDay } = await setUpDueHousehold(reviewDir);
    reviewShell = await launchOn(reviewDir, reviewDay);
    await logIn(page, reviewShell);
    const { drawer } = await startReview(page, reviewDay);
    const signers = drawer.getByTestId('review-signers');
    const [screen] = await Promise.all([page.context().waitForEvent('page'), signers.getByTestId('open-applicant-screen').click()]);
    await screen.setViewportSize({ width: 1366, height: 768 });
    await expect(screen.getByTestId('applicant-idle')).toBeVisible({ timeout: 30_000 });
    await expect(signers.getByTestId('screen-pair')).toHaveAttribute('data-paired', 'yes');
    await signers.getByTestId('sign-next').click();
    await expect(signers.getByTestId('signing-on-screen')).toBeVisible();
    await expect(screen.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
    await expect(screen.getByTestId('statement-purpose')).toHaveText('本次为定期核查，请重新签署授权书');
    await check(screen, screen.getByTestId('applicant-screen'), 'review: statement');
  } finally {
    if (reviewShell) await stop(reviewShell);
    removeDataDir(reviewDir);
  }
});

test('手动拍摄 in the view turned to the signer (no applicant screen): in the clerk’s footer, the reason required; the signer ends 人脸待复核 and core’s verdict is review', async ({
  page,
}) => {
  const person = { id: makeIdNumber('500110', '1949-08-21', 41, '男'), name: '邓明全' };
  const REASON = '老人戴帽子又背光，自动拍摄一直不成功';
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  await page.locator('#applicant-id').fill(person.id);
  await page.locator('#applicant-name').fill(person.name);
  for (const name of ['members', 'type', 'money', 'materials', 'authorization']) {
    await page.keyboard.press('Alt+N');
    await step(page, name);
  }
  const caseId = (await page.getByTestId('intake-wizard').getAttribute('data-case-id'))!;
  await page.getByTestId('sign-next').click();
  const view = page.getByTestId('counter-signing-view');
  await expect(view.getByTestId('signing-view')).toHaveAttribute('data-phase', 'sign');
  // The button is the clerk's, below the signer's view, not in it; the reason is required.
  await expect(view.getByTestId('signing-manual-face')).toHaveCount(0);
  await page.getByTestId('signing-manual-face').click();
  await expect(page.locator('#manual-confirm')).toBeDisabled();
  await page.getByTestId('manual-reason').fill('光');
  await expect(page.locator('#manual-confirm')).toBeDisabled();
  await page.getByTestId('manual-reason').fill(REASON);
  await page.locator('#manual-confirm').click();
  const saved = page.waitForRequest((r) => r.url().endsWith('/api/intake.authorize'), { timeout: 200_000 });
  await signInView(page);
  // The face step takes the picture by hand, with the clerk's reason, and it is saved so.
  expect((await saved).postDataJSON()).toMatchObject({ signerIdNumber: person.id, face: { mode: 'manual', manualReason: REASON } });
  await expect(view).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId(`status-${person.id}`)).toHaveText('人脸待复核', { timeout: 30_000 });
  const call = api(shell, 'counter-manual-face-check');
  await call('session.login', { username: ADMIN.username, password: ADMIN.password });
  const d = await call<{
    authorizations: Array<{
      signerIdNumber: string;
      face: { verdict: string; mode?: string; manualReason?: string | null } | null;
      faceVerdict: string | null;
    }>;
  }>('cases.get', { caseId });
  const a = d.authorizations.find((x) => x.signerIdNumber === person.id)!;
  expect(a.faceVerdict).toBe('review');
  expect(a.face).toMatchObject({ verdict: 'review' });
});
