import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { idNumber } from '../../city-platform/testClient/fixtures';
import { CHILD, HUSBAND, WIFE } from '../../main/core/cases/testing/household';
import { acceptedCase } from './afterAcceptanceSteps';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { feedReportBeforeItsCase, pushCaseFromAnotherCounter, type KeptReportCase } from './keptReportSupport';
import { openAndLogIn } from './station';

/**
 * 核对 results, from the platform's command to the case page: a household accepted at this station
 * (both adults signed the 核对授权书) and synced; the platform's `verify` command (its own process,
 * on the platform's store) posts the 核对 centre's report by the case number; one sync; the case
 * page shows it before the 初审意见 — per member and type with amount, source and date, the
 * member's and the household's totals, and what the hint found against the declaration. A report
 * of a case this station does not hold yet is listed in the sync centre, kept aside with its reason
 * and what to do, until the case arrives from another counter and the report goes onto it.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-VERIFY-E2E';
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
let caseId = '';

const REPORT = {
  centre: '綦江区社会救助家庭经济状况核对中心',
  reportNo: 'HD-E2E-0001',
  issuedOn: new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10),
  members: [
    {
      idNumber: HUSBAND.idNumber,
      name: HUSBAND.name,
      items: [
        { type: 'deposit', amountFen: 1_250_000, source: '人民银行重庆营业管理部', asOf: '2026-01-31', detail: '农业银行活期' },
        { type: 'tax', amountFen: 210_000, source: '国家税务总局重庆市税务局', asOf: '2026-01-31' },
      ],
    },
    {
      idNumber: WIFE.idNumber,
      name: WIFE.name,
      items: [
        { type: 'socialInsurance', amountFen: 150_000, source: '市人力社保局', asOf: '2026-01-31' },
        { type: 'realEstate', amountFen: 35_000_000, source: '市不动产登记中心', asOf: '2026-01-31', detail: '綦江区文龙街道某小区住宅' },
      ],
    },
    { idNumber: CHILD.idNumber, name: CHILD.name, items: [] },
  ],
};

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-verify-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'caseworker', 'head']);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
  caseId = await acceptedCase(call);
  expect((await call<{ outcome: string }>('sync.now', { wait: true })).outcome).toBe('ok');
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

const verify = (caseRef: string) => {
  const file = join(platformDir, 'report.json');
  writeFileSync(file, JSON.stringify(REPORT));
  return promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'city-platform', 'cli.ts'), 'verify', '--data', platformDir, '--case', caseRef, '--file', file],
    { cwd: ROOT },
  );
};

test('npm run platform -- verify → sync → the case page shows the report per member and type, the totals and the hint, before the 初审意见', async ({
  page,
}) => {
  await openAndLogIn(page, shell);
  const panel = page.getByTestId('verification-panel');

  await test.step('before: the case page says no report has come yet', async () => {
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(panel).toHaveAttribute('data-state', 'none');
    await expect(panel).toContainText('尚未收到核对报告');
  });

  await test.step('the administrator sets the county’s asset limits on the settings page (real estate: none allowed)', async () => {
    await page.evaluate(() => (window.location.hash = '#/admin/settings'));
    await page.getByRole('tab', { name: '财产限额' }).click();
    const form = page.getByTestId('settings-assets');
    await form.getByLabel('不动产限额').fill('0');
    await page.getByTestId('save-assets').click();
    await page.getByRole('button', { name: '确认保存' }).click();
    await expect
      .poll(async () => (await call<{ settings: { assetLimits?: unknown } }>('cases.settings')).settings.assetLimits)
      .toEqual({ depositMonths: null, vehicleValueFen: null, realEstateCount: 0 });
  });

  await test.step('the platform posts the report by the case number; the station syncs', async () => {
    const { caseNo } = await call<{ caseNo: string }>('cases.get', { caseId });
    const out = await verify(caseNo);
    expect(out.stdout).toContain(`for case ${caseId}`);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  });

  await test.step('the case page: per member, per type, amounts, sources and dates, totals and the findings', async () => {
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    await expect(page.getByTestId('sync-now')).toBeVisible();
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(panel).toHaveAttribute('data-state', 'received');
    await expect(panel).toContainText(`报告编号 HD-E2E-0001，綦江区社会救助家庭经济状况核对中心，${REPORT.issuedOn} 出具`);
    const husband = panel.getByTestId('verification-member').filter({ hasText: HUSBAND.name });
    await expect(husband).toContainText(`${HUSBAND.idNumber.slice(0, 6)}********${HUSBAND.idNumber.slice(14)}`);
    const deposit = husband.getByRole('row').filter({ hasText: '银行存款' });
    await expect(deposit).toContainText('12500.00');
    await expect(deposit).toContainText('人民银行重庆营业管理部');
    await expect(deposit).toContainText('2026-01-31');
    await expect(husband).toContainText('合计：财产 12500.00 元；月收入 2100.00 元');
    await expect(panel.getByTestId('verification-member').filter({ hasText: CHILD.name })).toContainText('未查到记录');
    await expect(panel.getByTestId('verification-totals')).toHaveText(
      '全户合计：存款 12500.00 元，车辆 0.00 元，房产 1 处，月收入 3600.00 元',
    );
    const findings = panel.getByTestId('verification-findings');
    await expect(findings).toContainText('核对结果提示（仅供参考，由县级审核确认）');
    await expect(findings).toContainText(`${WIFE.name}：核对月收入 1500.00 元，高于申报的`);
    await expect(findings).toContainText('不动产 1 处，超过本县限额 0 处');
    await expect(findings).not.toContainText('本县未设置财产限额');
    // Before the 初审意见 (the after-acceptance panel) on the page.
    const order = await page.evaluate(() => {
      const v = document.querySelector('[data-testid="verification-panel"]');
      const a = document.querySelector('[data-testid="after-acceptance"]');
      return v && a ? Boolean(v.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
    });
    expect(order).toBe(true);
    await expect(page.getByTestId('case-timeline').locator('[data-action="verificationReceived"]')).toContainText(
      '收到家庭经济状况核对报告',
    );
  });

  await test.step('the view is audited as every personal read, naming the report; the arrival names counts, never an amount or an ID number', async () => {
    type Row = { action: string; targetId: string | null; details: Record<string, unknown> };
    const viewed = await call<Row[]>('audit.query', { action: 'cases.view', targetId: caseId, limit: 20 });
    const [report] = await platform.admin.verificationReports(caseId);
    expect(viewed.some((r) => r.details['verification'] === report!.id)).toBe(true);
    const arrived = await call<Row[]>('audit.query', { action: 'verification.received', targetId: caseId });
    expect(arrived.map((r) => r.details)).toEqual([{ report: report!.id, members: 3, items: 4 }]);
  });
});

test('a report of a case not here yet: the sync centre lists it kept, masked, with the reason and what to do; once the case arrives it goes onto the case and leaves the list', async ({
  page,
}) => {
  const kept: KeptReportCase = {
    stationId: STATION,
    caseId: randomUUID(),
    caseNo: '500110-2026-02-00077',
    serial: 41,
    name: '周小梅',
    reportId: 'vr-e2e-kept',
    reportNo: 'HD-E2E-KEPT',
  };
  const applicant = idNumber(kept.serial);
  await openAndLogIn(page, shell);
  const card = page.getByTestId('verification-kept');

  await test.step('the report comes before its case: kept, listed with the case number, the household masked, the reason and what to do', async () => {
    await feedReportBeforeItsCase(platformDir, kept);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    const row = card.getByRole('row').filter({ hasText: kept.caseNo });
    await expect(row).toContainText(`周*梅 ${applicant.slice(0, 6)}********${applicant.slice(14)} 等 1 人`);
    await expect(row).toContainText('綦江区社会救助家庭经济状况核对中心 HD-E2E-KEPT');
    await expect(row).toContainText('本工作站没有该案件');
    await expect(row).toContainText('该案件尚未同步到本工作站：请先同步；若仍未出现，请联系县级民政部门核实案件编号');
    await expect(card).not.toContainText(applicant);
    await expect(card).not.toContainText(kept.name);
    await expect(card).toContainText('报告已加密留存、尚未使用');
  });

  await test.step('another counter’s case arrives by the next sync: the row goes, the report is on the case page', async () => {
    await pushCaseFromAnotherCounter(platform, kept);
    await page.getByTestId('sync-now').click();
    await expect(card).toHaveCount(0);
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), kept.caseId);
    const panel = page.getByTestId('verification-panel');
    await expect(panel).toHaveAttribute('data-state', 'received');
    await expect(panel).toContainText('报告编号 HD-E2E-KEPT');
  });

  await test.step('the list’s reads are audited with a count only', async () => {
    type Row = { details: Record<string, unknown> };
    const reads = await call<Row[]>('audit.query', { action: 'verification.kept_list', limit: 50 });
    expect(reads.map((r) => r.details)).toContainEqual({ results: 1 });
    for (const r of reads) expect(Object.keys(r.details)).toEqual(['results']);
  });
});
