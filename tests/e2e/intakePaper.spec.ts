import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import { EmulatedReader, residentCard } from '../../tools/samEmulator/index';
import { chromiumPath } from './chromium';
import { denseScanPng, faceScenes, fakeCameraArgs, references } from './captureFixtures';
import {
  launch,
  logIn,
  newDataDir,
  openIntake,
  removeDataDir,
  setUpIntakeStation,
  signInView,
  step,
  stop,
  type api,
  type Shell,
} from './intakeSupport';

/**
 * The paper route of the intake's authorization, end to end: the built app in Chromium through the
 * browser shell, the ID card reader emulator on a pseudo-terminal, the fake camera filming a face,
 * core with its encrypted store. The county asks for a face on the pad but not on paper (set by
 * the admin in 业务设置); the applicant signs on the pad (the emulator's reader has no vendor
 * decoder, so there is no card photo to match); the spouse cannot, and signs the printed 授权书,
 * which is printed through the browser, "signed" on the printed page and scanned back from a file.
 * After 受理 a late paper is an amendment, and re-signing a signer who signed is refused.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ launchOptions: { executablePath: chromiumPath() ?? undefined, args: fakeCameraArgs(faceScenes.one()) } });

const APPLICANT = residentCard({ seed: 9 });
const SPOUSE = residentCard({ seed: 3 });
const ELDER = residentCard({ seed: 14 });
const APPLICANT_ID = APPLICANT.expected.idNumber;
const SPOUSE_ID = SPOUSE.expected.idNumber;

let reader: EmulatedReader;
let shell: Shell;
let dataDir: string;
let call: ReturnType<typeof api>;
let caseId = '';

interface Authorization {
  signerIdNumber: string;
  route: 'pad' | 'paper';
  paperReason: string | null;
  documentHash: string | null;
  scanAttachmentIds: string[];
  amendment: number | null;
  face: { verdict: string; cardPhoto: string; cardMatchScore: number | null } | null;
}
interface Detail {
  state: string;
  authorizations: Authorization[];
  notices: Array<{ kind: string; state: string }>;
  timeline: Array<{ action: string; note: string | null }>;
  attachments: Array<{ attachmentId: string; role: string; ref: string; page: number }>;
}

test.beforeAll(async () => {
  reader = await EmulatedReader.start({ card: APPLICANT });
  dataDir = newDataDir();
  shell = await launch(dataDir, ['--emulated-reader', reader.hostPath]);
  call = await setUpIntakeStation(shell, reader.hostPath);
});
test.afterAll(async () => {
  await stop(shell);
  await reader.stop();
  removeDataDir(dataDir);
});

/**
 * The browser's print dialog replaced by a recorder that also plays the signer: the printed page
 * (the image the app hands to the printer) gets a handwritten stroke at its foot and is kept as the
 * PNG a flatbed scanner would give back at 150 dpi.
 */
async function recordPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number; __scan: string | null };
    w.__prints = 0;
    w.__scan = null;
    window.print = () => {
      w.__prints++;
      const img = document.querySelector<HTMLImageElement>('#jz-print-layer img');
      if (!img) return;
      const canvas = document.createElement('canvas');
      canvas.width = 1240;
      canvas.height = 1754;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = '#141414';
      ctx.lineWidth = 5;
      ctx.beginPath();
      for (let i = 0; i <= 40; i++) {
        const x = 700 + i * 9;
        const y = 1560 + Math.sin(i / 3) * 24;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      w.__scan = canvas.toDataURL('image/png');
    };
  });
}

const printed = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);
async function scannedPage(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => (window as unknown as { __scan: string | null }).__scan);
  expect(url).toMatch(/^data:image\/png;base64,/);
  return Buffer.from(url!.replace(/^data:image\/png;base64,/, ''), 'base64');
}

async function next(page: Page, name: string) {
  await page.keyboard.press('Alt+N');
  await step(page, name);
}

async function confirmSave(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确认保存/ }).click();
  await expect(page.getByText('已保存，新的设置立即生效。').first()).toBeVisible();
  await expect(dialog).toBeHidden();
}

test('the admin asks for a face on paper too, or not: the toggle follows the face requirement and is saved both ways', async ({ page }) => {
  await logIn(page, shell);
  await page.getByRole('menuitem', { name: /业务设置/ }).click();
  const paperFace = page.getByTestId('paper-face-required');
  // The station was set up without a face at the authorization: the paper setting does not apply.
  await expect(paperFace).toBeDisabled();
  await page.getByLabel('授权书须同时采集人脸照片').click();
  await expect(paperFace).toBeEnabled();
  await paperFace.click();
  await page.getByTestId('save-rules').click();
  await confirmSave(page);
  let settings = (await call<{ settings: { faceRequired: boolean; paperFaceRequired: boolean } }>('cases.settings')).settings;
  expect(settings).toMatchObject({ faceRequired: true, paperFaceRequired: true });

  await paperFace.click();
  await page.getByTestId('save-rules').click();
  await confirmSave(page);
  settings = (await call<{ settings: { faceRequired: boolean; paperFaceRequired: boolean } }>('cases.settings')).settings;
  expect(settings).toMatchObject({ faceRequired: true, paperFaceRequired: false });
});

