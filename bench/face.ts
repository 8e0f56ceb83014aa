import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { GATE_INPUT } from '../renderer/src/capture/face/gateDetector';
import { fakeCameraArgs } from '../tests/e2e/captureFixtures';
import { chromiumPath } from '../tests/e2e/chromium';
import { builtFaceWorker, faceScene720, serveRenderer } from './rendererPage';
import { row, type Benchmark, type BenchRow } from './types';

/**
 * The face checks per tfjs backend, in headless Debian Chromium with a fake camera playing the e2e's
 * clear face at 1280×720: the BUILT face worker (out/renderer/assets/faceWorker-*.js, or JIUZHU_OUT's)
 * and the shipped models and .wasm files, served under the app's CSP. One worker per backend, each
 * told which backend to start (the init message's `backends`); frames go to them in turn, the
 * starting worker rotating every frame, so every backend sees the same load on a shared machine.
 * - gate: the 128 px detector + metrics on a fresh camera frame, one frame in flight per worker, as
 *   FaceCapture's loop runs it (it sends the next frame when the answer comes; the camera does not
 *   pace it); frames per second = frames / their summed wall time;
 * - capture analysis: Human's whole pipeline on one frame (256 px detector, mesh, descriptor,
 *   antispoof, liveness) and the JPEG, as after an automatic capture.
 * The baseline is the CPU backend (what the app used before), measured in the same run. WebGL here
 * is SwiftShader's software rasteriser (no GPU on this machine): what the app refuses to use; a
 * counter PC's real GPU has to be measured on one.
 */
const FRAMES = 40;
const FULL_RUNS = 3;
const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;
type Backend = (typeof BACKENDS)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Side {
  backend: Backend;
  error?: string;
  initMs: number;
  gateWall: number[];
  gateMs: number[];
  faces: number;
  fullMs: number[];
  fullFaces: number;
  antispoof: number[];
  liveness: number[];
}
interface FaceRun {
  sides: Side[];
  webgl: string;
  simd: boolean;
  width: number;
  height: number;
}

const PAGE_ENTRY = `
const w = window as unknown as Record<string, unknown>;
w.benchFace = async (workerUrl: string, modelBaseUrl: string, wasmBaseUrl: string, backends: string[], frames: number, fullRuns: number) => {
  const sides: any[] = [];
  for (const backend of backends) {
    const worker = new Worker(workerUrl, { type: 'module', name: 'face-' + backend });
    const pending = new Map<number, (r: any) => void>();
    let next = 1;
    worker.onmessage = (e) => { pending.get(e.data.id)?.(e.data); pending.delete(e.data.id); };
    const request = (body: object, transfer: Transferable[] = []) => new Promise<any>((resolve) => { const id = next++; pending.set(id, resolve); worker.postMessage({ ...body, id }, transfer); });
    const t0 = performance.now();
    const ready = await request({ type: 'init', modelBaseUrl, wasmBaseUrl, backends: [backend] });
    const side = { backend, worker, request, initMs: performance.now() - t0, gateWall: [], gateMs: [], faces: 0, fullMs: [], fullFaces: 0, antispoof: [], liveness: [] } as any;
    if (ready.type !== 'ready' || ready.backend !== backend) { side.error = JSON.stringify(ready); worker.terminate(); }
    sides.push(side);
  }
  const live = sides.filter((s) => !s.error);
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  await video.play();
  while (video.videoWidth === 0) await new Promise((r) => setTimeout(r, 20));
  const frame = async (side: any, full: boolean) => {
    const bitmap = await createImageBitmap(video);
    const t = performance.now();
    const r = await side.request({ type: 'frame', bitmap, full }, [bitmap]);
    if (r.type !== 'frame') throw new Error(side.backend + ': ' + JSON.stringify(r));
    return { wall: performance.now() - t, analysis: r.analysis };
  };
  for (const side of live) for (let i = 0; i < 3; i++) await frame(side, false);
  for (const side of live) await frame(side, true);
  for (let i = 0; i < frames; i++) {
    for (let k = 0; k < live.length; k++) {
      const side = live[(i + k) % live.length];
      const { wall, analysis } = await frame(side, false);
      side.gateWall.push(wall);
      side.gateMs.push(analysis.ms);
      side.faces += analysis.metrics.faceCount === 1 ? 1 : 0;
    }
  }
  for (let i = 0; i < fullRuns; i++) {
    for (let k = 0; k < live.length; k++) {
      const side = live[(i + k) % live.length];
      const { wall, analysis } = await frame(side, true);
      side.fullMs.push(wall);
      side.fullFaces += analysis.metrics.faceCount === 1 ? 1 : 0;
      if (analysis.full.antispoof !== null) side.antispoof.push(analysis.full.antispoof);
      if (analysis.full.liveness !== null) side.liveness.push(analysis.full.liveness);
    }
  }
  for (const side of live) side.worker.terminate();
  stream.getTracks().forEach((t) => t.stop());
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const webgl = gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'none';
  // The module tfjs-backend-wasm validates (one i8x16.splat) before it picks its SIMD build.
  const simd = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11]));
  return { sides: sides.map(({ worker, request, ...rest }) => rest), webgl, simd, width: video.videoWidth, height: video.videoHeight };
};`;

