import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { openStore } from '../../city-platform/store/open';
import { chineseDate } from '../../common/format/dates';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao } from '../../main/core/cases/testing/household';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, step, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * The county's reference data from the platform's command to the screens: the admin's local standard
 * (800 元) is what the station uses until the county publishes its own with `publish-reference`; a bad
 * table is refused by the command naming the field; after one sync the settings page shows the
 * published standard in force (860 元, version, publisher, times), the materials and policy-text
 * versions with their history, and the intake's money step computes with 860, not 800. The county's
 * single parameters (`publish-policy`): a bad value or an unknown key refused by the command naming it;
 * after a sync the rules tab shows the county's limit in force beside its read-only field with every
 * version, and what a newer platform sent that this version does not know; a case submitted after the
 * sync counts its acceptance limit with the county's days, one submitted before with the local ones.
 */
test.describe.configure({ timeout: 150_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-REFERENCE';
const YEAR = new Date().getFullYear();
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;

/** `npm run platform -- <args>` on the platform's data directory, in its own process. */
const platformCli = (...args: string[]) =>
  promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'city-platform', 'cli.ts'), ...args, '--data', platformDir], {
    cwd: ROOT,
  });
const dataFile = (name: string, data: unknown) => {
  const file = join(platformDir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
};

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-reference-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  // The admin's local standard: 800 urban, 640 rural for this year (setUpIntakeStation).
  call = await setUpIntakeStation(shell);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

async function openSettingsTab(page: Page, tab: string) {
  await page.evaluate(() => (window.location.hash = '#/home'));
  await page.getByRole('menuitem', { name: /业务设置/ }).click();
  await expect(page.getByTestId('county-settings')).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

test('publish-reference → sync → the settings page shows the published standard and its history; the money step computes with it', async ({
  page,
}) => {
  await openAndLogIn(page, shell);

  await test.step('before: the local standard in force, nothing published', async () => {
    await openSettingsTab(page, '地方低保标准');
    await expect(page.getByTestId('standard-in-force-urban')).toHaveText(`800.00 元/人·月（本地设置，${YEAR} 年度）`);
    await expect(page.getByTestId('published-standards')).toContainText('平台尚未发布。');
  });

  await test.step('the command refuses a bad table naming the field, and publishes good ones', async () => {
    const bad = dataFile('bad.json', {
      standards: [{ regionPrefix: '5001', residence: 'urban', monthlyFen: -1, effectiveFrom: `${YEAR}-01-01` }],
    });
    const refused = await platformCli('publish-reference', '--table', 'standards', '--version', '1', '--file', bad).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('data standards.0.monthlyFen') as unknown });

    const standards = dataFile('standards.json', {
      standards: [
        { regionPrefix: '5001', residence: 'urban', monthlyFen: 86_000, effectiveFrom: `${YEAR}-01-01` },
        { regionPrefix: '5001', residence: 'rural', monthlyFen: 70_000, effectiveFrom: `${YEAR}-01-01` },
      ],
    });
    const out = await platformCli(
      'publish-reference',
      '--table',
      'standards',
      '--version',
      '1',
      '--file',
      standards,
      '--by',
      '綦江区民政局',
    );
    expect(out.stdout).toContain('reference standards version 1');
    const policy = (version: number, effectiveFrom: string, body: string) =>
      platformCli(
        'publish-reference',
        ...['--table', 'policy-texts', '--version', String(version), '--by', '綦江区民政局'],
        ...['--file', dataFile(`policy${version}.json`, { effectiveFrom, notices: [{ title: '低保政策', body }] })],
      );
    await policy(1, `${YEAR}-01-01`, `${YEAR}年城市低保标准每人每月860元。`);
    await policy(2, `${YEAR + 1}-01-01`, `${YEAR + 1}年起城市低保标准另行公布。`);
    const materials = dataFile('materials.json', {
      effectiveFrom: `${YEAR}-01-01`,
      source: '綦江区低保申请材料清单',
      types: { dibao: [{ code: 'application_form', label: '最低生活保障申请书', required: true }] },
    });
    await platformCli('publish-reference', '--table', 'materials', '--version', '1', '--file', materials, '--by', '綦江区民政局');
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  });

  await test.step('after one sync: the published standard in force, with who published it and when', async () => {
    await openSettingsTab(page, '地方低保标准');
    await expect(page.getByTestId('standard-in-force-urban')).toHaveText(`860.00 元/人·月（平台发布第 1 版，${YEAR}年1月1日起执行）`);
    await expect(page.getByTestId('standard-in-force-rural')).toContainText('700.00 元/人·月');
    const v1 = page.getByTestId('published-standards-v1');
    await expect(v1).toHaveAttribute('data-status', 'inForce');
    await expect(v1).toContainText('执行中');
    await expect(v1).toContainText('綦江区民政局发布于');
    await expect(v1).toContainText('本站收到于');
    await expect(v1).toContainText('860.00');
  });

  await test.step('policy texts: the one in force marked, the next one waiting, both kept', async () => {
    await openSettingsTab(page, '政策宣传');
    await expect(page.getByTestId('published-policy-v1')).toHaveAttribute('data-status', 'inForce');
    await expect(page.getByTestId('published-policy-v2')).toHaveAttribute('data-status', 'pending');
    await expect(page.getByTestId('published-policy-v2')).toContainText('尚未生效');
    await expect(page.getByTestId('published-policy-v1')).toContainText('每人每月860元');
    await openSettingsTab(page, '申请材料清单');
    await expect(page.getByTestId('published-materials-v1')).toContainText('发布的清单：最低生活保障（綦江区低保申请材料清单）');
  });

  await test.step('the money step computes with the published 860 (per head 830: under 860, over the local 800)', async () => {
    const draft = threePersonDibao({ step: 3, income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 249_000 }] });
    const { caseId } = await call<{ caseId: string }>('intake.save', { application: draft });
    await page.evaluate(() => (window.location.hash = '#/intake'));
    await page.getByTestId(`resume-${caseId}`).click();
    await step(page, 'money');
    await expect(page.getByTestId('eligibility')).toHaveAttribute('data-band', 'below_standard');
    await expect(page.getByTestId('eligibility-standard')).toHaveText(
      `计算所用低保标准：860.00 元/人·月（平台发布第 1 版，${YEAR}年1月1日起执行）`,
    );
    await page.keyboard.press('Alt+N');
    await step(page, 'materials');
    await expect(page.getByTestId('materials-published')).toHaveText(`本县材料清单：綦江区民政局发布第 1 版，${YEAR}年1月1日起执行`);
  });
});