test('one signer on the pad with the face, one on the printed 授权书 scanned back: accepted, and the case shows each route', async ({
  page,
}) => {
  await recordPrints(page);
  await logIn(page, shell);
  await openIntake(page);
  await page.getByTestId('new-intake').click();
  await step(page, 'applicant');
  reader.placeCard(APPLICANT);
  await page.getByTestId('read-card').click();
  await expect(page.locator('#applicant-name')).toHaveValue(APPLICANT.expected.name, { timeout: 15_000 });

  await next(page, 'members');
  reader.placeCard(SPOUSE);
  await page.keyboard.press('F2');
  await expect(page.locator('#member-name')).toHaveValue(SPOUSE.expected.name, { timeout: 15_000 });
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('member-table')).toContainText('共 2 人');

  await next(page, 'type');
  await page.getByText('最低生活保障').click();
  await page.getByText('收入低').click();
  await next(page, 'money');
  await page.locator('#income-amount').fill('900');
  await page.getByTestId('add-income').click();
  await next(page, 'materials');
  await page.getByTestId('all-received').click();
  await next(page, 'authorization');
  await expect(page.locator('[data-testid^="signer-"][data-signed]')).toHaveCount(2);

  // The applicant on the pad, in the signing view turned to him (no applicant screen here), then the face the
  // county asks for, taken in that view. The reader has no vendor decoder: no card photo, and the clerk is told so.
  await page.getByTestId(`sign-${APPLICANT_ID}`).click();
  const cardState = page.getByTestId('card-photo-state');
  await expect(cardState).toHaveAttribute('data-state', 'unavailable');
  await expect(cardState).toHaveText('未取得身份证照片，未比对');
  await signInView(page);
  await expect(page.getByTestId('signing-view')).toHaveAttribute('data-phase', 'face');
  await expect(page.getByTestId('face-reference')).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId(`signer-${APPLICANT_ID}`)).toHaveAttribute('data-route', 'pad', { timeout: 150_000 });
  await expect(page.getByTestId(`route-${APPLICANT_ID}`)).toHaveText('签字板');

  // The spouse on paper, by keyboard: the reason, then the form printed through the app's print path.
  await page.getByTestId(`paper-${SPOUSE_ID}`).click();
  const panel = page.getByTestId('paper-panel');
  await expect(panel.getByRole('radio', { name: '年老，无法在签字板签名' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: '残疾，无法在签字板签名' })).toBeChecked();
  await expect(page.getByTestId('paper-scan')).toBeDisabled(); // nothing to scan before the form is printed
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('paper-print')).toBeFocused();
  await page.keyboard.press('Enter');
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toContainText('共 1 页', { timeout: 20_000 });
  await expect(page.getByRole('dialog')).toContainText(`家庭经济状况核对授权书（${SPOUSE.expected.name}）`);
  await expect(page.getByTestId('paper-print-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('paper-printed')).toHaveText('已打印，请签字人签字后扫描');
  expect(await printed(page)).toBe(1);

  // Signed by hand, scanned back (a flatbed scan imported as a file).
  const scan = await scannedPage(page);
  await page.getByTestId('paper-scan').click();
  await page.getByTestId('document-file').setInputFiles({ name: 'authorization-scan.png', mimeType: 'image/png', buffer: scan });
  await expect(page.getByTestId('document-page-count')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await page.getByTestId('document-finish').click();
  await expect(page.getByTestId('paper-scanned')).toHaveAttribute('data-pages', '1');
  // The county does not ask paper signers for a face.
  await expect(page.getByTestId('paper-face-optional')).toHaveText('按本县规定，纸质授权可不采集人脸');
  await expect(panel.getByTestId('signer-face')).toHaveCount(0);
  await page.getByTestId('paper-save').click();
  await expect(page.getByTestId(`signer-${SPOUSE_ID}`)).toHaveAttribute('data-route', 'paper');
  await expect(page.getByTestId(`route-${SPOUSE_ID}`)).toHaveText('纸质');
  await expect(page.getByTestId(`signer-${SPOUSE_ID}`)).toHaveAttribute('data-signed', 'true');

  await next(page, 'decision');
  await expect(page.getByTestId('problems')).toHaveAttribute('data-count', '0');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submitted-case-no')).toContainText('500110-');
  await page.getByTestId('decide').click();
  await expect(page.getByTestId('notice-queued')).toContainText('受理通知书已送入打印队列');
  caseId = (await page.getByTestId('intake-wizard').getAttribute('data-case-id'))!;

  // Core's record: the pad signer's face judged without a card photo; the paper signer's scan and reason.
  const d = await call<Detail>('cases.get', { caseId });
  expect(d.state).toBe('accepted');
  const pad = d.authorizations.find((a) => a.signerIdNumber === APPLICANT_ID)!;
  const paper = d.authorizations.find((a) => a.signerIdNumber === SPOUSE_ID)!;
  expect(pad).toMatchObject({ route: 'pad', paperReason: null, amendment: null, face: { cardPhoto: 'unavailable', cardMatchScore: null } });
  expect(['pass', 'review']).toContain(pad.face!.verdict);
  expect(paper).toMatchObject({ route: 'paper', paperReason: 'disabled', face: null, amendment: null });
  expect(paper.scanAttachmentIds).toHaveLength(1);
  expect(d.notices).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'authorization', state: 'printed' }),
      expect.objectContaining({ kind: 'acceptance' }),
    ]),
  );
  expect(d.timeline.map((e) => e.action)).toEqual(['create', 'authorize', 'authorizePaper', 'submit', 'accept']);

  // The form printed was this signer's, with the hash of the statement core bound the scan to.
  const docs = await call<Array<{ id: string; kind: string }>>('documents.list', { caseId });
  const form = docs.find((x) => x.kind === 'authorization')!;
  const pdf = await call<{ pdfBase64: string }>('documents.get', { documentId: form.id });
  const text = (await readPdf(Buffer.from(pdf.pdfBase64, 'base64'))).map((p) => p.text).join('\n');
  expect(text).toContain(SPOUSE.expected.name);
  expect(text).toContain(`校验码 ${paper.documentHash!.slice(0, 16)}`);

  // The scan kept is the signed page: A4 at 150 dpi, with the handwriting at the foot.
  const stored = await call<{ mime: string; base64: string }>('cases.attachment', { caseId, attachmentId: paper.scanAttachmentIds[0] });
  const ink = await page.evaluate(async ({ mime, base64 }) => {
    const img = new Image();
    img.src = `data:${mime};base64,${base64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const dark = (x0: number, y0: number, w: number, h: number) => {
      const px = ctx.getImageData(x0, y0, w, h).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 100) n++;
      return n;
    };
    return { width: c.width, height: c.height, stroke: dark(700, 1530, 370, 60), margin: dark(20, 1530, 120, 60) };
  }, stored);
  expect(ink).toMatchObject({ width: 1240, height: 1754 });
  expect(ink.stroke).toBeGreaterThan(500);
  expect(ink.margin).toBe(0);

  // The case page shows each signer's route, the paper reason and the card photo's absence.
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  const table = page.getByTestId('case-authorizations');
  await expect(table.locator(`tr[data-signer="${SPOUSE_ID}"]`)).toContainText('纸质');
  await expect(table.locator(`tr[data-signer="${SPOUSE_ID}"]`)).toContainText('残疾，无法在签字板签名');
  await expect(table.locator(`tr[data-signer="${APPLICANT_ID}"]`)).toContainText('签字板');
  await expect(table.locator(`tr[data-signer="${APPLICANT_ID}"]`)).toContainText('未取得身份证照片，未比对');
  await expect(page.getByTestId('case-timeline').locator('[data-action="authorizePaper"]')).toContainText('签署纸质授权书');
});

test('after 受理: a late paper is amendment #1 on the timeline; re-signing a signer who signed is refused', async ({ page }) => {
  expect(caseId).not.toBe('');
  await recordPrints(page);
  await logIn(page, shell);
  await page.evaluate((id) => (window.location.hash = `#/cases?id=${id}`), caseId);
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-state', 'accepted');

  // The 户口簿 brought in late: added after what is on file, numbered, on the timeline.
  await page.getByTestId('late-material-hukou').click();
  await page.getByTestId('document-file').setInputFiles(denseScanPng());
  await expect(page.getByTestId('document-page-count')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await page.getByTestId('document-finish').click();
  const amended = page.getByTestId('case-timeline').locator('[data-action="amendMaterial"]');
  await expect(amended).toHaveAttribute('data-amendment', '1');
  await expect(amended).toContainText('提交后补充材料');
  await expect(amended).toContainText('补充 #1 户口簿');
  const after = await call<Detail>('cases.get', { caseId });
  expect(after.state).toBe('accepted');
  expect(after.attachments.filter((a) => a.role === 'material' && a.ref === 'hukou').map((a) => a.page)).toEqual([0]);

  // The spouse signed on paper: a second form for her is refused before anything is printed.
  await page.getByTestId('amend-authorization').click();
  await expect(page.getByTestId(`signer-${SPOUSE_ID}`)).toHaveAttribute('data-route', 'paper');
  await page.getByTestId(`paper-${SPOUSE_ID}`).click();
  await page.getByRole('radio', { name: '本窗口没有签字板' }).check();
  await page.getByTestId('paper-print').click();
  await expect(page.getByTestId('paper-print-error')).toContainText('已签署授权书，案件提交后授权书不能替换');
  expect(await printed(page)).toBe(0);

  // The applicant again on the pad: signed and with the face, then refused by core, said in the signing view; nothing replaced.
  await page.getByTestId(`sign-${APPLICANT_ID}`).click();
  await signInView(page);
  await expect(page.getByTestId('signing-error')).toContainText('已签署授权书，案件提交后授权书不能替换', { timeout: 150_000 });
  await expect(page.getByTestId('signing-view')).toHaveAttribute('data-phase', 'failed');
  await expect(page.getByTestId('authorization-error')).toContainText('已签署授权书，案件提交后授权书不能替换');
  const d = await call<Detail>('cases.get', { caseId });
  expect(d.authorizations.map((a) => [a.signerIdNumber, a.route, a.amendment])).toEqual(
    expect.arrayContaining([
      [APPLICANT_ID, 'pad', null],
      [SPOUSE_ID, 'paper', null],
    ]),
  );
  expect(d.authorizations).toHaveLength(2);
  expect(d.timeline.filter((e) => e.action.startsWith('amend')).map((e) => e.action)).toEqual(['amendMaterial']);
});

/**
 * The card photo as a vendor decoder gives it: 102 × 126, 24-bit BMP — here another photo of the man
 * the fake camera films. The emulated reader speaks the SAM protocol, which carries only the
 * encrypted WLT photo; decoding it takes the vendor's native library, which is not on this machine.
 */
function cardPhotoBmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-card-photo-'));
  try {
    const out = join(dir, 'zp.bmp');
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      references.same(),
      '-vf',
      'crop=146:180:17:0,scale=102:126',
      '-pix_fmt',
      'bgr24',
      '-frames:v',
      '1',
      out,
    ]);
    return readFileSync(out).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('where the card read gives the photo, the face is matched against it and core keeps the card photo and the score', async ({
  page,
}) => {
  const bmpBase64 = cardPhotoBmp();
  // The card's text comes from the emulated reader; the photo is what the vendor decoder would add.
  await page.route('**/api/idcard.read', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; result: { photo: Record<string, unknown> } };
    expect(body.result.photo.status).toBe('needs-decoder');
    body.result.photo = { status: 'decoded', message: '照片已解码', bmpBase64 };
    await route.fulfill({ response, json: body });
  });
  const id = ELDER.expected.idNumber;
  const saved = await call<{ caseId: string }>('intake.save', {
    application: {
      type: 'dibao',
      subtype: 'rural',
      applicant: { idNumber: id, name: ELDER.expected.name, sex: ELDER.expected.sex, birthDate: ELDER.expected.birthDate, source: 'typed' },
      members: [
        { idNumber: id, name: ELDER.expected.name, sex: ELDER.expected.sex, birthDate: ELDER.expected.birthDate, relationship: 'self' },
      ],
      reasons: ['old_age'],
      materials: [],
    },
  });
  await logIn(page, shell);
  await page.evaluate((caseId) => (window.location.hash = `#/intake?case=${caseId}`), saved.caseId);
  await step(page, 'applicant');
  reader.placeCard(ELDER);
  await page.keyboard.press('F2');
  await expect(page.getByText('已从身份证读取')).toBeVisible({ timeout: 15_000 });
  await page.locator('.ant-steps-item').filter({ hasText: '授权核对' }).click();
  await step(page, 'authorization');

  await page.getByTestId(`sign-${id}`).click();
  const cardState = page.getByTestId('card-photo-state');
  await expect(cardState).toHaveAttribute('data-state', 'ready');
  await signInView(page);
  // The signing view matches the face against the card photo it was given.
  await expect(page.getByTestId('face-reference')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId(`signer-${id}`)).toHaveAttribute('data-route', 'pad', { timeout: 150_000 });

  const d = await call<Detail>('cases.get', { caseId: saved.caseId });
  const auth = d.authorizations.find((a) => a.signerIdNumber === id)!;
  expect(auth.face).toMatchObject({ cardPhoto: 'matched' });
  // Two photos of one man: the similarity core judged with the county's threshold passes.
  expect(auth.face!.cardMatchScore).toBeGreaterThanOrEqual(0.55);
  const card = d.attachments.find((a) => a.role === 'face' && a.ref === `card-${id}`)!;
  const stored = await call<{ mime: string; base64: string }>('cases.attachment', {
    caseId: saved.caseId,
    attachmentId: card.attachmentId,
  });
  expect(stored.mime).toBe('image/png');
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, `data:image/png;base64,${stored.base64}`);
  expect(size).toEqual([102, 126]);
});
