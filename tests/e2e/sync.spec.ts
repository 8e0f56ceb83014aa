import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { launchShell, startShell, type LaunchedShell, type RunningShell } from './browserShell';
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

/** Stop a shell launched on a data folder the test keeps (launchShell), as closing the app would. */
async function quit(s: LaunchedShell): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  await exited;
}

test('an older copy of the data folder put back and synced: the platform flags the audit chain, the sync centre and the home page say so', async ({ page }) => {
  test.setTimeout(180_000); // the shell starts four times
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-rollback-'));
  const copy = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-rollback-copy-'));
  const shells: LaunchedShell[] = [];
  const launch = async () => {
    const s = await launchShell(dataDir);
    shells.push(s);
    return s;
  };
  try {
    let s = await launch();
    await setUpStation({ ...s, stop: async () => {} });
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E-AUDIT', regionCode: '500110' });
    const syncNow = async () => {
      await page.getByRole('menuitem', { name: '同步中心' }).click();
      await page.getByTestId('sync-now').click();
      await expect(page.getByTestId('sync-runs').getByRole('row').nth(1)).toContainText('成功');
    };
    await openAndLogIn(page, { ...s, stop: async () => {} });
    await page.getByRole('menuitem', { name: '同步中心' }).click();
    await page.getByLabel('平台地址').fill(platform.url);
    await page.getByLabel('登记码').fill(slip.code);
    await page.getByLabel('平台指纹').fill(slip.fingerprint);
    await page.getByRole('button', { name: /登\s*记\s*本\s*机/ }).click();
    await expect(page.getByTestId('sync-registration')).toContainText('站点 ST-E2E-AUDIT');
    await syncNow();
    await expect(page.getByTestId('audit-anchored')).toBeVisible();
    await expect(page.getByTestId('audit-anchor-flag')).toHaveCount(0);

    // The copy, taken with the app closed, as someone with the disk would.
    await quit(s);
    cpSync(dataDir, copy, { recursive: true });

    // The station works on (logins, a few syncs) and the platform anchors the newer chain.
    for (let i = 0; i < 2; i++) {
      s = await launch();
      await openAndLogIn(page, { ...s, stop: async () => {} });
      await syncNow();
      await quit(s);
    }

    // The older copy is put back and synced.
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(copy, dataDir, { recursive: true });
    s = await launch();
    await openAndLogIn(page, { ...s, stop: async () => {} });
    await syncNow();
    const flags = await platform.admin.auditFlags();
    expect(flags.map((f) => [f.stationId, f.kind])).toEqual([['ST-E2E-AUDIT', 'backwards']]);
    const alert = page.getByTestId('audit-anchor-flag');
    await expect(alert).toContainText('审计记录与市级平台存证不一致');
    await expect(alert).toContainText('比市级平台已存证的还旧');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('audit-anchor-flag')).toContainText('请站长立即联系县级民政部门核查');
  } finally {
    for (const s of shells) await quit(s);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a machine enrolled again for its station waits for the platform admin: the sync centre says so, and syncs once confirmed', async ({ page }) => {
  test.setTimeout(120_000);
  const shells: RunningShell[] = [];
  const enrol = async () => {
    const s = await startShell();
    shells.push(s);
    await setUpStation(s);
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E-PEND', regionCode: '500110' });
    await openAndLogIn(page, s);
    await page.getByRole('menuitem', { name: '同步中心' }).click();
    await page.getByLabel('平台地址').fill(platform.url);
    await page.getByLabel('登记码').fill(slip.code);
    await page.getByLabel('平台指纹').fill(slip.fingerprint);
    await page.getByRole('button', { name: /登\s*记\s*本\s*机/ }).click();
    await expect(page.getByTestId('sync-registration')).toContainText('站点 ST-E2E-PEND');
    await page.getByTestId('sync-now').click();
  };
  try {
    // This machine's first data folder syncs; a second one (a lost disk, a reinstall) enrols again for the station.
    await enrol();
    await expect(page.getByTestId('sync-runs').getByRole('row').nth(1)).toContainText('成功');
    await enrol();
    const pending = page.getByTestId('sync-pending');
    await expect(pending).toContainText('等待市级平台管理员确认更换设备');
    await expect(pending).toContainText('确认后程序会在几分钟内自动恢复同步');
    await expect(page.getByTestId('sync-registration-status')).toHaveText('等待市级平台管理员确认更换设备');
    await expect(page.getByTestId('sync-runs').getByRole('row').nth(1)).toContainText('等待确认');
    await expect(page.getByText('失败')).toHaveCount(0);

    const [waiting] = await platform.admin.pendingReplacements();
    expect(waiting?.stationId).toBe('ST-E2E-PEND');
    await platform.admin.confirmReplacement(waiting!.deviceId);
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-runs').getByRole('row').nth(1)).toContainText('成功');
    await expect(page.getByTestId('sync-pending')).toHaveCount(0);
  } finally {
    for (const s of shells) await s.stop();
  }
});
