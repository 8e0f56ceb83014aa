import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';
import { faceScenes, fakeCameraArgs } from './captureFixtures';
import { chromiumPath } from './chromium';
import { setUpCounterStation } from './capturePage';
import { openAndLogIn } from './station';

/**
 * Face capture on the common counter screen (1366×768) when frames cannot be had for a while: a
 * preview that mounts below the fold (Chromium does not start a muted autoplay video out of view,
 * and a grab from it fails with "The ImageBitmap could not be allocated"), and grabs that fail for
 * a while. The gate must keep going by itself, say so, and after repeated failures offer 重试.
 *
 * The grab failures are injected at the browser's drawing API, the way Chromium raises them
 * (an InvalidStateError while the video has no frame to give); the worker, the models and the
 * gate are the real ones.
 */
test.describe.configure({ timeout: 180_000 });

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpCounterStation(shell);
});
test.afterAll(async () => shell.stop());

let browser: Browser | null = null;
test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** A 1366×768 page whose camera films the clear face; `faults` grabs from the video fail before any succeeds. */
async function counterPage(faults = 0): Promise<Page> {
  browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: fakeCameraArgs(faceScenes.one()) });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  await context.addInitScript((n: number) => {
    const w = window as unknown as { grabFaults: number; grabFailures: number };
    w.grabFaults = n;
    w.grabFailures = 0;
    const fail = () => {
      w.grabFaults -= 1;
      w.grabFailures += 1;
      throw new DOMException(
        "Failed to execute 'createImageBitmap' on 'Window': The ImageBitmap could not be allocated.",
        'InvalidStateError',
      );
    };
    // The old grab (createImageBitmap of the video) and a draw of the video into an OffscreenCanvas; the
    // feed-health sampler draws into a page canvas and keeps its frames.
    const original = window.createImageBitmap.bind(window) as (...a: unknown[]) => Promise<ImageBitmap>;
    (window as unknown as { createImageBitmap: unknown }).createImageBitmap = (source: unknown, ...rest: unknown[]) => {
      if (source instanceof HTMLVideoElement && w.grabFaults > 0) {
        try {
          fail();
        } catch (e) {
          return Promise.reject(e);
        }
      }
      return original(source, ...rest);
    };
    const draw = OffscreenCanvasRenderingContext2D.prototype.drawImage as (...a: unknown[]) => void;
    (OffscreenCanvasRenderingContext2D.prototype as unknown as { drawImage: unknown }).drawImage = function (
      this: unknown,
      source: unknown,
      ...rest: unknown[]
    ) {
      if (source instanceof HTMLVideoElement && w.grabFaults > 0) fail();
      return draw.call(this, source, ...rest);
    };
  }, faults);
  return context.newPage();
}

/** Open the capture page's face tab; with `belowFold`, the page is pushed down so the preview mounts out of view. */
async function openFace(page: Page, belowFold = false) {
  await openAndLogIn(page, shell);
  await page.evaluate(() => (window.location.hash = '#/capture'));
  const tab = page.getByRole('tab', { name: '人脸采集' });
  await expect(tab).toBeVisible();
  if (belowFold) {
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      spacer.dataset.testid = 'fold-spacer';
      document.body.prepend(spacer);
      window.scrollTo(0, 0);
    });
    // A click without scrolling: the tab (and the preview it mounts) stay below the fold.
    await tab.dispatchEvent('click');
  } else {
    await tab.click();
  }
  await expect(page.getByTestId('face-engine')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
}

const videoInView = (page: Page) =>
  page.getByTestId('face-video').evaluate((v) => {
    const r = v.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });

test('a preview that mounts below the fold at 1366×768 still feeds the gate, and the face is captured', async () => {
  const page = await counterPage();
  await openFace(page, true);
  expect(await videoInView(page)).toBe(false);
  await expect(page.getByTestId('face-verdict')).toBeVisible({ timeout: 90_000 });
  expect(await videoInView(page)).toBe(false);
  const result = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
  expect(result).toMatchObject({ kind: 'face', mode: 'auto', quality: { faceCount: 1 } });
  await expect(page.getByText('人脸检测出错')).toHaveCount(0);
});

test('frame grabs that fail for a while: the gate says it is retrying, recovers by itself, and captures the face', async () => {
  const page = await counterPage(3);
  await openFace(page);
  const retry = page.getByTestId('face-retry-status');
  await expect(retry).toBeVisible({ timeout: 30_000 });
  await expect(retry).toContainText('正在重试');
  await expect(page.getByTestId('face-verdict')).toBeVisible({ timeout: 90_000 });
  expect(await page.evaluate(() => (window as unknown as { grabFailures: number }).grabFailures)).toBe(3);
  await expect(retry).toHaveCount(0);
  const result = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
  expect(result).toMatchObject({ kind: 'face', mode: 'auto', quality: { faceCount: 1 } });
});

test('grabs that keep failing stop the gate with 重试; once frames come again, 重试 resumes it and the face is captured', async () => {
  const page = await counterPage(1_000_000);
  await openFace(page);
  const again = page.getByTestId('face-retry');
  await expect(again).toBeVisible({ timeout: 60_000 });
  await expect(again).toHaveText(/重\s*试/);
  await expect(page.getByTestId('face-retry-status')).toHaveCount(0);
  // Stopped: no further grabs are attempted while it waits for the clerk.
  const failures = await page.evaluate(() => (window as unknown as { grabFailures: number }).grabFailures);
  await page.waitForTimeout(2_000);
  expect(await page.evaluate(() => (window as unknown as { grabFailures: number }).grabFailures)).toBe(failures);
  await page.evaluate(() => ((window as unknown as { grabFaults: number }).grabFaults = 0));
  await again.click();
  await expect(page.getByTestId('face-verdict')).toBeVisible({ timeout: 90_000 });
  await expect(again).toHaveCount(0);
});
