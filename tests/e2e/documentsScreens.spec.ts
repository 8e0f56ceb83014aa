import { execFileSync } from 'node:child_process';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { documentCapture, greyJpeg, intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { signedVisit, VISIT } from '../../main/core/afterAcceptance/testing/fixture';
import { nextMonth } from '../../main/core/afterAcceptance/dates';
import { certificatePayloadFromPdf } from '../../main/core/documents/render';
import { rasterize, readPdf } from '../../main/core/documents/testing/pdfText';
import { fixtureDir, fakeCameraArgs } from './captureFixtures';
import { fakeCameraPages } from './capturePage';
import { type api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';
import { findLeaks, screenTexts, settled } from './screenWords';

/**
 * A screen for every document, in Chromium through the browser shell: 出具救助证明 for a household on
 * the roster (from its roster row), the case's issued documents with 补打 and its reason, the case's
 * material pages as images, and 证明核验 by the document camera (a y4m made from the issued
 * certificate's page) or a typed code. window.print is replaced by a recorder.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;
let caseId: string;
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  dataDir = newDataDir();
  shell = await launch(dataDir);
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'caseworker', 'head']);
  const settings = await call<{ settings: Record<string, unknown> }>('cases.settings');
  await call('cases.setSettings', { settings: { ...settings.settings, decisionDelegated: true } });
  // The three-person 低保 household, two pages of 户口簿 captured, accepted, visited and approved at 680 元 from next month.
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  caseId = saved.caseId;
  const page = greyJpeg(620, 877);
  const image = { mime: 'image/jpeg' as const, base64: page.toString('base64'), bytes: page.length, width: 620, height: 877 };
  const capture = documentCapture(2);
  const added = await call<{ rev: number }>('intake.addMaterial', {
    caseId,
    code: 'hukou',
    capture: { ...capture, pages: capture.pages.map((p) => ({ ...p, image, thumbnail: image })) },
  });
  await call('intake.submit', { caseId, rev: added.rev });
  for (const p of [HUSBAND, WIFE])
    await call('intake.authorize', { caseId, signerIdNumber: p.idNumber, signature: intakeSignature(caseId, p), face: null });
  await call('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });
  const today = chinaToday();
  await call('visits.record', { caseId, version: 2, visit: signedVisit(caseId, { ...VISIT, visitedOn: today }) });
  await call('publicity.opinion', {
    caseId,
    version: 3,
    opinion: { proposal: 'refuse', reasons: ['待县级核对收入'], community: '桥头镇新街社区' },
  });
  await call('decisions.local', {
    caseId,
    version: 4,
    decision: { outcome: 'approved', amountFen: 68000, startMonth: nextMonth(today), legalBasis: [] },
  });
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

type Printed = { documents: string | undefined; images: number };
async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: Printed[] = [];
    (window as unknown as { __prints: Printed[] }).__prints = log;
    window.print = () => {
      const layer = document.getElementById('jz-print-layer');
      log.push({ documents: layer?.dataset.documents, images: layer?.querySelectorAll('img').length ?? 0 });
    };
  });
}
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: Printed[] }).__prints);
const leaks = async (page: Page) => {
  await settled(page);
  return (await screenTexts(page)).flatMap(findLeaks);
};
const pdfText = async (documentId: string) => {
  const got = await call<{ pdfBase64: string }>('documents.get', { documentId });
  return (await readPdf(Buffer.from(got.pdfBase64, 'base64'))).map((p) => p.text).join('');
};
type Doc = { id: string; kind: string; reprintOf: string | null; reprintReason: string | null; reprintNote: string | null };

test('出具救助证明 from the roster row: filled from the roster, previewed, issued (stored) and printed; the case page lists it', async ({
  page,
}) => {
  await recordPrints(page);
  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /(^|\s)在册对象$/ }).click();
  await page.getByTestId('roster-filter').getByText('全部').click();
  await page.getByTestId('roster-certificate').first().click();
  await page.getByTestId('certificate-purpose').fill('办理水电费减免');
  await page.getByTestId('certificate-fill').click();
  const draft = page.getByTestId('certificate-draft');
  await expect(draft).toHaveAttribute('data-amount', '68000');
  await expect(draft).toHaveAttribute('data-since', nextMonth(chinaToday()));
  await expect(draft).toContainText('张建国');
  await expect(draft).toContainText('680.00');
  await expect(page.getByTestId('pdf-preview').locator('canvas')).toHaveCount(1, { timeout: 20_000 });
  expect(await leaks(page)).toEqual([]);
  // Nothing is stored by the preview.
  expect(await call<Doc[]>('documents.list', { caseId })).toEqual([]);

  await page.getByTestId('certificate-issue').click();
  await expect(page.getByTestId('certificate-issued')).toContainText('JZ500110-');
  await expect.poll(() => prints(page), { timeout: 30_000 }).toHaveLength(1);
  const docs = await call<Doc[]>('documents.list', { caseId });
  expect(docs.map((d) => d.kind)).toEqual(['certificate']);
  const text = await pdfText(docs[0]!.id);
  expect(text).toContain('张建国');
  expect(text).toContain('办理水电费减免');
  expect(text).toContain('城市最低生活保障');

  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  await expect(page.getByTestId('case-documents').locator('tr[data-kind="certificate"]')).toHaveCount(1);
});

test('补打 asks for the reason, prints the copy marked 补打, and the list shows it with its reason', async ({ page }) => {
  await recordPrints(page);
  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  const card = page.getByTestId('case-documents');
  await card.locator('tr[data-kind="certificate"]').first().getByTestId('document-reprint').click();
  await expect(page.getByTestId('reprint-confirm')).toBeDisabled();
  await page.getByTestId('reprint-reason').locator('[data-reason="other"]').click();
  await expect(page.getByTestId('reprint-confirm')).toBeDisabled();
  expect(await leaks(page)).toEqual([]);
  await page.getByTestId('reprint-reason').locator('[data-reason="damaged"]').click();
  await page.getByTestId('reprint-confirm').click();
  await expect.poll(() => prints(page), { timeout: 30_000 }).toHaveLength(1);
  await expect(card.locator('tr[data-reprint="true"]')).toHaveCount(1);
  await expect(card.getByTestId('reprint-tag')).toHaveText('补打（原件损毁）');
  const docs = await call<Doc[]>('documents.list', { caseId });
  const copy = docs.find((d) => d.reprintOf)!;
  expect(copy).toMatchObject({ kind: 'certificate', reprintReason: 'damaged', reprintOf: docs.find((d) => !d.reprintOf)!.id });
  expect(await pdfText(copy.id)).toContain('补打');
});

test("the case page shows the case's scanned material pages as images", async ({ page }) => {
  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  const materials = page.getByTestId('case-materials');
  await expect(materials).toHaveAttribute('data-pages', '2');
  await materials.getByTestId('materials-show').click();
  const images = materials.getByTestId('material-image').locator('img');
  await expect(images).toHaveCount(2);
  // Decoded from the stored (encrypted) blobs: the pages' own pixel size, in page order.
  await expect
    .poll(() => images.evaluateAll((all) => all.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight])))
    .toEqual([
      [620, 877],
      [620, 877],
    ]);
  await expect(materials).toContainText('第 1 页');
  await expect(materials).toContainText('第 2 页');
  expect(await leaks(page)).toEqual([]);
});

test('证明核验 by typed code: a number issued here is 有效, one never issued is 无法确认, an altered code is 被改动', async ({ page }) => {
  await logIn(page, shell);
  await page.getByRole('menuitem', { name: '证明核验' }).click();
  const original = (await call<Doc[]>('documents.list', { caseId })).find((d) => !d.reprintOf)!;
  const number = /JZ500110-\d{4}-\d{6}/.exec(await pdfText(original.id))![0];
  const check = async (code: string) => {
    await page.getByTestId('verify-code').fill(code);
    await page.getByTestId('verify-check').click();
    return page.getByTestId('verify-answer');
  };
  let answer = await check(number);
  await expect(answer).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verify-verdict')).toHaveText('有效');
  await expect(page.getByTestId('verify-stated')).toContainText('张*国');
  await expect(page.getByTestId('verify-stated')).toContainText('680.00');
  expect(await leaks(page)).toEqual([]);
  answer = await check('JZ500110-2020-999999');
  await expect(answer).toHaveAttribute('data-verdict', 'unknown');
  await expect(page.getByTestId('verify-verdict')).toHaveText('无法确认');
  // What a handheld scanner types: the QR text (also kept in the PDF's Info dictionary), with the amount altered.
  const got = await call<{ pdfBase64: string }>('documents.get', { documentId: original.id });
  const payload = certificatePayloadFromPdf(Buffer.from(got.pdfBase64, 'base64'))!;
  expect(payload).toContain('|68000|');
  answer = await check(payload.replace('|68000|', '|98000|'));
  await expect(answer).toHaveAttribute('data-verdict', 'tampered');
  await expect(page.getByTestId('verify-verdict')).toHaveText('被改动');
  await expect(page.getByTestId('verify-stated')).toContainText('980.00');
  answer = await check(payload);
  await expect(answer).toHaveAttribute('data-verdict', 'valid');
  // The QR names its signature algorithm (this station is not enrolled 国密: Ed25519), and the answer says which.
  await expect(page.getByTestId('verify-algorithm')).toHaveAttribute('data-algorithm', 'ed25519');
  await expect(page.getByTestId('verify-algorithm')).toHaveText('国际通用算法 Ed25519');
  expect(await leaks(page)).toEqual([]);
});

test.describe('scanned with the document camera', () => {
  const cameraPage = fakeCameraPages();
  test('the certificate page under the 高拍仪: its QR is read and the answer is 有效 with what it states', async () => {
    const original = (await call<Doc[]>('documents.list', { caseId })).find((d) => !d.reprintOf)!;
    const got = await call<{ pdfBase64: string }>('documents.get', { documentId: original.id });
    // The printed page at 200 dpi; the camera sees its middle 1440 rows (the body and the QR) on a 1920×1440 frame.
    const img = rasterize(Buffer.from(got.pdfBase64, 'base64'), 1, 200);
    const top = 300;
    const rows = img.data.subarray(top * img.width, (top + 1440) * img.width);
    mkdirSync(fixtureDir, { recursive: true });
    const pgm = join(fixtureDir, `certificate-${process.pid}.pgm`);
    const y4m = join(fixtureDir, `certificate-${process.pid}.y4m`);
    writeFileSync(pgm, Buffer.concat([Buffer.from(`P5\n${img.width} 1440\n255\n`), rows]));
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      pgm,
      '-vf',
      'pad=1920:1440:(ow-iw)/2:0:color=white',
      '-frames:v',
      '1',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'yuv4mpegpipe',
      y4m,
    ]);
    unlinkSync(pgm);
    expect(fakeCameraArgs(y4m)).toContain(`--use-file-for-fake-video-capture=${y4m}`);
    const page = await cameraPage(y4m);
    await logIn(page, shell);
    await page.getByRole('menuitem', { name: '证明核验' }).click();
    await expect(page.getByTestId('verify-scan')).toBeEnabled({ timeout: 20_000 });
    await page.getByTestId('verify-scan').click();
    await expect(page.getByTestId('verify-answer')).toHaveAttribute('data-verdict', 'valid', { timeout: 20_000 });
    await expect(page.getByTestId('verify-stated')).toContainText('张*国');
    await expect(page.getByTestId('verify-stated')).toContainText('城市低保');
  });
});
