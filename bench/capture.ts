import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { type DocumentKind } from '../common/capture/documentKinds';
import { photographPage, rotatedQuad, textPage } from '../common/capture/image/synthetic';
import type { Quad } from '../common/capture/image/types';
import { documentCaptureSchema, type DocumentPage } from '../common/capture/schemas';
import { syntheticApplication } from '../main/core/cases/demo/synthetic';
import { caseStation } from '../main/core/cases/testing/station';
import { GATE_INPUT } from '../renderer/src/capture/face/gateDetector';
import { faceScenes, fakeCameraArgs, fixtureDir, GBT9704, PAGE, PAGE_QUAD, SENSOR_NOISE } from '../tests/e2e/captureFixtures';
import { chromiumPath } from '../tests/e2e/chromium';
import { row, type Benchmark, type BenchRow } from './types';

/**
 * Counter capture, measured on this machine:
 * - the face pipeline in headless Debian Chromium (GPU off → Human's CPU backend): the BUILT face
 *   worker (out/renderer/assets/faceWorker-*.js, or JIUZHU_OUT's) and the shipped models, fed
 *   1280×720 frames from a fake camera playing a face; gate frames per second (the 128 px gate
 *   detector + metrics, one frame in flight, as FaceCapture does) against the old gate (Human's
 *   detect, detector only at 256 px) measured in the same run, and the capture analysis (mesh,
 *   descriptor, antispoof, liveness, JPEG);
 * - documents: the renderer's processPage (find → deskew → levels → WebP search → SSIM), bundled
 *   for a small standalone page, on a generated fixture set of photographed A4 pages; bytes per page;
 * - capture → stored: processPage time + `intake.addMaterial` (CaseService.addMaterial: encrypted
 *   attachment, link, audit) in Node against a real encrypted store.
 * Needs `npm run build` (the built renderer) and ffmpeg.
 */
const FACE_FRAMES = 40;
const FULL_RUNS = 3;
/** A baseline frame (the old gate, ~1 s each on this CPU) after every BASELINE_EVERY-th gate frame. */
const BASELINE_EVERY = 3;

const root = join(import.meta.dirname, '..');
/** The built renderer: out/, or the folder JIUZHU_OUT names (as the e2e runs do). */
const rendererDir = join(root, process.env.JIUZHU_OUT ?? 'out', 'renderer');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The page's own code: processPage from the renderer, and a face loop against the built worker. */
const PAGE_ENTRY = `
import { Human } from '@vladmandic/human';
import { processPage } from '../renderer/src/capture/document/processPage';
import { humanConfig } from '../renderer/src/capture/face/humanConfig';
const w = window as unknown as Record<string, unknown>;
w.benchDocument = async (b64: string, width: number, height: number, kind: string, index: number) => {
  const grey = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) { rgba[j] = rgba[j + 1] = rgba[j + 2] = grey[i]!; rgba[j + 3] = 255; }
  const frame = new ImageData(rgba, width, height);
  const t0 = performance.now();
  const page = await processPage(frame, kind as never, index, 'camera');
  return { ms: performance.now() - t0, page };
};
/**
 * The gate as FaceCapture runs it (the built worker, one frame in flight), interleaved frame by frame
 * with the baseline — the gate as it was: Human's detect with the detector alone at its 256 px input
 * (CPU), here on the page's thread — on the same camera, so both see the same load on a shared machine.
 */
w.benchFace = async (workerUrl: string, modelBaseUrl: string, frames: number, fullRuns: number, baselineEvery: number) => {
  const worker = new Worker(workerUrl, { type: 'module', name: 'face' });
  const pending = new Map<number, (r: any) => void>();
  let next = 1;
  worker.onmessage = (e) => { pending.get(e.data.id)?.(e.data); pending.delete(e.data.id); };
  const request = (body: object, transfer: Transferable[] = []) => new Promise<any>((resolve) => { const id = next++; pending.set(id, resolve); worker.postMessage({ ...body, id }, transfer); });
  const t0 = performance.now();
  const ready = await request({ type: 'init', modelBaseUrl });
  if (ready.type !== 'ready') throw new Error(JSON.stringify(ready));
  const initMs = performance.now() - t0;
  const human = new Human(humanConfig(modelBaseUrl, 'cpu', false));
  await human.load();
  await human.init();
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  while (video.videoWidth === 0) await new Promise((r) => setTimeout(r, 20));
  const frame = async (full: boolean) => { const bitmap = await createImageBitmap(video); const r = await request({ type: 'frame', bitmap, full }, [bitmap]); if (r.type !== 'frame') throw new Error(JSON.stringify(r)); return r.analysis; };
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const baseline = async () => { ctx.drawImage(video, 0, 0); const r = await human.detect(ctx.getImageData(0, 0, canvas.width, canvas.height), humanConfig(modelBaseUrl, 'cpu', false)); return r.face.length; };
  for (let i = 0; i < 3; i++) await frame(false); // warm-up
  for (let i = 0; i < 2; i++) await baseline();
  const detectMs: number[] = [];
  const gateWall: number[] = [];
  const baseMs: number[] = [];
  let faces = 0;
  let baseFaces = 0;
  for (let i = 0; i < frames; i++) {
    let t = performance.now();
    const a = await frame(false);
    gateWall.push(performance.now() - t);
    detectMs.push(a.ms);
    faces += a.metrics.faceCount === 1 ? 1 : 0;
    if (i % baselineEvery === 0) { t = performance.now(); baseFaces += (await baseline()) === 1 ? 1 : 0; baseMs.push(performance.now() - t); }
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const fullMs: number[] = [];
  for (let i = 0; i < fullRuns; i++) { const t = performance.now(); await frame(true); fullMs.push(performance.now() - t); }
  worker.terminate();
  stream.getTracks().forEach((t) => t.stop());
  return { backend: ready.backend, initMs, fps: frames / (sum(gateWall) / 1000), detectMs, fullMs, faces, baseMs, baseFps: baseMs.length / (sum(baseMs) / 1000), baseFaces, width: video.videoWidth, height: video.videoHeight };
};`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.bin': 'application/octet-stream', '.css': 'text/css' };

