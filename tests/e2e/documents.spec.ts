import { expect, test, type Page } from '@playwright/test';
import { dehydrate } from '../../main/core/documents/service/hydrate';
import { SAMPLES } from '../../main/core/documents/testing/fixtures';
import { startShell, type RunningShell } from './browserShell';
import { ADMIN, openAndLogIn, setUpStation } from './station';

/**
 * 文书打印 in the browser shell: notices owed by cases are listed, previewed in the app (pdf.js
 * with its worker from the app's own origin), printed one by one through the browser's print
 * dialog, and as a batch with progress. window.print is replaced by a recorder in every frame.
 */
const CLERK = { username: 'clerk1', password: 'Clerk#Counter9' };
let shell: RunningShell;

async function api(window: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${shell.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'X-Jiuzhu-Window': window },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; result?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body.result;
}

test.beforeAll(async () => {
  shell = await startShell();
  await setUpStation(shell);
  await api('seedadmin', 'session.login', { username: ADMIN.username, password: ADMIN.password });
  await api('seedadmin', 'accounts.create', {
    username: CLERK.username,
    displayName: '李受理',
    roles: ['clerk'],
    password: 'Temp#pass2026',
  });
  await api('seedclerk', 'session.login', { username: CLERK.username, password: 'Temp#pass2026' });
  await api('seedclerk', 'session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: CLERK.password });
  const data = dehydrate(SAMPLES.acceptance) as Record<string, unknown>;
  for (let i = 1; i <= 4; i++) {
    await api('seedclerk', 'printQueue.add', { caseId: `case-${i}`, kind: 'acceptance', data: { ...data, caseNo: `LX-2026-000${i}` } });
  }
});
test.afterAll(async () => shell.stop());

type Printed = { documents: string | undefined; paper: string | undefined; images: number; decoded: boolean };
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: Printed[] }).__prints);

test('preview a notice, print it through the browser, then print a batch with progress', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const log: Printed[] = [];
    (window as unknown as { __prints: Printed[] }).__prints = log;
    window.print = () => {
      const layer = document.getElementById('jz-print-layer');
      const images = Array.from(layer?.querySelectorAll('img') ?? []);
      log.push({
        documents: layer?.dataset.documents,
        paper: layer?.dataset.paper,
        images: images.length,
        decoded: images.every((i) => i.complete && i.naturalWidth > 2000),
      });
    };
  });
  await openAndLogIn(page, shell, CLERK);
  await page.getByRole('menuitem', { name: '文书打印' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('LX-2026-0001 王小文');

  // In-app preview: pdf.js draws the page (its worker runs from the app's origin under the CSP).
  await rows
    .first()
    .getByRole('button', { name: /预\s*览/ })
    .click();
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toContainText('共 1 页');
  const ink = await preview.locator('canvas[data-page="1"]').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 1]! < 100) dark++;
    return { width: c.width, dark };
  });
  expect(ink.width).toBeGreaterThan(800);
  expect(ink.dark).toBeGreaterThan(2000);

  // Print it: core issues and stores it, hands the PDF to the page, the page prints it.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /打\s*印/ })
    .click();
  await expect(page.getByText('已交给浏览器打印')).toBeVisible();
  expect(await prints(page)).toEqual([{ documents: '1', paper: 'A4', images: 1, decoded: true }]);
  await expect(rows).toHaveCount(3);

  // A5 for this kind on this workstation, then a batch of the other three.
  await page.getByRole('radio', { name: /A5/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('radio', { name: /A5/ })).toBeChecked();
  await page.locator('.ant-table-thead input[type="checkbox"]').check();
  await page.getByRole('button', { name: /批量打印（3 份）/ }).click();
  const panel = page.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('batch-progress')).toHaveText('已打印 3 / 3 份');
  expect((await prints(page))[1]).toEqual({ documents: '3', paper: 'A5', images: 3, decoded: true });
  await expect(page.getByText('没有待打印的通知')).toBeVisible();

  // Core agrees: every notice is printed with its stored document.
  const printed = (await api('seedclerk', 'printQueue.list', { state: 'printed' })) as Array<{ documentId: string | null }>;
  expect(printed).toHaveLength(4);
  expect(printed.every((n) => n.documentId)).toBe(true);
});
