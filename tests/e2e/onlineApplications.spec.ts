import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { faceCapture, intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, WIFE } from '../../main/core/cases/testing/household';
import { onlineApplication } from '../../main/core/onlineApplications/testing/application';
import { launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type api, type Shell } from './intakeSupport';

/**
 * An application made in the mini-program, from the platform's command to the clerk's decision:
 * `npm run platform -- apply` (its own process, on the platform's store) with two pages of 户口簿 and
 * the applicant's signature; one sync; the 待受理 list shows it with the county's limit counted from
 * the online submission; the clerk opens it (members, papers, the signature fetched from the
 * platform), completes it at the counter through the intake prefilled from it, and decides 受理;
 * the entry then leaves the 待受理 list and links to the case.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-ONLINE';
let shell: Shell;
let dataDir: string;
let platform: RunningPlatform;
let platformDir: string;
let files: string;
let call: ReturnType<typeof api>;
const submittedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
const filed = onlineApplication(submittedAt);

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-online-platform-'));
  files = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-online-files-'));
  platform = await startPlatform({ dataDir: platformDir });
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  const current = await call<{ settings: { limits: Record<string, unknown> } & Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...current.settings, limits: { ...current.settings.limits, acceptanceWorkingDays: 10 } } });
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
  await platform?.stop();
  for (const dir of [platformDir, files]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const apply = (file: string, blobs: string[]) =>
  promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(ROOT, 'city-platform', 'cli.ts'),
      'apply',
      '--data',
      platformDir,
      '--station',
      STATION,
      '--file',
      file,
      ...blobs.flatMap((b) => ['--blob', b]),
      '--json',
    ],
    { cwd: ROOT },
  );

test('npm run platform -- apply → sync → 待受理 list → what was filed → the intake prefilled → 受理; the entry links to the case', async ({
  page,
}) => {
  let id = '';
  await test.step('the platform files it; the station syncs', async () => {
    const { file, blobs } = filed.write(files);
    id = (JSON.parse((await apply(file, blobs)).stdout) as { id: string }).id;
    expect((await platform.admin.onlineApplications(STATION)).map((a) => a.id)).toEqual([id]);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  });

  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /网上申请待受理/ }).click();
  const queue = page.getByTestId('online-queue');
  await test.step('the 待受理 list: submitted at, type, the applicant masked, the limit from the online submission', async () => {
    await expect(page.getByTestId('online-limit')).toHaveText('受理时限：自网上提交之日起 10 个工作日（本县设置）');
    const row = queue.locator('tbody tr').filter({ hasText: HUSBAND.name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('救助通小程序');
    await expect(row).toContainText('低保');
    await expect(row).toContainText(`${HUSBAND.idNumber.slice(0, 6)}********${HUSBAND.idNumber.slice(14)}`);
    await expect(row).not.toContainText(HUSBAND.idNumber);
    await expect(row).toContainText(/剩 \d+ 个工作日（\d{4}-\d{2}-\d{2} 前）/);
    await expect(row).toContainText('待受理');
    await page.getByTestId(`online-open-${id}`).click();
  });

  await test.step('what the applicant filed: members, papers, the signature fetched from the platform', async () => {
    const detail = page.getByTestId('online-detail');
    await expect(page.getByTestId('online-members').locator('tbody tr')).toHaveCount(3);
    await expect(detail).toContainText(WIFE.name);
    await expect(page.getByTestId('online-papers')).toContainText('户口簿 · 第 2 页');
    await expect(detail).toContainText(`${HUSBAND.name} · 签名时间`);
    const signature = filed.body.signatures![0]!.sha256;
    await page.getByTestId(`station-blob-${signature.slice(0, 8)}`).click();
    await expect(page.locator('.ant-image-preview-img, .ant-image img').first()).toBeAttached();
    await expect(page.getByTestId('station-blobs')).toContainText('已下载');
  });

  let caseId = '';
  await test.step('到窗口补全并受理: the intake opens on a draft prefilled from it', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('online-start-intake').click();
    await expect(page.getByTestId('intake-wizard')).toBeVisible();
    const wizard = page.getByTestId('intake-wizard');
    await expect(wizard.getByLabel('姓名', { exact: true })).toHaveValue(HUSBAND.name);
    await expect(wizard.getByRole('radio', { name: '网上申请导入' })).toBeChecked();
    caseId = new URL(page.url().replace('#/', '')).searchParams.get('case') ?? '';
    expect(caseId).not.toBe('');
    const draft = await call<{ state: string; application: { channel: unknown; members: unknown[] } }>('cases.get', { caseId });
    expect(draft.state).toBe('draft');
    expect(draft.application.channel).toMatchObject({ kind: 'online', reference: id });
    expect(draft.application.members).toHaveLength(3);
  });

  await test.step('the counter completes it (papers checked in, submitted, the household signs), and the clerk decides 受理 on the screen', async () => {
    const draft = await call<{ draftRev: number; application: Record<string, unknown> }>('cases.get', { caseId });
    const saved = await call<{ rev: number }>('intake.save', {
      caseId,
      rev: draft.draftRev,
      application: {
        ...draft.application,
        materials: DIBAO_MATERIALS_RECEIVED,
        income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 120000 }],
      },
    });
    await call('intake.submit', { caseId, rev: saved.rev });
    for (const p of [HUSBAND, WIFE])
      await call('intake.authorize', { caseId, signerIdNumber: p.idNumber, signature: intakeSignature(caseId, p), face: faceCapture() });
    // The applicant back at the counter: the clerk reopens the submitted case from the home page.
    await page.getByRole('menuitem', { name: /首页/ }).click();
    await page.evaluate((c) => (window.location.hash = `#/intake?case=${c}`), caseId);
    await page.getByTestId('decide').click();
    await expect(page.getByTestId('notice-queued')).toContainText('受理通知书已送入打印队列');
  });

  await test.step('the entry leaves the 待受理 list and links to the accepted case', async () => {
    await page.getByRole('menuitem', { name: /网上申请待受理/ }).click();
    await expect(queue).toContainText('没有待受理的网上申请');
    await page.getByTestId('online-show').getByText('全部').click();
    const row = queue.locator('tbody tr').filter({ hasText: HUSBAND.name });
    await expect(row).toContainText('已作出受理决定');
    await expect(row).toContainText('已受理');
    await page.getByTestId(`online-open-${id}`).click();
    await page.getByTestId('online-open-case').click();
    await expect(page.getByTestId('case-view')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(caseId));
  });
});
