import { expect, test, type Page } from '@playwright/test';
import { signatureCapture } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { makePng } from '../../main/core/documents/testing/png';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import { type api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * 入户调查 in Chromium: the visit dialog takes a photo from a file through the document capture,
 * every staff member and the family member present sign with the mouse on the signature pad;
 * unsigned or edited-after-signing visits are refused; the 入户调查表 shows the signatures and
 * lists the photo.
 */
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

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A photo of a room: walls, a window, a table — colour gradients, no paper edge to find. */
const roomPhoto = () =>
  makePng(800, 600, (x, y) => {
    if (x > 520 && x < 700 && y > 80 && y < 260) return [170, 200, 235];
    if (y > 420) return [120 + (x % 40), 90, 60];
    return [200 - Math.round(y / 8), 190 - Math.round(x / 20), 170];
  });

/** A name on the pad: a few strokes and a flourish with the mouse. */
async function sign(page: Page) {
  const pad = page.getByTestId('signature-canvas');
  await expect(pad).toBeVisible();
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const stroke = async (points: [number, number][]) => {
    await page.mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.up();
  };
  await stroke([[60, 50], [180, 50]]);
  await stroke([[70, 100], [170, 100]]);
  await stroke([[120, 40], [120, 160]]);
  await stroke([[220, 60], [260, 150], [300, 70], [340, 150], [400, 80]]);
  await expect(pad).toHaveAttribute('data-strokes', '4');
  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('visit-signature-panel')).toBeHidden();
}

test('a visit with a photo from a file and mouse-drawn signatures; unsigned and edited-after-signing visits are refused', async ({ page }) => {
  const saved = await call<{ caseId: string; rev: number }>('intake.save', { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  for (const id of [HUSBAND.idNumber, WIFE.idNumber]) await call('intake.authorize', { caseId: saved.caseId, signerIdNumber: id, signature: signatureCapture(), face: null });
  await call('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } });

  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), saved.caseId);
  const view = page.getByTestId('case-view');
  await expect(view).toHaveAttribute('data-state', 'accepted');
  const panel = page.getByTestId('after-acceptance');
  await panel.getByRole('button', { name: /登记入户调查/ }).click();
  const dialog = page.getByRole('dialog');
  const date = dialog.getByLabel('调查日期');
  await date.click();
  await date.fill(today());
  await date.press('Enter');
  await dialog.getByLabel(/调查人员/).fill('王明');
  await dialog.getByLabel(/在场家庭成员/).fill('张建国');
  await dialog.getByLabel('住房情况').fill('自有砖混房屋两间');
  await dialog.getByLabel('财产情况').fill('无车辆');
  await dialog.getByLabel('生活状况').fill('妻子长期患病');
  await dialog.getByLabel('调查结论').fill('情况属实');
  const ok = dialog.getByRole('button', { name: /确\s*定|OK/ });

  // One staff member: the law's reason, before anything else.
  await ok.click();
  await expect(dialog.getByRole('alert')).toContainText('2 名以上');
  await dialog.getByLabel(/调查人员/).fill('王明\n刘芳');

  // Not signed: refused, naming who has not signed.
  await ok.click();
  await expect(dialog.getByRole('alert').last()).toContainText('还有 3 人未签名');

  // A photo of the home from a file, through the document capture's file import.
  await dialog.getByTestId('visit-add-photo').click();
  const capture = page.getByRole('dialog').filter({ has: page.getByTestId('document-file') });
  await capture.getByTestId('document-file').setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: roomPhoto() });
  await expect(capture.getByTestId('document-page').first()).toBeVisible({ timeout: 30_000 });
  await capture.getByTestId('document-finish').click();
  await expect(capture).toBeHidden();
  await expect(dialog.getByTestId('visit-photo-count')).toHaveAttribute('data-count', '1');

  // The first staff member signs; then the findings are edited: the signature is void.
  const signers = dialog.getByTestId('visit-evidence').locator('[data-testid^="visit-signer-"]');
  await expect(signers).toHaveCount(3);
  await dialog.getByTestId('visit-sign-0').click();
  await sign(page);
  await expect(dialog.getByTestId('visit-signer-0')).toHaveAttribute('data-signed', 'true');
  await dialog.getByLabel('调查结论').fill('家庭人均收入低于当地低保标准，情况属实');
  await expect(dialog.getByTestId('visit-signatures-cleared')).toBeVisible();
  await expect(dialog.getByTestId('visit-signer-0')).toHaveAttribute('data-signed', 'false');

  // Everyone signs the record as it now stands.
  for (const i of [0, 1, 2]) {
    await dialog.getByTestId(`visit-sign-${i}`).click();
    await sign(page);
    await expect(dialog.getByTestId(`visit-signer-${i}`)).toHaveAttribute('data-signed', 'true');
  }
  await ok.click();
  await expect(dialog).toBeHidden();
  await expect(view).toHaveAttribute('data-state', 'investigating');
  await expect(panel.getByRole('row', { name: /王明、刘芳/ })).toContainText('1 张照片，3 人签名');

  // The 入户调查表 queued for printing shows the three signatures and lists the photo.
  const detail = await call<{ notices: Array<{ id: string; kind: string }> }>('cases.get', { caseId: saved.caseId });
  const request = detail.notices.find((n) => n.kind === 'visit-form')!;
  const pdf = await call<{ pdfBase64: string; pages: number }>('documents.preview', { requestId: request.id });
  const bytes = Buffer.from(pdf.pdfBase64, 'base64');
  const text = (await readPdf(bytes)).map((p) => p.text).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain('家庭人均收入低于当地低保标准，情况属实');
  expect(text).toContain('共1张');
  expect(text).toContain('文件导入');
  for (const label of ['调查人员 王明', '调查人员 刘芳', '家庭成员 张建国']) expect(text).toContain(label);
  // Three signature images drawn, each a transparent PNG from the pad: the image and its alpha mask.
  expect(bytes.toString('latin1').match(/\/SMask/g)).toHaveLength(3);
  expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(6);
});
