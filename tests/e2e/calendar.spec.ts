import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * The working-day calendar from the platform to the screen: the sync centre says which years the
 * deadlines are counted with — shipped with the program, and none published yet; the platform
 * publishes next year's arrangement; after one sync the card names the years, the version and when it
 * was published and received.
 */
test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const STATION = 'ST-CALENDAR';
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-calendar-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

test('the sync centre shows the shipped years, then the calendar the platform published, with its version and times', async ({ page }) => {
  const next = new Date().getFullYear() + 1;
  await openAndLogIn(page, shell);
  await page.getByRole('menuitem', { name: /同步中心/ }).click();
  const card = page.getByTestId('calendar-card');
  await expect(card).toContainText('随程序附带：');
  await expect(page.getByTestId('calendar-published')).toHaveText('市级平台尚未发布工作日历。');

  await platform.admin.publishReference({
    table: 'working-days',
    version: 1,
    data: { source: '国务院办公厅通知', years: [next], holidays: [`${next}-01-01`], workdays: [] },
  });
  expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
  // The page follows the sync (the card is read again once the run has ended).
  await expect(page.getByTestId('calendar-published')).toContainText(`市级平台发布：${next} 年（第 1 版，`);
  await expect(page.getByTestId('calendar-published')).toContainText('发布，');
  await expect(page.getByTestId('calendar-published')).toContainText('收到）');
});