export const benchmark: Benchmark = {
  name: 'face',
  summary: 'face gate frames/s and capture analysis per tfjs backend (WASM, WebGL, CPU) — built worker, headless Chromium, fake camera',
  async run(): Promise<BenchRow[]> {
    const exe = chromiumPath();
    const worker = builtFaceWorker();
    if (!exe || !worker)
      throw new Error('face bench needs /usr/bin/chromium (or CHROME_PATH) and the built renderer: run `npm run build` first');
    const bundled = await build({
      stdin: { contents: PAGE_ENTRY, loader: 'ts', resolveDir: import.meta.dirname },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      logLevel: 'silent',
    });
    const { server, origin } = await serveRenderer(bundled.outputFiles[0]!.text);
    const browser = await chromium.launch({ executablePath: exe, args: fakeCameraArgs(faceScene720()) });
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/bench.html`);
      const load0 = loadavg()[0]!;
      const run = await page.evaluate(
        ([w, m, a, b, n, f]) => (window as unknown as { benchFace: (...x: unknown[]) => Promise<FaceRun> }).benchFace(w, m, a, b, n, f),
        [`${origin}/assets/${worker}`, `${origin}/models/human/`, `${origin}/wasm/`, [...BACKENDS], FRAMES, FULL_RUNS] as const,
      );
      const load1 = loadavg()[0]!;
      const failed = run.sides.filter((s) => s.error);
      for (const s of failed) process.stderr.write(`  ${s.backend} did not start: ${s.error}\n`);
      const cpu = run.sides.find((s) => s.backend === 'cpu' && !s.error);
      const fps = (s: Side) => s.gateWall.length / (s.gateWall.reduce((x, y) => x + y, 0) / 1000);
      const label = (b: Backend) =>
        b === 'wasm' ? `WASM${run.simd ? ' SIMD' : ''}` : b === 'webgl' ? 'WebGL (SwiftShader, software)' : 'CPU';
      const res = `${run.width}×${run.height}`;
      const rows: BenchRow[] = [];
      for (const s of run.sides.filter((x) => !x.error)) {
        const base = s.backend === 'cpu' ? undefined : cpu;
        rows.push(
          row(
            `face: gate frames per second, ${label(s.backend)}`,
            `${s.gateWall.length} frames ${res}, ${s.faces} with 1 face, ${GATE_INPUT} px`,
            fps(s),
            'frames/s',
            base ? fps(base) : null,
          ),
        );
        rows.push(
          row(
            `face: gate per frame in the worker, median, ${label(s.backend)}`,
            `${s.gateMs.length} frames`,
            median(s.gateMs),
            'ms',
            base ? median(base.gateMs) : null,
          ),
        );
        const scores = `antispoof ${median(s.antispoof).toFixed(2)}, liveness ${median(s.liveness).toFixed(2)}`;
        rows.push(
          row(
            `face: capture analysis, median, ${label(s.backend)}`,
            `${s.fullMs.length} captures, ${s.fullFaces} with 1 face, ${scores}`,
            median(s.fullMs),
            'ms',
            base ? median(base.fullMs) : null,
          ),
        );
        rows.push(row(`face: models load, ${label(s.backend)}`, '5 models + gate detector', s.initMs, 'ms', base ? base.initMs : null));
      }
      rows.push(
        row(
          'face: load average (1 min) at start / end',
          `${load0.toFixed(1)} / ${load1.toFixed(1)}; WebGL renderer: ${run.webgl.slice(0, 60)}`,
          load1,
          '',
        ),
      );
      return rows;
    } finally {
      await browser.close();
      server.close();
    }
  },
};
