import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { addDays, addMonths, nextMonth } from '../../main/core/afterAcceptance/dates';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
import { HUSBAND } from '../../main/core/cases/testing/household';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import {
  acceptedCase,
  chinaToday,
  enrolledFace,
  publicityObjectionReview,
  submitDialog,
  verifyAndStop,
  within,
} from './afterAcceptanceSteps';
import { faceScenes, references } from './captureFixtures';
import { fakeCameraPages } from './capturePage';
import { api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';
import { ADMIN } from './station';
import { chooseOption } from './antdSelect';
import { findLeaks, screenTexts, settled } from './screenWords';

/**
 * Issue 9's chain in ONE run, on one data directory, with the reference platform on loopback and a
 * Chromium whose fake camera plays the applicant's face: accepted case → 入户调查 → 初审意见 and
 * 公示 → objection → 民主评议 → a new 初审意见 and a second 公示 → a week later (`--clock`) 公示期满 → opinion synced → the platform approves → decision pulled →
 * 审核确认通知书 queued → household on the roster → the shell restarted a year later (`--clock`):
 * review due → 待遇资格认证 at the counter against the enrolled photo → a death warning for the
 * applicant pulled → assigned (only caseworkers offered; re-assigned when the assignee's post changes),
 * verified, stopped → 终止救助通知书 queued and rendered → synced back.
 */
test.describe.configure({ timeout: 240_000 });
// A click on something that never comes fails its step instead of eating the whole timeout.
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

const STATION = 'ST-CHAIN';
/** Someone the platform warns about who is not on this station's roster. */
const STRANGER = '500115196001010013';

type Call = ReturnType<typeof api>;
type Notice = { id: string; kind: string; state: string; label: string; caseNo: string | null };
type Case = { state: string; version: number; notices: Array<{ kind: string }> };
type RosterRow = {
  caseId: string;
  applicantName: string;
  amountFen: number;
  sinceMonth: string;
  nextReviewOn: string;
  status: string;
  due: string;
};
type SyncStatus = { outbox: { queued: number; inFlight: number; acknowledged: number; rejected: number; conflict: number } };

let platform: RunningPlatform;
let platformDir: string;
let dataDir: string;
let shell: Shell | null = null;

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-chain-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  dataDir = newDataDir();
});
test.afterAll(async () => {
  if (shell) await stopShell(shell).catch(() => undefined);
  await platform?.stop();
  removeDataDir(dataDir);
  rmSync(platformDir, { recursive: true, force: true });
});

const pageWithCamera = fakeCameraPages();

/**
 * One real sync run, bounded: the station retries a failing platform with backoff for minutes,
 * which would otherwise surface only as the test's timeout. Only manual runs happen here (the
 * station's sync windows are emptied in the first step), so this run is the one that pulls.
 */
async function syncNow(call: Call): Promise<void> {
  const run = await within('sync.now', 60_000, call<{ outcome: string; error?: unknown }>('sync.now', { wait: true }));
  expect(run, JSON.stringify(run.error)).toMatchObject({ outcome: 'ok' });
}

/** Stop the shell; a shell that does not exit on SIGTERM is killed and fails the test. */
async function stopShell(s: Shell): Promise<void> {
  try {
    await within('the browser shell exiting on SIGTERM', 20_000, stop(s));
  } catch (error) {
    await stop(s, 'SIGKILL');
    throw error;
  }
}

/** Sync, then: nothing queued, rejected or in conflict, and every record of the case acknowledged on the platform. */
async function syncedClean(call: Call, caseId: string) {
  await syncNow(call);
  const status = await call<SyncStatus>('sync.status');
  expect(status.outbox).toMatchObject({ queued: 0, inFlight: 0, rejected: 0, conflict: 0 });
  const records = (await platform.admin.records()).filter((r) => r.caseId === caseId);
  expect(records.length).toBeGreaterThan(0);
  expect(records.filter((r) => r.status !== 'acknowledged')).toEqual([]);
  return records;
}

