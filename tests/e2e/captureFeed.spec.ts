import { expect, test } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';
import { faceScenes, frozenDocumentScene } from './captureFixtures';
import { fakeCameraPages, openCaptureTab, setUpCounterStation } from './capturePage';

/**
 * A feed that is there but useless: a black camera (lens cap) and a frozen one (a stuck driver
 * repeating one frame, byte for byte — whatever it shows). Both are said in words, and nothing is
 * captured from them. The live fixtures carry per-frame sensor noise (captureFixtures.ts), so the
 * other capture specs show that a live camera filming a still scene is not frozen.
 */
test.describe.configure({ timeout: 120_000 });

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpCounterStation(shell);
});
test.afterAll(async () => shell.stop());

const pageWithCamera = fakeCameraPages();

test('a black feed is reported on the face and the document camera, and nothing is captured from it', async () => {
  const page = await pageWithCamera(faceScenes.black());
  await openCaptureTab(page, shell, '人脸采集');
  const alert = page.getByTestId('feed-health');
  await expect(alert).toHaveAttribute('data-status', 'black', { timeout: 20_000 });
  await expect(alert).toContainText('摄像头画面全黑');
  await expect(page.getByTestId('face-instruction')).toHaveAttribute('data-feed', 'black');
  await expect(page.getByTestId('face-manual')).toBeDisabled();
  // The gate keeps running and judging frames, but never fires.
  await expect
    .poll(async () => Number(await page.getByTestId('face-instruction').getAttribute('data-frames')), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('face-verdict')).toHaveCount(0);

  await page.getByRole('tab', { name: '材料拍摄' }).click();
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-status', 'black', { timeout: 20_000 });
  await expect(page.getByTestId('feed-health')).toContainText('摄像头画面全黑');
  await expect(page.getByTestId('document-shoot')).toBeDisabled();
  await expect(page.getByTestId('document-page')).toHaveCount(0);
});

test('a frozen feed of an empty scene is reported after about three seconds, on both cameras', async () => {
  // Chromium's fake camera repeats one frame exactly, as a stuck driver does; with no face or page in it, that is a frozen feed.
  const page = await pageWithCamera(faceScenes.emptyDesk());
  await openCaptureTab(page, shell, '材料拍摄');
  await expect(page.getByTestId('document-shoot')).toBeEnabled({ timeout: 20_000 });
  const started = Date.now();
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-status', 'frozen', { timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  await expect(page.getByTestId('feed-health')).toContainText('画面冻结');
  await expect(page.getByTestId('document-live')).toHaveAttribute('data-found', 'false');
  await expect(page.getByTestId('document-shoot')).toBeDisabled();

  await page.getByRole('tab', { name: '人脸采集' }).click();
  await expect(page.getByTestId('feed-health')).toHaveAttribute('data-status', 'frozen', { timeout: 20_000 });
  await expect(page.getByTestId('face-instruction')).toHaveAttribute('data-feed', 'frozen');
  await expect(page.getByTestId('face-verdict')).toHaveCount(0);
});

test('a frozen picture of a clear face is reported and never captured, though the gate likes the face', async () => {
  const page = await pageWithCamera(faceScenes.frozenFace());
  await openCaptureTab(page, shell, '人脸采集');
  await expect(page.getByTestId('face-engine')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  const alert = page.getByTestId('feed-health');
  await expect(alert).toHaveAttribute('data-status', 'frozen', { timeout: 20_000 });
  await expect(alert).toContainText('画面冻结');
  const instruction = page.getByTestId('face-instruction');
  await expect(instruction).toHaveAttribute('data-feed', 'frozen');
  // The gate judges the face good frame after frame (more than the 4 that fire a capture on a live feed)…
  await expect.poll(async () => Number(await instruction.getAttribute('data-frames')), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
  await expect(instruction).toHaveAttribute('data-issue', 'ok');
  // …and yet nothing is captured, and the clerk cannot take the stale picture by hand either.
  await expect(page.getByTestId('face-verdict')).toHaveCount(0);
  await expect(page.getByTestId('capture-result')).toHaveCount(0);
  await expect(page.getByTestId('face-manual')).toBeDisabled();
});

test('a frozen picture of a page is reported on the document camera and cannot be shot', async () => {
  const page = await pageWithCamera(frozenDocumentScene());
  await openCaptureTab(page, shell, '材料拍摄');
  // The page is found in the picture, but the picture does not move.
  await expect(page.getByTestId('document-live')).toHaveAttribute('data-found', 'true', { timeout: 20_000 });
  const alert = page.getByTestId('feed-health');
  await expect(alert).toHaveAttribute('data-status', 'frozen', { timeout: 20_000 });
  await expect(alert).toContainText('画面冻结');
  await expect(page.getByTestId('document-shoot')).toBeDisabled();
  await expect(page.getByTestId('document-page')).toHaveCount(0);
});
