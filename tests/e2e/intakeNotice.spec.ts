import { expect, test, type Page } from '@playwright/test';
import { faceCapture, intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import { launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type api, type Shell } from './intakeSupport';

/**
 * The intake's completion page: the notice the decision queued (受理通知书, 补正材料通知书) is previewed
 * and printed right there, as the print queue page does it — issued and stored, printed through the
 * browser's dialog (window.print is replaced by a recorder), marked printed — and the stored PDF read back.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;
test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell);
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

type Printed = { documents: string | undefined; images: number };
async function recordPrints(page: Page) {
  await page.addInitScript(() => {
    const log: Array<{ documents: string | undefined; images: number }> = [];
    (window as unknown as { __prints: typeof log }).__prints = log;
    window.print = () => {
      const layer = document.getElementById('jz-print-layer');
      log.push({ documents: layer?.dataset.documents, images: layer?.querySelectorAll('img').length ?? 0 });
    };
  });
}
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: Printed[] }).__prints);

/** The three-person household submitted through the API (a second window); `signed` adds both adults' authorizations. */
async function submitted(signed: boolean): Promise<string> {
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  if (signed)
    for (const p of [HUSBAND, WIFE])
      await call('intake.authorize', {
        caseId: saved.caseId,
        signerIdNumber: p.idNumber,
        signature: intakeSignature(saved.caseId, p),
        face: faceCapture(),
      });
  return saved.caseId;
}

async function storedText(caseId: string, kind: string): Promise<string> {
  const done = await call<Array<{ kind: string; documentId: string | null }>>('printQueue.list', { caseId, kind, state: 'printed' });
  expect(done).toHaveLength(1);
  expect(await call<unknown[]>('printQueue.list', { caseId, kind, state: 'pending' })).toEqual([]);
  const doc = await call<{ pdfBase64: string }>('documents.get', { documentId: done[0]!.documentId });
  return (await readPdf(Buffer.from(doc.pdfBase64, 'base64')))
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, '');
}

test('受理: the 受理通知书 is previewed and printed on the completion page, and the print queue no longer owes it', async ({ page }) => {
  await recordPrints(page);
  const caseId = await submitted(true);
  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/intake?case=${id}`), caseId);
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('notice-queued')).toContainText('受理通知书已送入打印队列');
  // 下一位申请人 keeps the focus: Enter still starts the next intake.
  await expect(page.getByTestId('next-applicant')).toBeFocused();

  const actions = page.getByTestId('notice-print');
  await expect(actions).toHaveAttribute('data-kind', 'acceptance');
  await actions.getByTestId('notice-preview').click();
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toContainText(/共 \d+ 页/);
  const pages = Number((await preview.innerText()).match(/共 (\d+) 页/)![1]);
  await expect(page.getByRole('dialog')).toContainText('打印预览：受理通知书');
  const ink = await preview.locator('canvas[data-page="1"]').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 1]! < 100) dark++;
    return dark;
  });
  expect(ink).toBeGreaterThan(2000);
  await page.getByTestId('notice-print-confirm').click();
  await expect(page.getByTestId('notice-printed')).toHaveText('受理通知书已打印，并记入案件的文书存档');
  // One document, every page of the preview printed.
  expect(await prints(page)).toEqual([{ documents: '1', images: pages }]);

  const caseNo = (await call<{ caseNo: string }>('cases.get', { caseId })).caseNo;
  const text = await storedText(caseId, 'acceptance');
  expect(text).toContain('受理通知书');
  expect(text).toContain(caseNo);
  expect(text).toContain(HUSBAND.name);
});

test('补正: the 补正材料通知书 is printed straight from the completion page, listing the missing authorizations', async ({ page }) => {
  await recordPrints(page);
  const caseId = await submitted(false);
  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/intake?case=${id}`), caseId);
  await page.getByText('补正', { exact: true }).click();
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('notice-queued')).toContainText('补正材料通知书已送入打印队列');
  await expect(page.getByTestId('notice-print')).toHaveAttribute('data-kind', 'supplement');
  await page.getByTestId('notice-print-now').click();
  await expect(page.getByTestId('notice-printed')).toHaveText('补正材料通知书已打印，并记入案件的文书存档');
  expect(await prints(page)).toEqual([{ documents: '1', images: expect.any(Number) }]);
  expect((await prints(page))[0]!.images).toBeGreaterThan(0);
  const text = await storedText(caseId, 'supplement');
  expect(text).toContain('补正材料通知书');
  expect(text).toContain(`${HUSBAND.name}签署的家庭经济状况核对授权书`);
});
