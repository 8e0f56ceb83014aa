import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { PHOTO_SPEC } from '../../common/capture/documentKinds';
import { intakeSignature } from '../../main/core/cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../main/core/cases/testing/household';
import { makePng } from '../../main/core/documents/testing/png';
import { readPdf } from '../../main/core/documents/testing/pdfText';
import { type api, launch, logIn, newDataDir, removeDataDir, setUpIntakeStation, stop, type Shell } from './intakeSupport';

/**
 * 入户调查 in Chromium: the visit dialog takes a photo from a file through the document capture's
 * 现场照片 kind (colour, whole frame, aspect kept — decoded back from the bytes the store hashed),
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
  // The home visit is the caseworker's: the admin here is a clerk and a caseworker.
  call = await setUpIntakeStation(shell, undefined, ['admin', 'clerk', 'caseworker']);
});
test.afterAll(async () => {
  await stop(shell);
  removeDataDir(dataDir);
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A 16:9 photo of a room: yellow walls, a blue window, a red sofa, a green plant, a brown floor — no paper edge to find. */
const ROOM = { width: 1920, height: 1080 };
const roomPhoto = () =>
  makePng(ROOM.width, ROOM.height, (x, y) => {
    if (x > 1250 && x < 1650 && y > 150 && y < 500) return [110, 165, 240];
    if (x > 200 && x < 900 && y > 600 && y < 850) return [190, 40, 45];
    if (x > 1000 && x < 1150 && y > 500 && y < 880) return [40, 150, 60];
    if (y >= 880) return [140 + (x % 40), 90, 50];
    return [235 - Math.round(y / 12), 205 - Math.round(x / 40), 120];
  });

/** Decode stored image bytes in the page: size, mean chroma (max − min channel; 0 for grey) and the pixel at (fx, fy) of the frame. */
const decodeInPage = (page: Page, image: { mime: string; base64: string }, probes: Array<[number, number]>) =>
  page.evaluate(
    async ({ mime, base64, probes }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let chroma = 0;
      for (let i = 0; i < d.length; i += 4) chroma += Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
      const at = ([fx, fy]: [number, number]) => {
        const i = (Math.floor(fy * canvas.height) * canvas.width + Math.floor(fx * canvas.width)) * 4;
        return [d[i]!, d[i + 1]!, d[i + 2]!];
      };
      return { width: canvas.width, height: canvas.height, chroma: chroma / (d.length / 4), probes: probes.map(at) };
    },
    { ...image, probes },
  );

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
  await stroke([
    [60, 50],
    [180, 50],
  ]);
  await stroke([
    [70, 100],
    [170, 100],
  ]);
  await stroke([
    [120, 40],
    [120, 160],
  ]);
  await stroke([
    [220, 60],
    [260, 150],
    [300, 70],
    [340, 150],
    [400, 80],
  ]);
  await expect(pad).toHaveAttribute('data-strokes', '4');
  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('visit-signature-panel')).toBeHidden();
}

