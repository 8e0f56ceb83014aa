import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { TestClient } from '../../city-platform/testClient/client';
import { acceptedCase } from './afterAcceptanceSteps';
import { launchShell, startShell, type LaunchedShell, type RunningShell } from './browserShell';
import { launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, tempDir } from './intakeSupport';
import { findLeaks } from './screenWords';
import { ADMIN, logOut, openAndLogIn, setUpStation } from './station';

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
  // The platform's own fingerprint is never shown: the clerk checks the slip, not what the other end says.
  expect(await page.locator('body').innerText()).not.toContain(slip.fingerprint);

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

test('an older copy of the data folder put back and synced: the platform flags the audit chain, the sync centre and the home page say so', async ({
  page,
}) => {
  test.setTimeout(180_000); // the shell starts four times
  const dataDir = tempDir('jiuzhu-e2e-rollback-');
  const copy = tempDir('jiuzhu-e2e-rollback-copy-');
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
      // The run's own answer, not the newest row: an older copy's history already ends with 成功.
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/sync.now'));
      await page.getByTestId('sync-now').click();
      await answered;
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

    // The station works on (logins, a few syncs each) and the platform anchors the newer chain. Every
    // sync adds audit rows and anchors the head, so the anchored head ends well above anything the
    // older copy writes before its one sync (a login, sync.now): its head stays below, never level
    // with or past the anchored one, however its rows and its bundle interleave.
    for (let i = 0; i < 2; i++) {
      s = await launch();
      await openAndLogIn(page, { ...s, stop: async () => {} });
      for (let j = 0; j < 3; j++) await syncNow();
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
    removeDataDir(dataDir);
    removeDataDir(copy);
  }
});

test('a machine enrolled again for its station waits for the platform admin: the sync centre says so, and syncs once confirmed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const shells: RunningShell[] = [];
  const enrol = async () => {
    const s = await startShell();
    shells.push(s);
    await setUpStation(s);
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E-PEND', regionCode: '500110' });
    await logIn(page, s);
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('two counters edit one case: the sync centre shows the conflict in words (case number, fields, 元) and the actions only to those who may take them', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = newDataDir();
  const s = await launch(dir);
  try {
    // This station (the admin is also a clerk and a caseworker) enrols, takes in and accepts a case, and syncs it: version 2 on the platform.
    const call = await setUpIntakeStation(s, undefined, ['admin', 'clerk', 'caseworker']);
    const accounts = await call<Array<{ id: string; username: string }>>('accounts.list');
    const adminId = accounts.find((a) => a.username === ADMIN.username)!.id;
    const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E-CONFLICT', regionCode: '500110' });
    await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
    const caseId = await acceptedCase(call);
    expect((await call<{ outcome: string }>('sync.now', { wait: true })).outcome).toBe('ok');

    // Another counter of the station changes the household's income on version 2 (1,200 → 1,500 元 of wages).
    const second = await platform.admin.createEnrolmentCode({ stationId: 'ST-E2E-CONFLICT', regionCode: '500110' });
    const other = await TestClient.enrol(platform.url, { code: second.code, fingerprint: second.fingerprint, name: '三号窗口' });
    const held = (await platform.admin.getCase(caseId))!;
    expect(held.version).toBe(2);
    const body = JSON.parse(JSON.stringify(held.body)) as { version: number; application: { income: Array<{ monthlyFen: number }> } };
    body.version = 3;
    body.application.income[0]!.monthlyFen = 150_000;
    const pushed = await other.push([
      other.record({ kind: 'case.upsert', caseId, baseVersion: 2, body: body as unknown as Record<string, unknown> }),
    ]);
    expect(pushed.result.answers.map((a) => a.status)).toEqual(['acknowledged']);

    // This counter, still on version 2, starts the investigation; its one record conflicts.
    const local = await call<{ version: number; caseNo: string }>('cases.get', { caseId });
    await call('cases.act', { caseId, version: local.version, action: 'startInvestigation' });

    // The admin who runs the sync holds no case role: the conflict is shown, the buttons are not, and who can act is named.
    await call('accounts.setRoles', { accountId: adminId, roles: ['admin'] });
    await logIn(page, s);
    await page.getByRole('menuitem', { name: '同步中心' }).click();
    await page.getByTestId('sync-now').click();
    const outcome = page.getByTestId('sync-run-outcome').first();
    await expect(outcome).toHaveText('有冲突（冲突 1 条，均未被平台接收）');
    await expect(outcome).toHaveAttribute('data-outcome', 'partial');
    const quarantine = page.getByTestId('sync-quarantine');
    await expect(quarantine).toContainText(local.caseNo);
    await expect(quarantine).toContainText('案件登记与办理');
    await expect(quarantine).toContainText(`案件 ${local.caseNo} 在平台上已是第 3 版，本机这次修改基于第 2 版`);
    const fields = page.getByTestId('sync-conflict-fields');
    await expect(fields).toContainText('本机（基于第 2 版）');
    await expect(fields).toContainText('平台（第 3 版）');
    const income = fields.getByRole('row').filter({ hasText: '家庭月收入合计' });
    await expect(income).toContainText('1,250.00元');
    await expect(income).toContainText('1,550.00元');
    await expect(income).toContainText('不同');
    await expect(fields.getByRole('row').filter({ hasText: '办理事项' })).toContainText('开始入户调查');
    await expect(page.getByTestId('sync-quarantine-help')).toHaveText(
      '处理冲突需要受理员、经办人或站长的账号：请他们登录后在同步中心对照两个版本，选择“重新提交”或“忽略”。',
    );
    await expect(quarantine.getByRole('button', { name: /重新提交|忽\s*略/ })).toHaveCount(0);
    for (const id of ['sync-quarantine', 'sync-runs']) {
      const text = await page.getByTestId(id).innerText();
      expect(text, id).not.toMatch(UUID);
      expect(findLeaks(text), id).toEqual([]);
    }

    // A clerk (the same person with the clerk role back) gets 重新提交 / 忽略, and 忽略 leaves the platform's version.
    await call('accounts.setRoles', { accountId: adminId, roles: ['admin', 'clerk'] });
    await logOut(page);
    await logIn(page, s);
    await page.getByRole('menuitem', { name: '同步中心' }).click();
    await expect(page.getByTestId('sync-quarantine-help')).toContainText('以本机为准点“重新提交”');
    await expect(quarantine.getByRole('button', { name: /重新提交/ })).toBeVisible();
    await quarantine.getByRole('button', { name: /忽\s*略/ }).click();
    await expect(quarantine).not.toContainText(local.caseNo);
  } finally {
    await stop(s);
    removeDataDir(dir);
  }
});
