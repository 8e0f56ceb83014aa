import { chromium, expect, test } from '@playwright/test';
import { MIN_PAGE_SSIM } from '../../common/capture/documentKinds';
import { startShell, type RunningShell } from './browserShell';
import { denseScanPng, documentScene, fakeCameraArgs, PAGE_QUAD } from './captureFixtures';
import { offOrigin, openCaptureTab, setUpCounterStation } from './capturePage';
import { chromiumPath } from './chromium';

// The fake document camera films a generated A4 page of CJK-like text, rotated and in
// perspective on a dark desk, at 1920×1440.
test.use({ launchOptions: { executablePath: chromiumPath() ?? undefined, args: fakeCameraArgs(documentScene()) } });

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpCounterStation(shell);
});
test.afterAll(async () => shell.stop());

test('a photographed page is found, deskewed to A4 at 150 dpi, compressed under 120 KB and still legible (SSIM)', async ({ page }) => {
  const requests = await openCaptureTab(page, shell, '材料拍摄');
  await expect(page.getByTestId('document-live')).toHaveAttribute('data-found', 'true', { timeout: 20_000 });
  await page.getByTestId('document-shoot').click();
  const first = page.getByTestId('document-page').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first).toHaveAttribute('data-found', 'true');
  const bytes = Number(await first.getAttribute('data-bytes'));
  const ssim = Number(await first.getAttribute('data-ssim'));
  expect(Number(await first.getAttribute('data-width'))).toBe(1240);
  expect(Number(await first.getAttribute('data-height'))).toBe(1754);
  expect(bytes).toBeLessThanOrEqual(120_000);
  expect(ssim).toBeGreaterThanOrEqual(MIN_PAGE_SSIM);

  // A second page, then the document.
  await page.getByTestId('document-shoot').click();
  await expect(page.getByTestId('document-page-count')).toHaveAttribute('data-count', '2', { timeout: 30_000 });
  await page.getByTestId('document-finish').click();
  const json = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
  expect(json).toMatchObject({ kind: 'document', documentKind: 'incomeProof' });
  expect(json.pages).toHaveLength(2);
  expect(json.pages[0]).toMatchObject({
    dpi: 150,
    colour: false,
    source: 'camera',
    image: { mime: 'image/webp', width: 1240, height: 1754 },
  });
  // The crop found the page's corners (to within 1 % of the frame's diagonal, 2400 px).
  json.pages[0].quad.forEach((p: { x: number; y: number }, i: number) => {
    expect(Math.hypot(p.x - PAGE_QUAD[i]!.x, p.y - PAGE_QUAD[i]!.y)).toBeLessThan(24);
  });
  console.log(`document page: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB), SSIM(ink) ${ssim}, quality ${json.pages[0].quality}`);

  // The stored page really is a clean page: white paper at the edges, ink inside.
  const stats = await page.evaluate(
    async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const mean = (x0: number, y0: number, w: number, h: number) => {
        let s = 0;
        for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) s += d[(y * c.width + x) * 4]!;
        return s / (w * h);
      };
      return { corner: mean(4, 4, 40, 40), body: mean(200, 400, 800, 800) };
    },
    (await page.getByTestId('capture-result-image').getAttribute('src'))!,
  );
  expect(stats.corner).toBeGreaterThan(235);
  expect(stats.body).toBeLessThan(235);

  expect(offOrigin(requests, shell.origin)).toEqual([]);
});

test('an imported file is checked for type and for being an image, and a dense flat scan is kept whole and fits the budget', async ({
  page,
}) => {
  await openCaptureTab(page, shell, '材料拍摄');
  await page.getByTestId('document-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'CAPTURE_FILE_TYPE');
  await expect(page.getByTestId('document-error')).toContainText('文件类型不支持');
  await page
    .getByTestId('document-file')
    .setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
  await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'CAPTURE_FILE_CORRUPT');
  await expect(page.getByTestId('document-error')).toContainText('图片已损坏');

  // A dense 10.5 pt page (~1800 glyphs) scanned flat: no desk, so the whole image is the page.
  await page.getByTestId('document-file').setInputFiles(denseScanPng());
  const scan = page.getByTestId('document-page').first();
  await expect(scan).toBeVisible({ timeout: 30_000 });
  await expect(scan).toHaveAttribute('data-found', 'false');
  expect(Number(await scan.getAttribute('data-bytes'))).toBeLessThanOrEqual(120_000);
  expect(Number(await scan.getAttribute('data-ssim'))).toBeGreaterThanOrEqual(MIN_PAGE_SSIM);
  await page.getByTestId('document-finish').click();
  const json = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
  expect(json.pages[0]).toMatchObject({ source: 'file', quad: null });
  console.log(
    `dense scan: ${json.pages[0].image.width}×${json.pages[0].image.height} at ${json.pages[0].dpi} dpi, ${json.pages[0].image.bytes} bytes, SSIM(ink) ${json.pages[0].ssim}, quality ${json.pages[0].quality}`,
  );
});

test('a camera that disappears mid-capture says so, and the preview comes back by itself on replug', async ({ page }) => {
  await openCaptureTab(page, shell, '材料拍摄');
  await expect(page.getByTestId('document-shoot')).toBeEnabled({ timeout: 20_000 });
  // Unplugging ends the track from the device side; Chromium's fake camera cannot be unplugged, so
  // the page is sent the same events a real unplug and replug produce.
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid=document-video]')!;
    const track = (video.srcObject as MediaStream).getVideoTracks()[0]!;
    track.stop();
    track.dispatchEvent(new Event('ended'));
  });
  await expect(page.getByTestId('camera-error')).toHaveAttribute('data-code', 'CAPTURE_CAMERA_LOST');
  await expect(page.getByTestId('camera-error')).toContainText('摄像头在采集中断开');
  await expect(page.getByTestId('document-shoot')).toBeDisabled();
  await page.evaluate(() => navigator.mediaDevices.dispatchEvent(new Event('devicechange')));
  await expect(page.getByTestId('camera-error')).toHaveCount(0);
  await expect(page.getByTestId('document-shoot')).toBeEnabled();
  await expect(page.getByTestId('document-live')).toHaveAttribute('data-found', 'true', { timeout: 20_000 });
});

test('with no camera at all the clerk is told what to do', async () => {
  // A browser without the fake camera: this machine has no video device.
  const browser = await chromium.launch({
    executablePath: chromiumPath() ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream'],
  });
  try {
    const page = await browser.newPage();
    await openCaptureTab(page, shell, '材料拍摄');
    await expect(page.getByTestId('camera-error')).toHaveAttribute('data-code', 'CAPTURE_NO_CAMERA');
    await expect(page.getByTestId('camera-error')).toContainText('未找到摄像头');
    await page.getByRole('tab', { name: '摄像头设置' }).click();
    await expect(page.getByTestId('camera-count')).toHaveText('未找到摄像头');
  } finally {
    await browser.close();
  }
});
