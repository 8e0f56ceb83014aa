import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exportHouseholds, memberRowsWorkbook } from '../../main/core/rosterImport/testing/rosterWorkbook';
import { api, launch, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';
import { firstLogIn } from './station';

/**
 * Roster import in a real browser, end to end: the previous system's export written as a real .xlsx
 * file (by exceljs, an independent writer), picked on the station head's 导入在册对象 page through the
 * built app and the browser shell; the preview shows the totals and the bad row by its row number;
 * after 确认导入 the report is shown, the households are on the 在册对象 page and their heads on the
 * 资格认证 due list; the import is listed with its report.
 */
test.describe.configure({ timeout: 150_000 });
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const HEAD = { username: 'import-head', displayName: '赵站长', password: 'Temp#pass2026' };
let shell: Shell;
let dataDir: string;
let fileDir: string;

test.beforeAll(async () => {
  dataDir = newDataDir();
  fileDir = mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-roster-file-'));
  shell = await launch(dataDir);
  const call = await setUpIntakeStation(shell);
  await call('accounts.create', { username: HEAD.username, displayName: HEAD.displayName, roles: ['head'], password: HEAD.password });
});
test.afterAll(async () => {
  if (shell) await stop(shell);
  removeDataDir(dataDir);
  rmSync(fileDir, { recursive: true, force: true });
});

test('an .xlsx export: preview with the bad row named, confirm, the report; the households are on the roster and due for 资格认证', async ({
  page,
}) => {
  const households = exportHouseholds(6);
  // Household 4 (a spouse): a wrong check character. Its rows: title, header, then households 0–3.
  const broken = households[4]!;
  const spouse = broken.members[1]!;
  spouse.idNumber = spouse.idNumber.slice(0, 17) + (spouse.idNumber[17] === '1' ? '2' : '1');
  const spouseRow = 3 + households.slice(0, 4).reduce((n, h) => n + h.members.length, 0) + 1;
  const path = join(fileDir, '桥头镇在册对象花名册.xlsx');
  writeFileSync(path, await memberRowsWorkbook(households));
  const good = households.filter((h) => h !== broken);

  await page.goto(shell.url);
  await firstLogIn(page, HEAD, 'Station#Head2026');
  await page.getByRole('menuitem', { name: /导入在册对象/ }).click();
  await expect(page.getByTestId('roster-import-page')).toBeVisible();
  await expect(page.getByText('还没有导入记录。')).toBeVisible();

  await test.step('preview: totals and the bad row by number, nothing on the roster yet', async () => {
    await page.getByTestId('roster-import-file').setInputFiles(path);
    const preview = page.getByTestId('roster-import-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('roster-import-households')).toHaveText('6');
    await expect(preview.getByTestId('roster-import-importHouseholds')).toHaveText('5');
    await expect(preview.getByTestId('roster-import-skippedHouseholds')).toHaveText('1');
    const errorRow = preview.getByTestId('roster-import-errors').locator('tbody tr');
    await expect(errorRow).toHaveCount(1);
    await expect(errorRow.locator('td').nth(1)).toHaveText(String(spouseRow));
    await expect(errorRow.locator('td').nth(2)).toHaveText('“成员身份证号码”不是有效的身份证号码（校验位不对），请核对后改正。');
    const api0 = api(shell, 'roster-import-check');
    await api0('session.login', { username: 'admin', password: 'Qiaotou#2026' });
    expect((await api0<{ counts: { active: number } }>('roster.list', { filter: 'all' })).counts.active).toBe(0);
  });

  await test.step('confirm: the report', async () => {
    await page.getByTestId('roster-import-confirm').click();
    await expect(page.getByRole('dialog')).toContainText('将把 5 户');
    await page.getByTestId('roster-import-confirm-ok').click();
    const done = page.getByTestId('roster-import-done');
    await expect(done).toBeVisible();
    await expect(done).toContainText(`已导入 5 户、${good.reduce((n, h) => n + h.members.length, 0)} 人。`);
    await expect(page.getByTestId('roster-import-reports').locator('tbody tr')).toHaveCount(1);
    await page.getByTestId('roster-import-view').click();
    await expect(page.getByTestId('roster-import-report')).toContainText('桥头镇在册对象花名册.xlsx');
    await expect(page.getByTestId('roster-import-report').getByTestId('roster-import-errors')).toContainText('校验位不对');
    await page.keyboard.press('Escape');
  });

  await test.step('the roster lists them', async () => {
    await page.getByTestId('roster-import-open-roster').click();
    await expect(page.getByTestId('roster-page')).toBeVisible();
    await page.getByTestId('roster-filter').getByText('全部在册').click();
    const rows = page.getByTestId('roster-page').locator('.ant-table-tbody tr');
    await expect(rows).toHaveCount(5);
    for (const h of good)
      await expect(page.getByTestId('roster-page').getByRole('cell', { name: h.headName, exact: true }).first()).toBeVisible();
    await expect(page.getByTestId('roster-page')).not.toContainText(broken.headName);
  });

  await test.step('their heads are on the 资格认证 due list (低保边缘 has none)', async () => {
    await page.evaluate(() => (window.location.hash = '#/certification'));
    await expect(page.getByTestId('certification-page')).toBeVisible();
    await page.getByTestId('cert-filter').getByText('全部应认证人员').click();
    const monthly = good.filter((h) => h.category !== '低保边缘');
    await expect(page.getByTestId('cert-row')).toHaveCount(monthly.length);
    for (const h of monthly) await expect(page.getByTestId('cert-row').filter({ hasText: h.headName }).first()).toBeVisible();
  });
});
