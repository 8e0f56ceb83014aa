import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';
import { openCaptureTab, setUpCounterStation } from './capturePage';

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpCounterStation(shell);
});
test.afterAll(async () => shell.stop());

/** Inked pixels of a PNG data URL, decoded by the browser. */
async function inkOf(page: Page, src: string) {
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let minX = c.width,
      maxX = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3]! > 128 && d[i]! < 80) {
        ink++;
        const x = (i / 4) % c.width;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
    return { width: c.width, height: c.height, ink, span: maxX - minX };
  }, src);
}

test('a signature drawn with the mouse gives strokes with timestamps and a PNG with ink; empty and short ones are refused', async ({
  page,
}) => {
  await openCaptureTab(page, shell, '签名');
  const pad = page.getByTestId('signature-canvas');
  await expect(pad).toBeVisible();

  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('signature-problem')).toHaveText('还没有签名，请在框内签名');

  const box = (await pad.boundingBox())!;
  const draw = async (points: [number, number][]) => {
    await page.mouse.move(box.x + points[0]![0], box.y + points[0]![1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    await page.mouse.up();
  };
  await draw([
    [100, 100],
    [120, 104],
  ]);
  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('signature-problem')).toHaveText('签名太短，请签写完整姓名');

  await page.getByTestId('signature-undo').click();
  await expect(pad).toHaveAttribute('data-strokes', '0');
  // 王 + a flourish: four strokes across the pad.
  await draw([
    [80, 60],
    [200, 60],
  ]);
  await draw([
    [90, 120],
    [190, 120],
  ]);
  await draw([
    [70, 180],
    [220, 180],
  ]);
  await draw([
    [140, 60],
    [140, 180],
  ]);
  await draw([
    [260, 70],
    [300, 170],
    [340, 80],
    [380, 170],
    [440, 90],
    [520, 160],
  ]);
  await expect(pad).toHaveAttribute('data-strokes', '5');
  await page.getByTestId('signature-done').click();
  await expect(page.getByTestId('signature-saved')).toContainText('5 笔');

  const json = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
  expect(json.kind).toBe('signature');
  expect(json.strokes).toHaveLength(5);
  expect(json.pointerType).toBe('mouse');
  expect(json.dpi).toBe(200);
  // The result carries the PNG's own SHA-256 (what binds it to signer, document and time in the stored record).
  const src = (await page.getByTestId('capture-result-image').getAttribute('src'))!;
  expect(json.pngSha256).toBe(
    createHash('sha256')
      .update(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'))
      .digest('hex'),
  );
  const flourish = json.strokes[4] as { x: number; y: number; pressure: number; t: number }[];
  expect(flourish.length).toBeGreaterThan(10);
  expect(flourish[0]).toMatchObject({ x: expect.closeTo(260, 1), y: expect.closeTo(70, 1), pressure: 0.5 });
  // Timestamps rise within a stroke.
  expect(flourish.at(-1)!.t).toBeGreaterThanOrEqual(flourish[0]!.t);

  const png = await inkOf(page, (await page.getByTestId('capture-result-image').getAttribute('src'))!);
  expect(png.width).toBe(Math.round((640 * 200) / 96));
  expect(png.ink).toBeGreaterThan(3000);
  // The ink spans from the first stroke (x≈70) to the flourish's end (x≈520), at 200/96 scale.
  expect(png.span).toBeGreaterThan(((520 - 70) * 200) / 96 - 30);

  await page.getByTestId('signature-clear').click();
  await expect(pad).toHaveAttribute('data-strokes', '0');
});
