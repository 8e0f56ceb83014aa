import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { startShell, type RunningShell } from './browserShell';
import { openAndLogIn, setUpStation } from './station';

let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  await setUpStation(shell);
});
test.afterAll(async () => {
  await shell.stop();
  await platform.stop();
  rmSync(platformDir, { recursive: true, force: true });
});

test('sync centre: enrol with code and fingerprint, sync now, see the counts and the run', async ({ page }) => {
  const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E', regionCode: '500110' });
  await platform.admin.decide({ caseId: 'E2E-1', stationId: 'ST-E2E', outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
  await platform.admin.warn({ idNumber: '500115196001010013', type: 'death', stationId: 'ST-E2E' });

  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: '同步中心' }).click();
  await expect(page.getByText('本机尚未登记到市级平台')).toBeVisible();

  await page.getByLabel('平台地址').fill(platform.url);
  await page.getByLabel('登记码').fill(slip.code);
  await page.getByLabel('平台指纹').fill('0000-0000-0000-0000-0000-0000-0000-0000');
  await page.getByRole('button', { name: /登\s*记\s*本\s*机/ }).click();
  await expect(page.getByText(/可能连到了假冒的平台/)).toBeVisible();

  await page.getByLabel('平台指纹').fill(slip.fingerprint);
  await page.getByRole('button', { name: /登\s*记\s*本\s*机/ }).click();
  await expect(page.getByTestId('sync-registration')).toContainText('站点 ST-E2E');
  await expect(page.getByTestId('sync-counts')).toContainText('待上传');

  await page.getByTestId('sync-now').click();
  const runs = page.getByTestId('sync-runs');
  await expect(runs.getByRole('row')).toHaveCount(2); // header + one run
  await expect(runs).toContainText('手动');
  await expect(runs).toContainText('成功');
  const run = runs.getByRole('row').nth(1);
  await expect(run.getByRole('cell').nth(5)).toHaveText('2'); // a decision and a warning pulled
  await expect(page.getByTestId('sync-counts')).not.toContainText('从未');
  await expect(page.getByTestId('sync-stale')).toHaveCount(0);
});