/** A static server for the built renderer plus the bench page (loopback only). */
async function serve(bundle: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/bench.html') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
    if (path === '/bench.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    const file = normalize(join(rendererDir, path));
    if (!file.startsWith(rendererDir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The face scene at the face camera's 1280×720. */
function faceScene720(): string {
  const target = join(fixtureDir, 'bench-face-720.live.y4m');
  // 10 frames at 10 fps, each with its own sensor noise, like the e2e scenes (a live camera, not a frozen one).
  if (!existsSync(target))
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', faceScenes.frozenFace(), '-vf', `scale=960:720,pad=1280:720:160:0:color=0x6a7078,loop=loop=-1:size=1,${SENSOR_NOISE}`, '-r', '10', '-frames:v', '10', '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', target]);
  return target;
}

/** The fixture set: official letters (GB/T 9704) and dense 10.5 pt pages, photographed at various angles on a 1920×1440 desk. */
function documentFixtures(): { name: string; kind: DocumentKind; grey: Uint8ClampedArray }[] {
  const quads: Quad[] = [PAGE_QUAD, rotatedQuad(960, 720, 920, 1300, -6), rotatedQuad(960, 720, 900, 1270, 4), rotatedQuad(980, 700, 880, 1245, 9)];
  const out: { name: string; kind: DocumentKind; grey: Uint8ClampedArray }[] = [];
  quads.forEach((quad, i) => {
    for (const dense of [false, true]) {
      const page = textPage({ width: PAGE.width, height: PAGE.height, seed: 300 + i * 2 + (dense ? 1 : 0), ...(dense ? {} : GBT9704) });
      const scene = photographPage(page, { width: 1920, height: 1440, quad, desk: 40 + i * 5, noise: 10, seed: 11 + i });
      out.push({ name: `${dense ? 'dense 10.5 pt' : 'GB/T 9704 letter'} #${i + 1}`, kind: dense ? 'medical' : 'incomeProof', grey: scene.data });
    }
  });
  return out;
}

export const benchmark: Benchmark = {
  name: 'capture',
  summary: 'face pipeline fps (built worker, CPU backend, headless Chromium), capture → encrypted attachment, bytes per A4 page',
  async run(): Promise<BenchRow[]> {
    const exe = chromiumPath();
    const worker = existsSync(join(rendererDir, 'assets')) ? readdirSync(join(rendererDir, 'assets')).find((f) => /^faceWorker-.*\.js$/.test(f)) : undefined;
    if (!exe || !worker) throw new Error('capture bench needs /usr/bin/chromium (or CHROME_PATH) and the built renderer: run `npm run build` first');
    const bundled = await build({ stdin: { contents: PAGE_ENTRY, loader: 'ts', resolveDir: import.meta.dirname }, bundle: true, write: false, format: 'iife', target: 'es2022', logLevel: 'silent' });
    const { server, origin } = await serve(bundled.outputFiles[0]!.text);
    const browser = await chromium.launch({ executablePath: exe, args: fakeCameraArgs(faceScene720()) });
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-capture-'));
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/bench.html`);

      // Face.
      type FaceBench = { backend: string; initMs: number; fps: number; detectMs: number[]; fullMs: number[]; faces: number; baseMs: number[]; baseFps: number; baseFaces: number; width: number; height: number };
      const face = await page.evaluate(([w, m, n, f, e]) => (window as unknown as { benchFace: (...a: unknown[]) => Promise<FaceBench> }).benchFace(w, m, n, f, e), [
        `${origin}/assets/${worker}`,
        `${origin}/models/human/`,
        FACE_FRAMES,
        FULL_RUNS,
        BASELINE_EVERY,
      ] as const);
      const res = `${face.width}×${face.height}`;
      rows.push(row(`capture: face models load (${face.backend})`, '5 models + gate detector', face.initMs, 'ms'));
      rows.push(row(`capture: face gate frames per second (${face.backend}, ${GATE_INPUT} px detector)`, `${FACE_FRAMES} frames ${res}, ${face.faces} with 1 face`, face.fps, 'frames/s', face.baseFps));
      rows.push(row(`capture: face gate per frame, median (${GATE_INPUT} px detector + metrics)`, `${FACE_FRAMES} frames ${res}`, median(face.detectMs), 'ms', median(face.baseMs)));
      rows.push(row("capture: baseline gate per frame: Human's detect, detector only, 256 px", `${face.baseMs.length} frames interleaved, ${face.baseFaces} with 1 face`, median(face.baseMs), 'ms'));
      rows.push(row('capture: face capture analysis (mesh, descriptor, liveness, JPEG)', `median of ${FULL_RUNS}`, median(face.fullMs), 'ms'));

      // Documents: processPage in the page, then the store in Node.
      const { svc, actor, t } = caseStation(dir, '2026-06-15T02:00:00Z');
      const today = svc.today();
      const saved = svc.saveDraft(actor, { application: { ...syntheticApplication({ seed: 4242, today, size: 3, type: 'dibao' }), materials: [] } });
      const code = svc.checklist().types.dibao[0]!.code;
      const processMs: number[] = [];
      const storeMs: number[] = [];
      const bytes: number[] = [];
      const ssims: number[] = [];
      for (const [i, fx] of documentFixtures().entries()) {
        const b64 = Buffer.from(fx.grey.buffer, fx.grey.byteOffset, fx.grey.byteLength).toString('base64');
        const r = await page.evaluate(
          ([b, k, n]) => (window as unknown as { benchDocument: (...a: unknown[]) => Promise<{ ms: number; page: DocumentPage }> }).benchDocument(b, 1920, 1440, k, n),
          [b64, fx.kind, i] as const,
        );
        processMs.push(r.ms);
        bytes.push(r.page.image.bytes);
        ssims.push(r.page.ssim);
        if (r.page.image.width !== PAGE.width || !r.page.quad) process.stderr.write(`  ${fx.name}: ${r.page.image.width}×${r.page.image.height}, page ${r.page.quad ? 'found' : 'NOT found'}\n`);
        const capture = documentCaptureSchema.parse({ kind: 'document', documentKind: fx.kind, capturedAt: new Date().toISOString(), pages: [{ ...r.page, index: 0 }] });
        const a = performance.now();
        svc.addMaterial(actor, saved.caseId, code, capture);
        storeMs.push(performance.now() - a);
      }
      t.auth.close();
      const n = bytes.length;
      rows.push(row('capture: document page processing (find, deskew, WebP search, SSIM)', `median of ${n} pages 1920×1440`, median(processMs), 'ms'));
      rows.push(row('capture: page → encrypted attachment (intake.addMaterial)', `median of ${n} pages`, median(storeMs), 'ms'));
      rows.push(row('capture: capture → stored attachment (processing + store)', `median of ${n} pages`, median(processMs.map((p, i) => p + storeMs[i]!)), 'ms'));
      rows.push(row('capture: bytes per A4 page, median', `${n} pages, 150 dpi grey`, median(bytes) / 1024, 'KB', 120));
      rows.push(row('capture: bytes per A4 page, max', `${n} pages, 150 dpi grey`, Math.max(...bytes) / 1024, 'KB', 120));
      rows.push(row('capture: ink SSIM of stored pages, min', `${n} pages`, Math.min(...ssims), 'SSIM', 0.9));
      return rows;
    } finally {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