test('a visit with a photo from a file and mouse-drawn signatures; unsigned and edited-after-signing visits are refused', async ({
  page,
}) => {
  const saved = await call<{ caseId: string; rev: number }>('intake.save', {
    application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
  });
  await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
  for (const p of [HUSBAND, WIFE])
    await call('intake.authorize', {
      caseId: saved.caseId,
      signerIdNumber: p.idNumber,
      signature: intakeSignature(saved.caseId, p),
      face: null,
    });
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

  // A photo of the home from a file, through the document capture's file import, as 现场照片:
  // no page finding, colour, 1920×1080 brought down to 1600×900.
  await dialog.getByTestId('visit-add-photo').click();
  const capture = page.getByRole('dialog').filter({ has: page.getByTestId('document-file') });
  await expect(capture.getByTestId('document-kind')).toContainText('现场照片');
  await expect(capture.getByTestId('document-live')).toHaveCount(0);
  await capture.getByTestId('document-file').setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: roomPhoto() });
  const shot = capture.getByTestId('document-page').first();
  await expect(shot).toBeVisible({ timeout: 30_000 });
  await expect(shot).toHaveAttribute('data-colour', 'true');
  await expect(shot).toHaveAttribute('data-width', '1600');
  await expect(shot).toHaveAttribute('data-height', '900');
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

  // What the dialog sends to visits.record (the bytes the attachment store checks, strips and hashes).
  const sent: Array<{ visit: { photos: Array<{ documentKind: string; pages: Array<{ image: { mime: string; base64: string } }> }> } }> = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/visits.record')) sent.push(r.postDataJSON());
  });

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

  // The case page shows the visit's photo and each signature with its signer, read only when asked for.
  const shown = panel.getByTestId('visit-evidence-view');
  await expect(shown).toHaveCount(0);
  const reads: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/visits.evidence')) reads.push(r.postDataJSON().attachmentId);
  });
  await panel
    .getByRole('row', { name: /王明、刘芳/ })
    .getByRole('button', { name: '查看照片和签名' })
    .click();
  await expect(shown.getByTestId('visit-photo-0')).toHaveAttribute('data-state', 'shown');
  const thumb = shown.getByTestId('visit-photo-0').locator('img');
  await expect(thumb).toHaveAttribute('alt', '现场照片 1');
  // The thumbnail really decoded: the stored 1600×900 room, the sofa red (drawn back from the <img>).
  const loaded = await thumb.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g] = ctx.getImageData(Math.floor((550 / 1920) * c.width), Math.floor((725 / 1080) * c.height), 1, 1).data;
    return { width: img.naturalWidth, height: img.naturalHeight, rendered: img.getBoundingClientRect().width, sofa: r! - g! };
  });
  expect(loaded).toMatchObject({ width: 1600, height: 900 });
  expect(loaded.rendered).toBeGreaterThan(0);
  expect(loaded.rendered).toBeLessThan(200);
  expect(loaded.sofa).toBeGreaterThan(100);

  // Each signature: the signer's name and role under an image with ink on it.
  const signed = shown.locator('[data-testid^="visit-signature-"][data-role]');
  await expect(signed).toHaveCount(3);
  for (const [i, name, role] of [
    [0, '王明', '调查人员'],
    [1, '刘芳', '调查人员'],
    [2, '张建国', '家庭成员'],
  ] as const) {
    const one = shown.getByTestId(`visit-signature-${i}`);
    await expect(one).toContainText(name);
    await expect(one).toContainText(role);
    await expect(one.getByTestId(`visit-signature-image-${i}`)).toHaveAttribute('data-state', 'shown');
    const ink = await one.locator('img').evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let p = 3; p < d.length; p += 4) if (d[p]! > 128 && d[p - 1]! < 128) inked++;
      return { width: img.naturalWidth, inked };
    });
    expect(ink.width).toBeGreaterThan(0);
    expect(ink.inked).toBeGreaterThan(200);
  }
  // One read per photo and signature, each once.
  expect(reads).toHaveLength(4);
  expect(new Set(reads).size).toBe(4);

  // A click enlarges the photo in the preview, the same bytes at full size.
  await thumb.click();
  const preview = page.locator('.ant-image-preview');
  await expect(preview).toBeVisible();
  const large = preview.locator('img.ant-image-preview-img');
  await expect(large).toHaveAttribute('src', (await thumb.getAttribute('src'))!);
  expect(
    await large.evaluate(async (img: HTMLImageElement) => (await img.decode(), [img.naturalWidth, img.getBoundingClientRect().width])),
  ).toEqual([1600, expect.any(Number)]);
  expect((await large.boundingBox())!.width).toBeGreaterThan(loaded.rendered * 2);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await panel.getByRole('button', { name: '收起' }).click();
  await expect(shown).toBeHidden();

  // The 入户调查表 queued for printing shows the three signatures and lists the photo.
  const detail = await call<{ notices: Array<{ id: string; kind: string }> }>('cases.get', { caseId: saved.caseId });
  const request = detail.notices.find((n) => n.kind === 'visit-form')!;
  const pdf = await call<{ pdfBase64: string; pages: number }>('documents.preview', { requestId: request.id });
  const bytes = Buffer.from(pdf.pdfBase64, 'base64');
  const text = (await readPdf(bytes))
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
  expect(text).toContain('家庭人均收入低于当地低保标准，情况属实');
  expect(text).toContain('共1张');
  expect(text).toContain('文件导入');
  for (const label of ['调查人员 王明', '调查人员 刘芳', '家庭成员 张建国']) expect(text).toContain(label);

  // The stored photo: the bytes sent are the ones stored (their SHA-256 is the one the form lists),
  // and decoded they are the room in colour at the source's aspect ratio, not a whitened grey page.
  expect(sent).toHaveLength(1);
  const photo = sent[0]!.visit.photos[0]!;
  expect(photo.documentKind).toBe('photo');
  const image = photo.pages[0]!.image;
  expect(text).toContain(createHash('sha256').update(Buffer.from(image.base64, 'base64')).digest('hex').slice(0, 16));
  // Probes: the window (blue), the sofa (red), the plant (green), the wall (yellow).
  const stored = await decodeInPage(page, image, [
    [1450 / 1920, 325 / 1080],
    [550 / 1920, 725 / 1080],
    [1075 / 1920, 690 / 1080],
    [100 / 1920, 300 / 1080],
  ]);
  expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(1600);
  expect(Math.abs(stored.width / stored.height / (ROOM.width / ROOM.height) - 1)).toBeLessThan(0.02);
  expect(stored.chroma).toBeGreaterThan(40);
  expect(Buffer.from(image.base64, 'base64').length).toBeLessThanOrEqual(PHOTO_SPEC.maxBytes);
  const [pane, sofa, plant, wall] = stored.probes as [number[], number[], number[], number[]];
  expect(pane[2]! - pane[0]!).toBeGreaterThan(80);
  expect(sofa[0]! - sofa[1]!).toBeGreaterThan(100);
  expect(plant[1]! - plant[0]!).toBeGreaterThan(70);
  expect(wall[0]! - wall[2]!).toBeGreaterThan(70);
  // Three signature images drawn, each a transparent PNG from the pad: the image and its alpha mask.
  expect(bytes.toString('latin1').match(/\/SMask/g)).toHaveLength(3);
  expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(6);
});
