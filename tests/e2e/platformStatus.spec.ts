import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { openStore } from '../../city-platform/store/open';
import { OPINION, signedVisit } from '../../main/core/afterAcceptance/testing/fixture';
import { HUSBAND, WIFE } from '../../main/core/cases/testing/household';
import { acceptedCase } from './afterAcceptanceSteps';
import { chooseOption } from './antdSelect';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * Per-case platform status, from the platform's commands to the clerk's screens: a household accepted
 * here (both adults signed the 核对授权书) and synced is 平台已接收 then 核对中; the platform's `verify`
 * command (its own process, on the platform's store) makes it 核对已完成; the station's 初审意见 sends
 * it up (待县级审核确认); the platform's `decide` command decides it. After each sync the case page's
 * 平台状态 line and history say so, and the sync centre's list 平台状态 shows the case, masked, with a
 * filter by status. A status a newer platform sends that this version does not know is shown as such.
 * A case page left open shows what a sync run brought as soon as the run ends, whoever started it.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-STATUS-E2E';
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
let caseId = '';
let caseNo = '';

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-status-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'caseworker', 'head']);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
  caseId = await acceptedCase(call);
  caseNo = (await call<{ caseNo: string }>('cases.get', { caseId })).caseNo;
  expect((await call<{ outcome: string }>('sync.now', { wait: true })).outcome).toBe('ok');
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

/** `npm run platform -- <args>` on the platform's data directory, in its own process. */
const platformCli = (...args: string[]) =>
  promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'city-platform', 'cli.ts'), ...args, '--data', platformDir], {
    cwd: ROOT,
  });

/** Sync twice (a run's records may move the case's status after its pull), then open the case page. */
async function syncAndOpenCase(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  await page.evaluate(() => (window.location.hash = '#/home'));
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
}

test('platform verify and decide → sync → the case page’s 平台状态 and its history, and the sync centre’s list with its filter', async ({
  page,
}) => {
  await openAndLogIn(page, shell);
  const card = page.getByTestId('platform-status');
  const current = page.getByTestId('platform-status-current');
  const history = page.getByTestId('platform-status-history').locator('.ant-timeline-item');

  await test.step('synced with its 授权书: 核对中, after 平台已接收', async () => {
    await syncAndOpenCase(page);
    await expect(card).toHaveAttribute('data-status', 'verifying');
    await expect(current).toContainText('平台状态：核对中 平台时间');
    await expect(history).toHaveCount(2);
    await expect(history.nth(1)).toContainText('平台已接收');
  });

  await test.step('npm run platform -- verify posts the report: 核对已完成, naming the report', async () => {
    const file = join(platformDir, 'report.json');
    writeFileSync(
      file,
      JSON.stringify({
        centre: '綦江区社会救助家庭经济状况核对中心',
        reportNo: 'HD-E2E-STATUS',
        issuedOn: new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10),
        members: [
          { idNumber: HUSBAND.idNumber, name: HUSBAND.name, items: [] },
          { idNumber: WIFE.idNumber, name: WIFE.name, items: [] },
        ],
      }),
    );
    expect((await platformCli('verify', '--case', caseNo, '--file', file)).stdout).toContain(`for case ${caseId}`);
    await syncAndOpenCase(page);
    await expect(card).toHaveAttribute('data-status', 'verified');
    await expect(current).toContainText('核对已完成');
    await expect(current).toContainText('核对报告 HD-E2E-STATUS');
  });

  await test.step('the 初审意见 proposes a refusal and goes up: 待县级审核确认', async () => {
    await call('visits.record', { caseId, version: 2, visit: signedVisit(caseId) });
    await call('publicity.opinion', {
      caseId,
      version: 3,
      opinion: { proposal: 'refuse', reasons: ['家庭人均收入高于低保标准'], community: OPINION.community },
    });
    await syncAndOpenCase(page);
    await expect(card).toHaveAttribute('data-status', 'awaiting-decision');
    await expect(current).toContainText('待县级审核确认');
  });

  await test.step('npm run platform -- decide refuses it while the case page stays open: a sync run started elsewhere brings 县级已作出决定 onto the page, the whole history newest first', async () => {
    await expect(card).toHaveAttribute('data-status', 'awaiting-decision');
    await platformCli('decide', '--case', caseId, '--refuse', '--reason', '家庭人均收入高于低保标准');
    // Not this page's 同步 button and no navigation: the runs are started through the API of another window.
    const url = page.url();
    for (let i = 0; i < 2; i++) expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    expect(page.url()).toBe(url);
    await expect(card).toHaveAttribute('data-status', 'decided');
    await expect(page.getByTestId('case-view')).toHaveAttribute('data-state', 'refused');
    await expect(current).toContainText('县级已作出决定');
    await expect(current).toContainText('县级民政部门决定不予批准');
    await expect(history).toHaveText([/县级已作出决定/, /待县级审核确认/, /核对已完成/, /核对中/, /平台已接收/]);
  });

  await test.step('the sync centre’s 平台状态: the case, its applicant masked, the status and when; the filter by status', async () => {
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    const list = page.getByTestId('platform-status-list');
    const row = list.getByRole('row').filter({ hasText: caseNo });
    await expect(row).toContainText('张*国');
    await expect(row).toContainText('县级已作出决定');
    await expect(row).toContainText('县级民政部门决定不予批准');
    await expect(row).not.toContainText(HUSBAND.name);
    const filter = list.getByLabel('按状态筛选');
    await chooseOption(page, filter, '核对中');
    await expect(list.getByRole('row').filter({ hasText: caseNo })).toHaveCount(0);
    await expect(list).toContainText('暂无平台状态');
    await chooseOption(page, filter, '县级已作出决定');
    await expect(list.getByRole('row').filter({ hasText: caseNo })).toHaveCount(1);
    await expect(list).toContainText('共 1 件');
  });

  await test.step('a status a newer platform sends is kept and shown as unknown, with its value, on the case and in the list', async () => {
    const store = await openStore({ dataDir: platformDir });
    try {
      await store.appendFeed({
        kind: 'case.status',
        stationId: STATION,
        regionCode: null,
        body: { id: `status-${caseId}-99`, body: { caseId, caseNo, status: 'escalated' } },
        at: Date.now(),
      });
    } finally {
      await store.close();
    }
    await syncAndOpenCase(page);
    await expect(card).toHaveAttribute('data-status', 'escalated');
    await expect(current).toContainText('平台返回未知状态（escalated）');
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    const list = page.getByTestId('platform-status-list');
    await chooseOption(page, list.getByLabel('按状态筛选'), '未知状态');
    await expect(list.getByRole('row').filter({ hasText: caseNo })).toContainText('平台返回未知状态（escalated）');
  });

  await test.step('reads are audited: the case page’s and the list’s', async () => {
    type Row = { action: string; targetId: string | null; details: Record<string, unknown> };
    const viewed = await call<Row[]>('audit.query', { action: 'cases.platform_status', targetId: caseId, limit: 50 });
    expect(viewed.length).toBeGreaterThan(0);
    const listed = await call<Row[]>('audit.query', { action: 'cases.platform_statuses', limit: 50 });
    expect(listed.some((r) => r.details['filter'] === 'unknown')).toBe(true);
  });
});
