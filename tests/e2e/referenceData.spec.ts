import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { HUSBAND, threePersonDibao } from '../../main/core/cases/testing/household';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, step, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * The county's reference data from the platform's command to the screens: the admin's local standard
 * (800 元) is what the station uses until the county publishes its own with `publish-reference`; a bad
 * table is refused by the command naming the field; after one sync the settings page shows the
 * published standard in force (860 元, version, publisher, times), the materials and policy-text
 * versions with their history, and the intake's money step computes with 860, not 800.
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
