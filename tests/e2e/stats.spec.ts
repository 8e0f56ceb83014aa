import ExcelJS from 'exceljs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { type api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * 统计 in Chromium through the browser shell: a small demo station (jiuzhu-admin demo seed), the
 * page's counts checked against the case search, and Excel files downloaded and parsed back.
 */
const CASES = 40;
let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
  await call('demo.seed', { count: CASES, seed: 3 });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; header: unknown[]; rows: unknown[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const all: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return { download, header: all[0]!, rows: all.slice(1) };
}

const exportIn = (scope: Page | Locator) => scope.getByRole('button', { name: /导出\s*Excel/ });

test('the statistics page shows the station’s counts and each table downloads as an Excel file that parses back', async ({ page }) => {
  // Expected counts from the case search (a different code path from the statistics' GROUP BY).
  const states = [
    'submitted',
    'needs_supplement',
    'not_accepted',
    'accepted',
    'investigating',
    'publicity',
    'awaiting_decision',
    'approved',
    'refused',
    'withdrawn',
  ];
  const expected = new Map<string, number>();
  for (const s of states) {
    const n = (await call<{ total: number }>('cases.search', { states: [s], limit: 500 })).total;
    if (n > 0) expected.set(s, n);
  }
  expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(CASES);

  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /统计/ }).click();
  await expect(page.getByTestId('stats-page')).toBeVisible();
  await expect(page.getByTestId('stats-total')).toHaveText(String(CASES));
  const byState = page.getByTestId('stats-byState');
  for (const [state, n] of expected) await expect(byState.locator(`tr[data-key="${state}"] td`).nth(1)).toHaveText(String(n));
  const stateLabel = async (s: string) => (await byState.locator(`tr[data-key="${s}"] td`).first().textContent())!;
  // The chart draws one bar per state, labelled, with its count.
  for (const [state, n] of expected)
    await expect(page.getByTestId('chart-byState').locator(`g[data-label="${await stateLabel(state)}"]`)).toHaveAttribute(
      'data-value',
      String(n),
    );
  expect(await page.getByTestId('chart-byState').locator('g').count()).toBe(expected.size);

  // 导出 Excel of one table: the file the page offers, its Chinese headers and the same counts.
  const table = await downloaded(page, () => exportIn(byState).click());
  expect(table.download.suggestedFilename()).toMatch(/^统计_按办理状态_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(table.header).toEqual(['办理状态', '件数', '占比']);
  const fileCounts = new Map(table.rows.map((r) => [String(r[0]), Number(r[1])]));
  for (const [state, n] of expected) expect(fileCounts.get(await stateLabel(state))).toBe(n);
});

test('the case list exports masked, and the holder of export.full can export the full data', async ({ page }) => {
  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /案件/ }).first().click();
  await expect(page.getByTestId('case-total')).toContainText(String(CASES));
  const masked = await downloaded(page, () => exportIn(page).click());
  expect(masked.download.suggestedFilename()).toMatch(/^案件列表_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(masked.header.slice(0, 5)).toEqual(['案件编号', '申请人', '身份证号码', '联系电话', '住址']);
  expect(masked.rows).toHaveLength(CASES);
  for (const r of masked.rows) {
    expect(String(r[2])).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(String(r[3])).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(String(r[1])).toContain('*');
  }
  // The administrator of this station also holds export.full: 导出完整数据 in the button's menu.
  const more = page
    .locator('.ant-dropdown-trigger')
    .filter({ has: page.locator('.anticon-ellipsis') })
    .first();
  await more.click();
  const fullItem = page.getByRole('menuitem', { name: /导出完整数据/ });
  await expect(fullItem).toBeVisible();
  const full = await downloaded(page, () => fullItem.click());
  expect(full.rows).toHaveLength(CASES);
  for (const r of full.rows) expect(String(r[2])).toMatch(/^\d{17}[\dX]$/);
  const audit = await call<Array<{ action: string; details: Record<string, unknown> }>>('audit.query', { action: 'stats.export' });
  expect(audit.map((r) => r.details)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'cases', rows: CASES, masked: true }),
      expect.objectContaining({ kind: 'cases', rows: CASES, masked: false }),
    ]),
  );
});