async function pdfText(call: Call, requestId: string): Promise<string> {
  const pdf = await call<{ pdfBase64: string }>('documents.preview', { requestId });
  return (await readPdf(Buffer.from(pdf.pdfBase64, 'base64')))
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

test('accepted → visit → 公示 → objection → 民主评议 → synced → decision pulled → roster → a year later: review due → 资格认证 → death warning → stopped with the notice', async () => {
  const page = await pageWithCamera(faceScenes.one());
  const today = chinaToday();
  const view = page.getByTestId('case-view');
  const panel = page.getByTestId('after-acceptance');
  const roster = page.getByTestId('roster-page');
  let call: Call;
  let caseId = '';
  let reviewDay = '';
  let photoSha256 = '';
  let visit: ReturnType<typeof signedVisit>;
  // Set when the second 公示 ends (a week after today): payments start the month after the decision.
  let endDay = today;
  let startMonth = nextMonth(today);

  await test.step('a registered station, reviews every 12 months; an accepted case with the applicant’s intake photo; the visit', async () => {
    shell = await launch(dataDir);
    // The visit, 初审意见, 公示 and 民主评议 are the caseworker's: the admin here is a clerk and a caseworker.
    call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'caseworker']);
    const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
    await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    await call('sync.settings', { windows: [] });
    await call('roster.setSettings', { settings: { reviewMonths: { stable: 12, irregular: 12, tekun: 12 }, warningWorkingDays: 10 } });
    // The husband (the applicant) is enrolled with another photo of the man the fake camera plays.
    caseId = await acceptedCase(call, enrolledFace(references.same()));
    // 入户调查 with signatures bound to the record (the visit dialog, its photo and pad: visit.spec.ts).
    visit = signedVisit(caseId, { ...VISIT, visitedOn: today });
    await call('visits.record', { caseId, version: 2, visit });
    expect(await call<Case>('cases.get', { caseId })).toMatchObject({ state: 'investigating', version: 3 });
  });

  await test.step('初审意见 → 公示 → objection → 民主评议 → a new 初审意见 and a second 公示 on the case page; each list shows only name, size and amount', async () => {
    await logIn(page, shell!);
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(panel).toContainText('4 人签名');
    await publicityObjectionReview(page, today);
    const detail = await call<Case>('cases.get', { caseId });
    expect(detail.state).toBe('publicity');
    expect(detail.notices.map((n) => n.kind)).toEqual(['acceptance', 'visit-form', 'publicity', 'publicity']);
    const [first, second] = await call<Notice[]>('printQueue.list', { caseId, kind: 'publicity' });
    const text = await pdfText(call, first!.id);
    // The list carries the name, household size and amount, nothing else (no ID number, whole or masked).
    expect(text).toContain('桥头镇新街社区');
    expect(text).toContain('1张建国3680.00');
    expect(text).not.toMatch(/\d{6}\*+\d{3}|\d{17}[\dX]/);
    const again = await pdfText(call, second!.id);
    expect(again).toContain('（第2次）');
    expect(again).toContain('1张建国3650.00');
  });

  await test.step('seven days later (--clock): the second 公示 ends on the case page; the case goes up with the county limit running', async () => {
    endDay = addDays(today, 7);
    startMonth = nextMonth(endDay);
    await stopShell(shell!);
    process.env.JIUZHU_ALLOW_CLOCK = '1';
    try {
      shell = await launch(dataDir, ['--clock', `${endDay}T09:00:00+08:00`]);
    } finally {
      delete process.env.JIUZHU_ALLOW_CLOCK;
    }
    call = api(shell, 'chain-e2e-publicity-over');
    await call('session.login', { username: ADMIN.username, password: ADMIN.password });
    await logIn(page, shell);
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(view).toHaveAttribute('data-state', 'publicity');
    await panel.getByRole('button', { name: /公示期满/ }).click();
    await expect(view).toHaveAttribute('data-state', 'awaiting_decision');
    await expect(panel.getByTestId('publicity-rounds').locator('[data-round="2"]')).toHaveAttribute('data-status', 'ended');
    const detail = await call<Case & { deadlines: Array<{ kind: string; fromDate: string; metAt: string | null }> }>('cases.get', {
      caseId,
    });
    expect(detail.deadlines.find((d) => d.kind === 'county_decision')).toMatchObject({ fromDate: endDay, metAt: null });
    expect(detail.deadlines.find((d) => d.kind === 'reopinion')?.metAt).not.toBeNull();
  });

  await test.step('the opinion is synced; the platform approves; a real sync pulls the decision; the 审核确认通知书 is queued', async () => {
    await syncedClean(call, caseId);
    expect((await platform.admin.getCase(caseId))?.body).toMatchObject({ state: 'awaiting_decision' });
    // The visit's signatures went up as blobs with it.
    const held = new Set((await platform.admin.blobs()).map((b) => b.sha256));
    for (const sig of visit.signatures) expect(held.has(sig.capture.pngSha256!), sig.name).toBe(true);
    await platform.admin.decide({ caseId, outcome: 'approved', amountFen: 68000, startMonth });
    await syncNow(call);
    expect((await call<Case>('cases.get', { caseId })).state).toBe('approved');
    expect((await call<Notice[]>('printQueue.list', { caseId, kind: 'approval' })).map((n) => n.state)).toEqual(['pending']);
    // Leave the case page and come back (a reload would end this window's session).
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(view).toHaveAttribute('data-state', 'approved');
    await expect(panel).toContainText('医疗救助');
    // The approved amount and first paid month are on the case, not only on the roster.
    await expect(page.getByTestId('case-benefit')).toHaveAttribute('data-amount', '68000');
    await expect(page.getByTestId('case-benefit')).toHaveAttribute('data-start', startMonth);
    expect((await call<{ benefit: unknown }>('cases.get', { caseId })).benefit).toMatchObject({
      approvedAmountFen: 68000,
      startMonth,
      status: 'active',
    });
  });

  await test.step('the household is on the roster, first review 12 months after the first paid month', async () => {
    await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
    await roster.getByTestId('roster-filter').getByText('全部在册').click();
    const row = roster.getByRole('row', { name: /张建国/ });
    await expect(row).toContainText('680.00');
    await expect(row).toContainText('在册');
    const rows = (await call<{ rows: RosterRow[] }>('roster.list', { filter: 'all' })).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      caseId,
      applicantName: HUSBAND.name,
      amountFen: 68000,
      sinceMonth: startMonth,
      status: 'active',
      due: 'later',
    });
    reviewDay = addMonths(`${startMonth}-01`, 12);
    expect(rows[0]!.nextReviewOn).toBe(reviewDay);
    await expect(row).toContainText(reviewDay);
  });

  await test.step('a year later (--clock on the review day): the household is due on the roster page', async () => {
    await stopShell(shell!);
    process.env.JIUZHU_ALLOW_CLOCK = '1';
    try {
      shell = await launch(dataDir, ['--clock', `${reviewDay}T09:00:00+08:00`]);
    } finally {
      delete process.env.JIUZHU_ALLOW_CLOCK;
    }
    call = api(shell, 'chain-e2e-later');
    await call('session.login', { username: ADMIN.username, password: ADMIN.password });
    await logIn(page, shell);
    await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
    // The default list is the reviews due.
    const row = roster.getByRole('row', { name: /张建国/ });
    await expect(row).toContainText(reviewDay);
    await expect(row.locator('[data-due]')).toHaveAttribute('data-due', 'due');
    await expect(row).toContainText('到期复核');
    const due = await call<{ rows: RosterRow[]; today: string }>('roster.list', { filter: 'due' });
    expect(due.today).toBe(reviewDay);
    expect(due.rows.map((r) => [r.caseId, r.due])).toEqual([[caseId, 'due']]);
  });

  await test.step('待遇资格认证 at the counter: the fake camera against the enrolled photo, confirmed by the clerk with a reason', async () => {
    await page.evaluate(() => (window.location.hash = '#/certification'));
    await expect(page.getByTestId('certification-page')).toBeVisible();
    // Enrolled on the approval day, certified every 12 months: overdue by now, on the default list.
    const certRow = page.getByTestId('cert-row').filter({ hasText: HUSBAND.name });
    await expect(certRow).toHaveCount(1);
    await expect(certRow).toHaveAttribute('data-status', 'overdue');
    await certRow.getByRole('button', { name: /认\s*证/ }).click();
    await expect(page.getByTestId('cert-check')).toHaveAttribute('data-person', HUSBAND.name);
    await expect(page.getByTestId('cert-reference')).toHaveAttribute('data-source', 'enrolled');
    await expect(page.getByTestId('face-reference')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    const pending = page.getByTestId('cert-pending');
    await expect(pending).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('face-match')).toHaveAttribute('data-verdict', 'pass');
    // The fake camera plays a still photo, which the antispoof model scores below the pass mark.
    await expect(pending).toHaveAttribute('data-result', 'review');
    await expect(page.getByTestId('cert-confirm')).toBeDisabled();
    await page.getByTestId('cert-reason').fill('已当面核对身份证件，系本人');
    await page.getByTestId('cert-confirm').click();
    await expect(page.getByTestId('cert-result')).toHaveAttribute('data-outcome', 'certified');
    await expect(page.getByTestId('cert-outcome')).toHaveText('已认证');

    const person = await call<{ history: Array<Record<string, unknown>> }>('certification.person', { idNumber: HUSBAND.idNumber });
    expect(person.history).toHaveLength(1);
    expect(person.history[0]).toMatchObject({
      caseId,
      method: 'counter',
      result: 'review',
      outcome: 'certified',
      certifiedOn: reviewDay,
      referenceSource: 'enrolled',
      match: { verdict: 'pass' },
      confirmation: { decision: 'confirm', reason: '已当面核对身份证件，系本人' },
      nextDueOn: addMonths(reviewDay, 12),
    });
    photoSha256 = String(person.history[0]!.photoSha256);
    expect(photoSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  await test.step('a death warning for the applicant pulled by a sync; assigned, verified and a stop proposed on the warnings page; the county decides it on the platform', async () => {
    await platform.admin.warn({ idNumber: HUSBAND.idNumber, type: 'death', stationId: STATION });
    await platform.admin.warn({ idNumber: STRANGER, type: 'detention', stationId: STATION });
    // A caseworker, a counter clerk and an IT admin join the station.
    for (const [username, displayName, roles] of [
      ['liu.jingban', '刘经办', ['caseworker']],
      ['zhao.chuangkou', '赵窗口', ['clerk']],
      ['sun.guanli', '孙管理', ['admin']],
    ] as const) {
      await call('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' });
    }
    await syncNow(call);
    await page.getByRole('menuitem', { name: '监测预警' }).click();
    const warnings = page.getByTestId('warnings-page');
    await expect(warnings.getByRole('row', { name: /羁押/ })).toContainText('非在册人员');
    const death = warnings.getByRole('row', { name: /死亡/ });
    await expect(death).toContainText('张建国');
    // Only those who can verify a warning are offered (the admin here is also a caseworker): not the
    // clerk, not the admin-only account. A caseworker moved to the counter afterwards keeps the
    // warning on the list, marked, and it is re-assigned.
    const picker = page.getByRole('dialog').getByLabel('分派给经办人');
    const offered = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await death.getByRole('button', { name: /分\s*派/ }).click();
    await picker.click();
    await expect(offered).toHaveCount(2);
    expect((await offered.evaluateAll((items) => items.map((i) => i.getAttribute('title')))).sort()).toEqual(
      [ADMIN.displayName, '刘经办'].sort(),
    );
    await picker.press('Tab');
    await chooseOption(page, picker, '刘经办');
    await submitDialog(page);
    await expect(death).toContainText('刘经办');
    await expect(death.getByTestId('warning-assignee-cannot-work')).toHaveCount(0);
    const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
    await call('accounts.setRoles', { accountId: accounts.find((a) => a.username === 'liu.jingban')!.id, roles: ['clerk'] });
    await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
    await page.getByRole('menuitem', { name: '监测预警' }).click();
    await expect(death.getByTestId('warning-assignee-cannot-work')).toHaveText('无权核查，请改派');
    await settled(page);
    expect((await screenTexts(page)).flatMap(findLeaks)).toEqual([]);
    await death.getByRole('button', { name: /分\s*派/ }).click();
    await picker.click();
    await expect(offered).toHaveCount(1);
    await picker.press('Tab');
    await chooseOption(page, picker, ADMIN.displayName);
    await submitDialog(page);
    await expect(death).toContainText(ADMIN.displayName);
    await expect(death.getByTestId('warning-assignee-cannot-work')).toHaveCount(0);
    await verifyAndStop(page, death, reviewDay);

    const rows = (await call<{ rows: Array<Record<string, unknown>> }>('warnings.list', {})).rows;
    expect(rows.find((w) => w.type === 'death')).toMatchObject({
      caseId,
      status: 'closed',
      outcome: 'stop',
      assigneeName: ADMIN.displayName,
      verification: { verifiedOn: reviewDay, method: '入户核实' },
    });
    expect(rows.find((w) => w.type === 'detention')).toMatchObject({ status: 'not_on_roster', caseId: null });

    // The clerk's stop is a proposal: the household stays on the roster at its amount, no notice yet.
    await expect(death.getByTestId('warning-change')).toHaveAttribute('data-status', 'proposed');
    await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
    await roster.getByTestId('roster-filter').getByText('全部在册').click();
    await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('在册');
    await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('待县级审核确认');
    await expect(roster.getByTestId('change-proposals')).toContainText('停发待遇');
    expect((await call<Case>('cases.get', { caseId })).notices.map((n) => n.kind)).not.toContain('termination');

    // The proposal reaches the platform as a change.proposal; the county decides it there; a sync pulls the decision.
    await syncNow(call);
    const proposal = (await platform.admin.records()).find((r) => r.kind === 'change.proposal' && r.caseId === caseId);
    expect(proposal).toMatchObject({ status: 'acknowledged', body: { outcome: 'stop', origin: 'warning', previousAmountFen: 68000 } });
    await platform.admin.decideChange({ caseId, proposalId: String(proposal!.body!['proposalId']), outcome: 'approved' });
    await syncNow(call);
    await page.getByRole('menuitem', { name: '监测预警' }).click();
    await page.getByRole('menuitem', { name: /(^| )在册对象$/ }).click();
    await roster.getByTestId('roster-filter').getByText('全部在册').click();
    await expect(roster.getByRole('row', { name: /张建国/ })).toContainText('已停发');
    expect((await call<{ rows: RosterRow[] }>('roster.list', { filter: 'all' })).rows.map((r) => [r.caseId, r.status])).toEqual([
      [caseId, 'stopped'],
    ]);
  });

  await test.step('the 终止救助通知书 waits in the print queue and renders with the name and the redress route', async () => {
    expect((await call<Case>('cases.get', { caseId })).notices.map((n) => n.kind)).toEqual([
      'acceptance',
      'visit-form',
      'publicity',
      'publicity',
      'approval',
      'termination',
    ]);
    const queued = await call<Notice[]>('printQueue.list', { caseId, kind: 'termination' });
    expect(queued.map((n) => [n.kind, n.state])).toEqual([['termination', 'pending']]);
    expect(queued[0]!.label).toContain('张建国');
    await page.getByRole('menuitem', { name: '文书打印' }).click();
    // On the 文书打印 page: one 终止/调整通知书 for the household (named by its case number), among the notices still owed.
    expect(queued[0]!.caseNo).toMatch(/^500110-/);
    const printRows = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: queued[0]!.caseNo! });
    await expect(printRows.filter({ hasText: '终止/调整通知书' })).toHaveCount(1);
    await expect(printRows.filter({ hasText: '终止/调整通知书' })).toContainText(queued[0]!.label);
    const text = await pdfText(call, queued[0]!.id);
    expect(text).toContain('终止救助通知书');
    expect(text).toContain('张建国');
    expect(text).toContain('停止发放');
    expect(text).toContain('家庭成员死亡，保障条件发生变化');
    expect(text).toContain('申请行政复议');
    expect(text).toContain('重庆市綦江区人民政府');
    expect(text).toContain('重庆市綦江区人民法院');
  });

  await test.step('the certification (with its photo) and the stop reach the platform, acknowledged', async () => {
    const records = await syncedClean(call, caseId);
    const certs = records.filter((r) => r.kind === 'certification.record');
    expect(certs).toHaveLength(1);
    expect(certs[0]!.blobs).toEqual([photoSha256]);
    expect((await platform.admin.blobs()).map((b) => b.sha256)).toContain(photoSha256);
    expect((await platform.admin.getCase(caseId))?.body).toMatchObject({
      state: 'approved',
      action: 'warningStop',
      roster: { status: 'stopped' },
      warning: { type: 'death', outcome: 'stop' },
    });
  });
});

