import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { addDays } from '../../main/core/afterAcceptance/dates';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
import { intakeSignature } from '../../main/core/cases/testing/captures';
import { HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import { acceptedCase, chinaToday, fillDate, submitDialog, within } from './afterAcceptanceSteps';
import { api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';
import { ADMIN } from './station';

/**
 * Issue 15 §8–9 on screen, one station with the reference platform on loopback: a 临时救助 急难
 * case accepted → the caseworker pays first (an over-limit attempt refused in words, then within
 * the limit) → the case shows 先行救助，待补办 with the due date → the 初审意见 completes the papers →
 * 公示 → a week later (`--clock`) 公示期满 → the delegated head grants it in kind in 2 instalments →
 * the 临时救助审核确认通知书 queued and read back; then a refused applicant put under 低收入人口
 * monitoring, a platform warning about the household worked to "no change".
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

type Call = ReturnType<typeof api>;
type Case = { state: string; version: number; notices: Array<{ kind: string }> };
type Relief = {
  advance: { state: string; dueOn: string } | null;
  payments: Array<{ kind: string; amountFen: number; form: string; inKind: string | null; payments: number }>;
};

const STATION = 'ST-RELIEF';
const TEMPORARY_MATERIALS = ['application_form', 'id_cards', 'hardship_proof'].map((code) => ({ code, status: 'received' as const }));
const REDRESS = { reviewBody: '重庆市綦江区人民政府', court: '重庆市綦江区人民法院', reviewDays: 60, litigationMonths: 6 };

let platform: RunningPlatform;
let platformDir: string;
let dataDir: string;
let shell: Shell | undefined;

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-relief-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  dataDir = newDataDir();
});
test.afterAll(async () => {
  if (shell) await stop(shell);
  await platform?.stop();
  removeDataDir(dataDir);
  rmSync(platformDir, { recursive: true, force: true });
});

async function syncNow(call: Call): Promise<void> {
  const run = await within('sync.now', 60_000, call<{ outcome: string; error?: unknown }>('sync.now', { wait: true }));
  expect(run, JSON.stringify(run.error)).toMatchObject({ outcome: 'ok' });
}

const openCase = (page: Page, caseId: string) => page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);

test('临时救助 急难: paid first within the limit, papers completed, 公示, granted in kind by the delegated head, its notice; a refused applicant monitored and a warning worked to no change', async ({
  page,
}) => {
  const today = chinaToday();
  const view = page.getByTestId('case-view');
  const panel = page.getByTestId('after-acceptance');
  const relief = page.getByTestId('relief-panel');
  const dialog = page.getByRole('dialog');
  let call: Call;
  let caseId = '';

  await test.step('a registered station where the head decides (delegated); an urgent 临时救助 case accepted', async () => {
    shell = await launch(dataDir);
    call = await setUpIntakeStation(shell);
    const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
    await call('accounts.setRoles', {
      accountId: accounts.find((a) => a.username === ADMIN.username)!.id,
      roles: ['admin', 'clerk', 'caseworker', 'head'],
    });
    await call('session.logout');
    await call('session.login', { username: ADMIN.username, password: ADMIN.password });
    const current = await call<{ settings: Record<string, unknown> }>('cases.settings');
    await call('cases.setSettings', {
      settings: {
        ...current.settings,
        decisionDelegated: true,
        notice: { headerLines: ['桥头镇人民政府'], issuer: '桥头镇人民政府', redress: REDRESS },
      },
    });
    const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
    await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    await call('sync.settings', { windows: [] });
    const saved = await call<{ caseId: string; rev: number }>('intake.save', {
      application: threePersonDibao({ type: 'temporary', subtype: 'emergency', materials: TEMPORARY_MATERIALS }),
    });
    caseId = saved.caseId;
    await call('intake.submit', { caseId, rev: saved.rev });
    for (const who of [HUSBAND, WIFE])
      await call('intake.authorize', { caseId, signerIdNumber: who.idNumber, signature: intakeSignature(caseId, who), face: null });
    await call('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });
    expect((await call<Case>('cases.get', { caseId })).state).toBe('accepted');
  });

  await test.step('the caseworker pays first: over the limit refused in words, then 800 元 in cash; the case shows 先行救助，待补办 with the due date', async () => {
    await logIn(page, shell!);
    await openCase(page, caseId);
    await expect(relief).toContainText('尚未发放');
    await relief.getByRole('button', { name: '登记先行救助' }).click();
    await expect(dialog).toContainText('先行救助限额 1000 元');
    await dialog.getByLabel('救助金额（元）').fill('1500');
    await dialog.getByLabel('先行救助事由').fill('家中失火，生活用品全部烧毁，当晚无处安置');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog.getByTestId('advance-error')).toContainText('先行救助金额 1500.00 元超过本乡镇（街道）先行救助限额 1000 元');
    expect((await call<Relief>('relief.ofCase', { caseId })).payments).toEqual([]);

    await dialog.getByLabel('救助金额（元）').fill('800');
    await submitDialog(page);
    const r = await call<Relief>('relief.ofCase', { caseId });
    expect(r.advance).toMatchObject({ state: 'papers_pending' });
    await expect(relief.getByTestId('advance-state')).toHaveAttribute('data-state', 'papers_pending');
    await expect(relief.getByTestId('advance-state')).toHaveText('先行救助，待补办');
    await expect(relief.getByTestId('advance-due')).toHaveText(`补办手续期限：${r.advance!.dueOn}`);
    await expect(relief.locator('[data-kind="advance"]')).toContainText('800.00');
    await expect(relief.locator('[data-kind="advance"]')).toContainText('现金');
    await expect(page.getByTestId('case-timeline').locator('[data-action="reliefAdvance"]')).toContainText('先行救助已发放，待补办手续');
    await expect(relief.getByRole('button', { name: '登记先行救助' })).toHaveCount(0);
  });

  await test.step('the papers: the home visit, then the 初审意见 on the case page — 手续已补办, 公示 running', async () => {
    const version = (await call<Case>('cases.get', { caseId })).version;
    await call('visits.record', { caseId, version, visit: signedVisit(caseId, { ...VISIT, visitedOn: today }) });
    await page.evaluate(() => (window.location.hash = '#/'));
    await openCase(page, caseId);
    await expect(view).toHaveAttribute('data-state', 'investigating');
    await panel.getByRole('button', { name: /提出初审意见/ }).click();
    // A one-off total, not a monthly amount: no 差额 prefilled from the 低保 standard.
    await expect(dialog.getByLabel(/拟保障月金额/)).toHaveCount(0);
    await expect(dialog.getByLabel(/拟救助总额/)).toHaveValue('');
    await dialog.getByLabel(/拟救助总额/).fill('1500');
    await dialog.getByLabel(/理由/).fill('家中失火，基本生活陷入困境');
    await dialog.getByLabel(/公示地点/).fill('桥头镇新街社区');
    await submitDialog(page);
    await expect(view).toHaveAttribute('data-state', 'publicity');
    await expect(relief.getByTestId('advance-state')).toHaveAttribute('data-state', 'papers_done');
    await expect(relief.getByTestId('advance-state')).toHaveText('先行救助，手续已补办');
  });

  await test.step('a week later (--clock): 公示期满; the delegated head grants 1500 元 in kind in 2 instalments; the notice says so', async () => {
    const endDay = addDays(today, 7);
    await stop(shell!);
    process.env.JIUZHU_ALLOW_CLOCK = '1';
    try {
      shell = await launch(dataDir, ['--clock', `${endDay}T09:00:00+08:00`]);
    } finally {
      delete process.env.JIUZHU_ALLOW_CLOCK;
    }
    call = api(shell, 'relief-e2e-after-publicity');
    await call('session.login', { username: ADMIN.username, password: ADMIN.password });
    await logIn(page, shell);
    await openCase(page, caseId);
    await panel.getByRole('button', { name: /公示期满/ }).click();
    await expect(view).toHaveAttribute('data-state', 'awaiting_decision');

    await panel.getByRole('button', { name: '审批决定（委托审批）' }).click();
    await expect(dialog).toContainText('临时救助一次性（或分次）发放');
    await expect(dialog.getByLabel('起始月份')).toHaveCount(0);
    await dialog.getByLabel('救助总额（元）').fill('1500');
    await dialog.getByLabel('实物').check();
    await dialog.getByLabel('实物内容').fill('大米50斤、棉被2床');
    await dialog.getByLabel('发放次数').fill('2');
    await dialog.getByLabel(/法律依据/).fill('《社会救助暂行办法》第四十七条');
    await submitDialog(page);
    await expect(view).toHaveAttribute('data-state', 'approved');
    await expect(relief.locator('[data-kind="grant"]')).toContainText('1500.00');
    await expect(relief.locator('[data-kind="grant"]')).toContainText('实物（大米50斤、棉被2床）');
    await expect(relief.locator('[data-kind="grant"]')).toContainText('2 次');

    const detail = await call<Case>('cases.get', { caseId });
    expect(detail.notices.map((n) => n.kind)).toContain('relief-approval');
    expect(detail.notices.map((n) => n.kind)).not.toContain('approval');
    await expect(page.getByTestId('case-notices').locator('[data-kind="relief-approval"]')).toContainText('临时救助审核确认通知书');
    const [queued] = await call<Array<{ id: string; kind: string; state: string }>>('printQueue.list', { caseId, kind: 'relief-approval' });
    expect(queued).toMatchObject({ kind: 'relief-approval', state: 'pending' });
    const pdf = await call<{ pdfBase64: string }>('documents.preview', { requestId: queued!.id });
    const text = (await readPdf(Buffer.from(pdf.pdfBase64, 'base64')))
      .map((p) => p.text)
      .join('')
      .replace(/\s+/g, '');
    expect(text).toContain('核定临时救助金额1,500.00元（人民币壹仟伍佰元整），以实物方式（大米50斤、棉被2床）分2次发放');
    expect(text).toContain('先行救助800.00元（人民币捌佰元整）');
    expect(text).not.toContain('每月');
    expect((await call<{ rows: unknown[] }>('roster.list', { filter: 'all' })).rows).toEqual([]);
  });

  await test.step('a refused applicant is put under 低收入人口 monitoring from the case page; the monitoring page lists the household', async () => {
    const refused = await acceptedCase(call);
    await call('visits.record', { caseId: refused, version: 2, visit: signedVisit(refused, { ...VISIT, visitedOn: addDays(today, 7) }) });
    await call('publicity.opinion', {
      caseId: refused,
      version: 3,
      opinion: { proposal: 'refuse', reasons: ['家庭人均收入高于当地低保标准'], community: '桥头镇新街社区' },
    });
    await call('decisions.local', {
      caseId: refused,
      version: 4,
      decision: { outcome: 'refused', reasons: ['家庭人均收入高于当地低保标准'], legalBasis: ['《最低生活保障审核确认办法》第二十一条'] },
    });
    expect((await call<Case>('cases.get', { caseId: refused })).state).toBe('refused');

    await openCase(page, refused);
    const monitoring = page.getByTestId('case-monitoring');
    await expect(monitoring).toContainText('未纳入低收入人口监测');
    await monitoring.getByRole('button', { name: '纳入低收入人口监测' }).click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(dialog).toContainText('请写明理由');
    await dialog.getByLabel('理由').fill('申请未获批准，家庭收入接近低保标准');
    await submitDialog(page);
    await expect(monitoring.getByTestId('monitoring-entry')).toHaveAttribute('data-status', 'active');
    await expect(monitoring).toContainText('申请未获批准');
    await expect(monitoring.getByRole('button', { name: '纳入低收入人口监测' })).toHaveCount(0);
    await expect(page.getByTestId('case-timeline').locator('[data-action="monitoringEntered"]')).toContainText('纳入低收入人口监测');

    await page.getByRole('menuitem', { name: '低收入人口监测' }).click();
    const row = page.getByTestId('monitoring-page').locator(`[data-case="${refused}"]`);
    await expect(row).toHaveAttribute('data-status', 'active');
    await expect(row).toContainText('张建国');
    await expect(row).toContainText('监测中');
  });

  await test.step('a platform warning about the wife is pulled, marked as monitored, verified and closed with no change — the only outcome offered', async () => {
    await syncNow(call);
    await platform.admin.warn({ idNumber: WIFE.idNumber, type: 'disability', stationId: STATION });
    await syncNow(call);
    await page.getByRole('menuitem', { name: /预警/ }).click();
    const row = page.getByTestId('warnings-page').locator('tr', { has: page.getByTestId('warning-monitored') });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('低收入人口监测');
    await row.getByRole('button', { name: /登记核查/ }).click();
    await fillDate(page, '核查日期', addDays(today, 7));
    await dialog.getByLabel('核查方式').fill('入户核实');
    await dialog.getByLabel('核查情况').fill('系残疾等级变更，家庭情况无变化');
    await submitDialog(page);
    await expect(row).toContainText('已核查');
    await row.getByRole('button', { name: /处理结论/ }).click();
    await expect(dialog).toContainText('该对象在低收入人口监测中');
    await expect(dialog.getByLabel('停发待遇')).toHaveCount(0);
    await expect(dialog.getByLabel('调整待遇')).toHaveCount(0);
    await dialog.getByLabel(/^理由/).fill('核实情况无变化');
    await submitDialog(page);
    await expect(row).toContainText('已办结');
    await expect(row).toContainText('情况属实无变化');
  });
});
