import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startPlatform, type RunningPlatform } from '../../city-platform/platform';
import { exportHouseholds, memberRowsWorkbook, type ExportHousehold } from '../../main/core/rosterImport/testing/rosterWorkbook';
import { startShell, type RunningShell } from './browserShell';
import { setUpIntakeStation, type api } from './intakeSupport';
import { openAndLogIn } from './station';

/**
 * The platform's current recipients, from the platform's command to the clerk's screen: one
 * household already imported here from the previous system's export; the county's roster loaded on
 * the platform with `npm run platform -- roster-load` (its own process, on the platform's store),
 * holding two new households and that one with another amount; one sync; the 在册对象 page lists the
 * two new households with the platform's amounts, the station's own row is unchanged, and the sync
 * centre lists the platform's household not written here with its reason, and the station's import
 * of it that the platform refused, naming both amounts; the head takes the platform's values there
 * (以平台为准并重新提交), the record leaves the list, the roster shows the platform's amount and the next
 * sync is accepted.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const ROOT = join(import.meta.dirname, '..', '..');
const STATION = 'ST-ROSTER-E2E';
let shell: RunningShell;
let platform: RunningPlatform;
let platformDir: string;
let call: ReturnType<typeof api>;
const [here, first, second] = exportHouseholds(3, 300) as [ExportHousehold, ExportHousehold, ExportHousehold];
const RELATION: Record<string, string> = { 本人: 'self', 配偶: 'spouse', 子女: 'child' };
const asRecipient = (h: ExportHousehold, amountFen: number) => ({
  type: 'dibao',
  subtype: 'urban',
  applicant: { idNumber: h.headIdNumber, name: h.headName },
  members: h.members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationship: RELATION[m.relationship] })),
  amountFen,
  monthly: true,
  sinceMonth: '2025-04',
  nextReviewOn: '2027-04-30',
  lastCertifiedOn: null,
});

test.beforeAll(async () => {
  platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-roster-platform-'));
  platform = await startPlatform({ dataDir: platformDir });
  shell = await startShell();
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'head']);
  const file = (await memberRowsWorkbook([{ ...here, category: '城市低保', amount: '680.00', since: '2025-04' }])).toString('base64');
  const preview = await call<{ token: string }>('rosterImport.preview', { fileName: '在册对象.xlsx', fileBase64: file });
  await call('rosterImport.confirm', { token: preview.token, fileName: '在册对象.xlsx', fileBase64: file });
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });
});
test.afterAll(async () => {
  await shell?.stop();
  await platform?.stop();
  if (platformDir) rmSync(platformDir, { recursive: true, force: true });
});

test('npm run platform -- roster-load → sync → the new households on the 在册对象 page, the one already here listed in the sync centre with both sides’ amounts', async ({
  page,
}) => {
  await test.step('the county loads the station’s roster on the platform; the station syncs', async () => {
    const file = join(platformDir, 'households.json');
    writeFileSync(file, JSON.stringify([asRecipient(here, 72000), asRecipient(first, 70000), asRecipient(second, 71000)]));
    const out = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'city-platform', 'cli.ts'), 'roster-load', '--data', platformDir, '--station', STATION, '--file', file],
      { cwd: ROOT },
    );
    expect(out.stdout).toContain(`roster: 3 household(s) loaded for station ${STATION}, 0 refused`);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'partial' });
  });

  await test.step('the 在册对象 page lists the two new households with the platform’s amounts, and the station’s own as it was', async () => {
    await openAndLogIn(page, shell);
    await page.evaluate(() => (window.location.hash = '#/roster'));
    const roster = page.getByTestId('roster-page');
    await expect(roster).toBeVisible();
    await page.getByTestId('roster-filter').getByText('全部在册').click();
    await expect(roster.locator('.ant-table-tbody tr')).toHaveCount(3);
    for (const [h, amount] of [
      [first, '700.00'],
      [second, '710.00'],
      [here, '680.00'],
    ] as const)
      await expect(roster.locator('.ant-table-tbody tr').filter({ hasText: h.headName }).first()).toContainText(amount);
  });

  await test.step('the sync centre lists the platform’s household not written here, and the import the platform refused', async () => {
    await page.getByRole('menuitem', { name: /同步中心/ }).click();
    const conflicts = page.getByTestId('roster-recipient-conflicts');
    await expect(conflicts).toContainText('市级平台在册名单中未写入本站的户');
    await expect(conflicts).toContainText(here.headName);
    await expect(conflicts.locator('[data-code="ON_ROSTER"]')).toContainText('已在本站在册对象名单中');
    await expect(page.getByTestId('sync-quarantine')).toContainText('月保障金额：平台 720.00 元，导入 680.00 元');
  });

  await test.step('the county finds the platform right: the head takes its values in the sync centre, the record leaves the list, the roster shows the platform’s amount and the next sync is accepted', async () => {
    const row = page.getByTestId('sync-quarantine').locator('.ant-table-tbody tr').filter({ hasText: '月保障金额：平台 720.00 元' });
    await expect(row.getByTestId('roster-refused-platform')).toContainText('平台在册：城市低保，月保障金额 720.00 元，2025-04 起享受');
    await row.getByTestId('roster-refused-adopt').click();
    await expect(page.locator('.ant-modal-confirm')).toContainText('城市低保，月保障金额 720.00 元');
    await page.getByTestId('roster-refused-adopt-ok').click();
    await expect(page.getByTestId('sync-quarantine')).not.toContainText('月保障金额：平台 720.00 元');
    await expect(page.getByTestId('roster-recipient-conflicts')).toHaveCount(0);
    expect(await call<{ outcome: string }>('sync.now', { wait: true })).toMatchObject({ outcome: 'ok' });
    expect(await platform.admin.recipient(here.headIdNumber)).toMatchObject({ caseId: expect.any(String), body: { amountFen: 72000 } });
    await page.evaluate(() => (window.location.hash = '#/roster'));
    await page.getByTestId('roster-filter').getByText('全部在册').click();
    await expect(page.getByTestId('roster-page').locator('.ant-table-tbody tr').filter({ hasText: here.headName }).first()).toContainText(
      '720.00',
    );
  });

  await test.step('the household’s case page says what the platform last said: 县级已作出决定, an enrolled household', async () => {
    const roster = await call<{ rows: Array<{ caseId: string; applicantName: string; amountFen: number }> }>('roster.list', {
      filter: 'all',
    });
    const { caseId } = roster.rows.find((r) => r.applicantName === here.headName && r.amountFen === 72000)!;
    await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
    await expect(page.getByTestId('platform-status-current')).toContainText('县级已作出决定');
    await expect(page.getByTestId('platform-status')).toContainText('在册对象（原系统导入）');
  });
});