test('a platform approval for a case still at 已受理 is sent back, not dropped: the sync centre and the case page show it, the platform lists the decision.refusal', async ({
  page,
}) => {
  const ownDir = newDataDir();
  const own = await launch(ownDir);
  try {
    const call = await setUpIntakeStation(own);
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-RETURN', regionCode: '500110' });
    await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    await call('sync.settings', { windows: [] });
    const caseId = await acceptedCase(call);
    await syncNow(call);
    const decision = await platform.admin.decide({ caseId, outcome: 'approved', amountFen: 68000, startMonth: nextMonth(chinaToday()) });
    // The run that pulls the decision is fine; the decision is kept as not applicable and goes back with the next push.
    await syncNow(call);
    expect((await call<Case>('cases.get', { caseId })).state).toBe('accepted');
    await syncNow(call);
    const returned = (await platform.admin.records()).filter((r) => r.kind === 'decision.refusal' && r.caseId === caseId);
    expect(returned).toEqual([
      expect.objectContaining({
        status: 'acknowledged',
        body: expect.objectContaining({
          decisionId: decision.id,
          decisionKind: 'decision',
          code: 'DECISION_WRONG_STEP',
          caseState: 'accepted',
        }),
      }),
    ]);

    await logIn(page, own);
    await page.getByRole('menuitem', { name: '同步中心' }).click();
    const centre = page.getByTestId('decision-refusals');
    await expect(centre).toContainText('已受理');
    await expect(centre.locator('[data-code="DECISION_WRONG_STEP"]')).toHaveCount(1);
    await expect(centre.locator('[data-sent="acknowledged"]')).toContainText('平台已收到');
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    const onCase = page.getByTestId('decision-returned');
    await expect(onCase).toHaveAttribute('data-code', 'DECISION_WRONG_STEP');
    await expect(onCase).toContainText('已退回平台');
    await expect(page.getByTestId('case-timeline').locator('[data-action="decisionReturned"]')).toContainText(
      '市级平台决定未能办理，已退回',
    );
  } finally {
    await stopShell(own);
    removeDataDir(ownDir);
  }
});
