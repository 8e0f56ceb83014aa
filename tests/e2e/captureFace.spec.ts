import { expect, test, type Page } from '@playwright/test';
import { startShell, type RunningShell } from './browserShell';
import { faceScenes, references } from './captureFixtures';
import { fakeCameraPages, offOrigin, openCaptureTab, setUpCounterStation } from './capturePage';

/**
 * The face pipeline in Chromium with its fake camera playing still scenes made from the sample
 * photos in @vladmandic/human's package: the real worker, the real models (tfjs's WASM backend, as
 * there is no GPU here), the real gate.
 */
test.describe.configure({ timeout: 180_000 });

let shell: RunningShell;
test.beforeAll(async () => {
  shell = await startShell();
  await setUpCounterStation(shell);
});
test.afterAll(async () => shell.stop());

const pageWithCamera = fakeCameraPages();

async function openFace(page: Page) {
  const requests = await openCaptureTab(page, shell, '人脸采集');
  await expect(page.getByTestId('face-engine')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  return requests;
}

/** Wait until the gate has judged at least `n` frames, and return the instruction shown. */
async function gateAfter(page: Page, n: number) {
  const instruction = page.getByTestId('face-instruction');
  await expect.poll(async () => Number(await instruction.getAttribute('data-frames')), { timeout: 45_000 }).toBeGreaterThanOrEqual(n);
  return { issue: await instruction.getAttribute('data-issue'), text: await instruction.textContent() };
}

test.describe('one clear face', () => {
  test('is captured automatically; matched against another photo of the same man it passes, against a different man it fails; nothing leaves the machine', async () => {
    const page = await pageWithCamera(faceScenes.one());
    // The reference goes in while the models load; the gate waits for it before capturing.
    const requests = await openCaptureTab(page, shell, '人脸采集');
    await page.getByTestId('reference-photo').setInputFiles(references.same());
    await expect(page.getByTestId('face-reference')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await expect(page.getByTestId('face-verdict')).toBeVisible({ timeout: 60_000 });
    const same = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
    expect(same).toMatchObject({ kind: 'face', mode: 'auto', issues: [], quality: { faceCount: 1 }, image: { mime: 'image/jpeg' } });
    expect(same.match.verdict).toBe('pass');
    expect(page.getByTestId('face-match')).toHaveAttribute('data-verdict', 'pass');
    const ms = Number(
      await page
        .getByTestId('face-ms')
        .getAttribute('data-ms')
        .catch(() => '0'),
    );
    console.log(
      `same person: similarity ${same.match.score}, antispoof ${same.liveness.antispoof}, liveness ${same.liveness.liveness}, verdict ${same.verdict}, backend ${same.engine.backend}, ${ms} ms/frame`,
    );

    await page.getByTestId('reference-photo').setInputFiles(references.different());
    await expect(page.getByTestId('face-reference')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await page.getByTestId('face-retake').click();
    await expect(page.getByTestId('face-verdict')).toBeVisible({ timeout: 60_000 });
    const other = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
    expect(other.match.verdict).toBe('fail');
    await expect(page.getByTestId('face-verdict')).toHaveAttribute('data-verdict', 'fail');
    await expect(page.getByTestId('face-verdict')).toHaveText('不通过');
    console.log(`different person: similarity ${other.match.score}`);

    expect(offOrigin(requests, shell.origin)).toEqual([]);
    expect(requests.some((u) => u.endsWith('/models/human/faceres.bin'))).toBe(true);
  });

  test('a manual capture needs a reason, records it, and is never better than review', async () => {
    // A scene the gate refuses (blurred), so the automatic capture cannot come first: that is when a clerk overrides.
    const page = await pageWithCamera(faceScenes.blurred());
    await openFace(page);
    await page.getByTestId('face-manual').click();
    await expect(page.locator('#manual-confirm')).toBeDisabled();
    await page.getByTestId('manual-reason').fill('申请人行动不便，无法正对镜头');
    await page.locator('#manual-confirm').click();
    await expect(page.getByTestId('face-mode')).toHaveAttribute('data-mode', 'manual', { timeout: 60_000 });
    const json = JSON.parse((await page.getByTestId('capture-result-json').textContent())!);
    expect(json).toMatchObject({ mode: 'manual', manualReason: '申请人行动不便，无法正对镜头', match: { verdict: 'notApplicable' } });
    expect(['review', 'fail']).toContain(json.verdict);
    await expect(page.getByTestId('face-mode')).toContainText('申请人行动不便');
  });
});

for (const [scene, issue, words] of [
  ['three', 'multipleFaces', '镜头前有多人，请只留申请人'],
  ['none', 'noFace', '未检测到人脸'],
  ['dark', 'tooDark', '光线太暗'],
  ['blurred', 'blurred', '画面模糊，请保持不动'],
] as const) {
  test.describe(`scene: ${scene}`, () => {
    test(`says “${words}” and does not capture`, async () => {
      const page = await pageWithCamera(faceScenes[scene]());
      await openFace(page);
      const judged = await gateAfter(page, 5);
      expect(judged.issue).toBe(issue);
      expect(judged.text).toBe(words);
      await expect(page.getByTestId('face-verdict')).toHaveCount(0);
      await expect(page.getByTestId('capture-result')).toHaveCount(0);
    });
  });
}

test.describe('the backend', () => {
  test('without a GPU the models run on tfjs’s WASM backend, its .wasm files served by the app as application/wasm under the CSP', async () => {
    const page = await pageWithCamera(faceScenes.one());
    const wasm: { url: string; type: string | undefined; csp: string | undefined }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm'))
        wasm.push({ url: r.url(), type: r.headers()['content-type'], csp: r.headers()['content-security-policy'] });
    });
    const workerCsp: string[] = [];
    page.on('response', (r) => {
      if (/\/assets\/faceWorker-[^/]+\.js$/.test(r.url())) workerCsp.push(r.headers()['content-security-policy'] ?? '');
    });
    const requests = await openFace(page);
    // Headless Chromium here has no GPU (WebGL is SwiftShader's software rasteriser), so WASM is chosen.
    await expect(page.getByTestId('face-engine')).toHaveAttribute('data-backend', 'wasm');
    await expect(page.getByTestId('face-engine')).toContainText('处理器加速');
    await expect(page.getByTestId('face-backend-fallback')).toHaveCount(0);
    expect(wasm.length).toBeGreaterThan(0);
    for (const w of wasm) {
      expect(w.url.startsWith(`${shell.origin}/wasm/tfjs-backend-wasm`)).toBe(true);
      expect(w.type).toBe('application/wasm');
    }
    // The worker runs under the app's CSP, which allows compiling WebAssembly and nothing else that eval would.
    expect(workerCsp.length).toBe(1);
    expect(workerCsp[0]).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(workerCsp[0]).not.toContain("'unsafe-eval'");
    // It judges frames on that backend.
    await gateAfter(page, 3);
    expect(offOrigin(requests, shell.origin)).toEqual([]);
  });

  test('when the WASM files cannot be loaded the CPU backend takes over and the screen says why', async () => {
    const page = await pageWithCamera(faceScenes.one());
    await page.context().route(/\/wasm\/[^/]+\.wasm$/, (route) => route.abort('failed'));
    await openFace(page);
    await expect(page.getByTestId('face-engine')).toHaveAttribute('data-backend', 'cpu');
    const fallback = page.getByTestId('face-backend-fallback');
    await expect(fallback).toHaveAttribute('data-failed', 'wasm');
    await expect(fallback).toContainText('人脸检测的处理器加速未能启用，已改用处理器（未加速），检测会明显变慢');
    // Still working, only slower: the gate judges frames.
    await gateAfter(page, 2);
  });
});