/** A case submitted now: its 受理 deadline (the county limit from submission). */
async function submittedCase(): Promise<{ caseId: string; deadline: { workingDays: number; dueDate: string } | undefined }> {
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  const detail = await call<{ deadlines: Array<{ kind: string; workingDays: number; dueDate: string }> }>('intake.submit', {
    caseId: saved.caseId,
    rev: saved.rev,
  });
  const d = detail.deadlines.find((x) => x.kind === 'acceptance');
  return { caseId: saved.caseId, deadline: d && { workingDays: d.workingDays, dueDate: d.dueDate } };
}

test('publish-policy → sync → the rules tab shows the county limit in force beside its read-only field; a case counts its acceptance limit with it', async ({
  page,
}) => {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await openAndLogIn(page, shell);
  const current = await call<{ settings: { limits: Record<string, unknown> } & Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...current.settings, limits: { ...current.settings.limits, acceptanceWorkingDays: 10 } } });
  const before = await submittedCase();
  expect(before.deadline?.workingDays).toBe(10);

  await test.step('the command refuses a bad value and an unknown key naming them, and publishes good ones', async () => {
    const refused = (...args: string[]) => platformCli('publish-policy', ...args).catch((e: unknown) => e);
    expect(await refused('--key', 'limits.acceptanceWorkingDays', '--value', '31')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 limits.acceptanceWorkingDays 未发布：--value 应为 1 至 30 的整数，或不设') as unknown,
    });
    expect(await refused('--key', 'limits.hearingWorkingDays', '--value', '5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('参数 limits.hearingWorkingDays 未发布：--key 不认识的参数') as unknown,
    });
    const publish = (key: string, value: string, effectiveFrom: string) =>
      platformCli('publish-policy', '--key', key, '--value', value, '--effective-from', effectiveFrom, '--by', '綦江区民政局');
    expect((await publish('limits.acceptanceWorkingDays', '3', today)).stdout).toContain('policy limits.acceptanceWorkingDays = 3');
    await publish('limits.acceptanceWorkingDays', '4', `${YEAR + 1}-01-01`);
    await publish('relief.advanceLimitYuan', '2000', today);
    // A parameter a newer platform publishes, which this version does not know.
    const feed = await openStore({ dataDir: platformDir });
    try {
      const body = { key: 'limits.hearingWorkingDays', value: 5, effectiveFrom: today, publishedBy: '綦江区民政局' };
      await feed.appendFeed({ kind: 'policy', stationId: null, regionCode: null, body, at: Date.now() });
    } finally {
      await feed.close();
    }
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  });

  await test.step('受理规则: the county value in force beside the read-only field, its versions, and what was not applied', async () => {
    await openSettingsTab(page, '受理规则');
    await expect(page.getByTestId('county-limits-acceptanceWorkingDays-in-force')).toHaveText(
      new RegExp(`^县级发布 3 个工作日（发布单位：綦江区民政局，发布时间：.+，执行日期：${chineseDate(today)}）$`),
    );
    await expect(page.locator('#limits_acceptanceWorkingDays')).toBeDisabled();
    await expect(page.locator('#limits_reopinionWorkingDays')).toBeEnabled();
    const versions = page.getByTestId('county-limits-acceptanceWorkingDays-version');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toHaveAttribute('data-status', 'pending');
    await expect(versions.nth(0)).toContainText(`尚未生效4 个工作日，綦江区民政局发布于`);
    await expect(versions.nth(1)).toHaveAttribute('data-status', 'inForce');
    await expect(page.getByTestId('county-policy-refused')).toContainText('limits.hearingWorkingDays = 5');
    await expect(page.getByTestId('county-policy-refused')).toContainText('本版本程序不认识这个参数，未采用');
    await openSettingsTab(page, '临时救助与监测');
    await expect(page.getByTestId('county-relief-advanceLimitYuan-in-force')).toContainText('县级发布 2000 元（发布单位：綦江区民政局');
    await expect(page.locator('#relief_advanceLimitYuan')).toBeDisabled();
  });

  await test.step('the case page: a case submitted now counts 3 working days; the one before the sync kept its 10', async () => {
    const after = await submittedCase();
    expect(after.deadline?.workingDays).toBe(3);
    for (const [c, days] of [
      [after, 3],
      [before, 10],
    ] as const) {
      await page.evaluate(() => (window.location.hash = '#/home'));
      await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), c.caseId);
      await expect(page.locator('[data-deadline]').filter({ hasText: '受理（本县时限）' })).toContainText(
        `受理（本县时限） ${c.deadline!.dueDate}`,
      );
      expect(c.deadline!.workingDays).toBe(days);
    }
  });
});
