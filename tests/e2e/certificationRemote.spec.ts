import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { chineseDateTime } from '../../common/format/chineseDateHan';
import { exportHouseholds, memberRowsWorkbook } from '../../main/core/rosterImport/testing/rosterWorkbook';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * 资格认证 made on the phone, from the platform's command to the clerk's screen: two households
 * on the roster (imported from the previous system's export, both overdue), the platform's
 * `certify` command (its own process, on the platform's store) for the first head a week ago and
 * for someone not on this roster; one sync; the 资格认证 page lists only the second head, shows
 * the first as certified with 手机认证 and the time, and opening him asks for no face check; the
 * sync centre lists the certification it could not record, with the reason, until her household is
 * imported and the clerk chooses 重新记入.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-PHONE';
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
const [certified, waiting, later] = exportHouseholds(3);
/** Not on the roster when she certifies on the phone; her household is imported afterwards. */
const stranger = later!.headIdNumber;
const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-phone-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'head']);
  await importRoster([certified!, waiting!], '在册对象.xlsx');
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

async function importRoster(households: Parameters<typeof memberRowsWorkbook>[0], fileName: string): Promise<void> {
  const file = (await memberRowsWorkbook(households)).toString('base64');
  const preview = await call<{ token: string }>('rosterImport.preview', { fileName, fileBase64: file });
  await call('rosterImport.confirm', { token: preview.token, fileName, fileBase64: file });
}

const certify = (idNumber: string, at: string, method: string) =>
  promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(ROOT, 'city-platform', 'cli.ts'),
      'certify',
      '--data',
      platformDir,
      '--station',
      STATION,
      '--id-number',
      idNumber,
      '--at',
      at,
      '--method',
      method,
    ],
    { cwd: ROOT },
  );

test('npm run platform -- certify → sync → off the due list, 手机认证 in the history, no face check asked; the stranger kept in the sync centre until her household is imported', async ({
  page,
}) => {
  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: /资格认证/ }).click();
  const rows = page.getByTestId('cert-row');
  await test.step('before: both heads are due', async () => {
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('certification-page')).toContainText(certified!.headName);
  });

  await test.step('the platform records the phone certifications; the station syncs', async () => {
    await certify(certified!.headIdNumber, lastWeek, 'face');
    await certify(stranger, lastWeek, 'video');
    expect((await platform.admin.remoteCertifications(STATION)).map((r) => r.idNumber)).toEqual([certified!.headIdNumber, stranger]);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  });

  await test.step('the due list no longer lists him; 全部 shows him certified last week', async () => {
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    await page.getByRole('menuitem', { name: /资格认证/ }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(waiting!.headName);
    await page.getByTestId('cert-filter').getByText('全部应认证人员').click();
    const row = rows.filter({ hasText: certified!.headName });
    await expect(row).toHaveAttribute('data-status', 'later');
    await expect(row).toContainText(chinaDay(lastWeek));
    await row.getByRole('button', { name: /^认\s*证$/ }).click();
  });

  await test.step('his check: already certified by phone, no camera; the history says 手机认证 with the time', async () => {
    const when = chineseDateTime(new Date(Date.parse(lastWeek) + 8 * 3_600_000).toISOString());
    await expect(page.getByTestId('cert-already')).toContainText(`本期已认证（${chinaDay(lastWeek)} 手机认证（人脸识别，${when}））`);
    await expect(page.getByTestId('cert-reference')).toHaveCount(0);
    await expect(page.getByTestId('cert-history-method').first()).toHaveText(`手机认证（人脸识别，${when}）`);
    await page.getByTestId('cert-check-anyway').click();
    await expect(page.getByTestId('cert-reference')).toBeVisible();
  });

  await test.step('the sync centre lists the certification it could not record, with the reason', async () => {
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    const kept = page.getByTestId('cert-remote-kept');
    await expect(kept).toContainText('未能记入的手机认证');
    await expect(kept).toContainText(`${stranger.slice(0, 6)}********${stranger.slice(14)}`);
    await expect(kept).toContainText('视频认证');
    await expect(kept.locator('[data-code="CERT_NOT_ON_ROSTER"]')).toContainText('不在本站在册保障名单中');
  });

  await test.step('her household imported afterwards: 重新记入 records her phone certification and the list is empty', async () => {
    await importRoster([later!], '补充导入.xlsx');
    await page.getByTestId('cert-remote-retry').click();
    await expect(page.getByTestId('cert-remote-retried')).toHaveText('已记入 1 条，仍有 0 条未能记入。');
    await expect(page.getByTestId('cert-remote-kept')).toHaveCount(0);
    const view = await call<{ history: Array<{ method: string; remote: { method: string } | null }> }>('certification.person', {
      idNumber: stranger,
    });
    expect(view.history.map((r) => [r.method, r.remote?.method])).toEqual([['remote', 'video']]);
  });
});
