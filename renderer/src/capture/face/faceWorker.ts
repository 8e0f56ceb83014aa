/// <reference lib="webworker" />
import { Human } from '@vladmandic/human';
import { resizeBilinear } from '../../../../common/capture/image/resize';
import { laplacianVariance, meanLuma } from '../../../../common/capture/image/sharpness';
import { toGray } from '../../../../common/capture/image/grayscale';
import type { FaceFrameMetrics } from '../../../../common/capture/faceQuality';
import { poseFromLandmarks, type FacePose } from '../../../../common/capture/facePose';
import { backendOrder, gpuKind, type BackendFailure, type FaceBackend } from './faceBackend';
import { GATE_INPUT, GateDetector, type GateTf } from './gateDetector';
import { humanConfig } from './humanConfig';
import type { FaceBox, FrameAnalysis, WorkerRequest, WorkerResponse } from './protocol';

/**
 * Face detection off the UI thread. The UI sends one ImageBitmap at a time (it waits for the
 * answer before sending the next), so the preview never waits on the model.
 */
declare const self: DedicatedWorkerGlobalScope;

let human: Human | null = null;
let gate: GateDetector | null = null;
let modelBase = '';
let wasmBase = '';
let backend: FaceBackend = 'cpu';
let reference: number[] | null = null;

const post = (msg: WorkerResponse, transfer: Transferable[] = []) => self.postMessage(msg, transfer);
const deg = (rad: number | undefined) => ((rad ?? 0) * 180) / Math.PI;

/** The renderer string of a WebGL2 context in this (worker) scope, or null when there is none. */
function webglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    // No WebGL in this scope (blocked, or no OffscreenCanvas WebGL): the same as no GPU.
    return null;
  }
}

type HumanFace = Awaited<ReturnType<Human['detect']>>['face'][number];

/** The mesh's angles when the mesh ran (capture), else the detector's landmarks (every frame). */
function poseOf(face: HumanFace): FacePose {
  const angle = face.rotation?.angle;
  if (angle) return { yaw: deg(angle.yaw), pitch: deg(angle.pitch), roll: deg(angle.roll) };
  const a = face.annotations as Record<string, [number, number][] | undefined>;
  const pt = (key: string) => {
    const p = a[key]?.[0];
    return p ? { x: p[0], y: p[1] } : null;
  };
  const [l, r, n, m] = [pt('leftEye'), pt('rightEye'), pt('nose'), pt('mouth')];
  return l && r && n && m ? poseFromLandmarks(l, r, n, m) : { yaw: 0, pitch: 0, roll: 0 };
}

/** One canvas for every frame (requests run one at a time), resized only when the camera's resolution changes. */
let frameCanvas: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } | null = null;
let gateCanvas: OffscreenCanvasRenderingContext2D | null = null;

function drawFrame(bitmap: ImageBitmap): { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } {
  if (!frameCanvas) {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    frameCanvas = { canvas, ctx };
  } else if (frameCanvas.canvas.width !== bitmap.width || frameCanvas.canvas.height !== bitmap.height) {
    frameCanvas.canvas.width = bitmap.width;
    frameCanvas.canvas.height = bitmap.height;
  }
  frameCanvas.ctx.clearRect(0, 0, bitmap.width, bitmap.height);
  frameCanvas.ctx.drawImage(bitmap, 0, 0);
  return frameCanvas;
}

function frameToImageData(bitmap: ImageBitmap): { canvas: OffscreenCanvas; data: ImageData } {
  const { canvas, ctx } = drawFrame(bitmap);
  bitmap.close();
  return { canvas, data: ctx.getImageData(0, 0, canvas.width, canvas.height) };
}

type FoundFace = { box: FaceBox; score: number; pose: FacePose };

/** Gate frames: the reduced detector alone (gateDetector.ts) on a 128×128 copy; pose from its landmarks. */
async function detectGate(bitmap: ImageBitmap, ctx: OffscreenCanvasRenderingContext2D): Promise<FoundFace[]> {
  if (!gate) throw new Error('not initialised');
  gateCanvas ??= new OffscreenCanvas(GATE_INPUT, GATE_INPUT).getContext('2d', { willReadFrequently: true });
  const sctx = gateCanvas;
  if (!sctx) throw new Error('no 2d context');
  sctx.imageSmoothingQuality = 'high';
  sctx.drawImage(bitmap, 0, 0, GATE_INPUT, GATE_INPUT);
  const found = await gate.detect(sctx.getImageData(0, 0, GATE_INPUT, GATE_INPUT), ctx.canvas.width, ctx.canvas.height, {
    maxFaces: 5,
    minScore: 0.5,
  });
  return found.map((f) => ({ box: f.box, score: f.score, pose: poseFromLandmarks(f.leftEye, f.rightEye, f.nose, f.mouth) }));
}

async function analyse(bitmap: ImageBitmap, full: boolean): Promise<FrameAnalysis> {
  if (!human) throw new Error('not initialised');
  const started = performance.now();
  const { canvas, ctx } = drawFrame(bitmap);
  let faces: FoundFace[];
  let face: HumanFace | undefined;
  try {
    if (full) {
      // The captured frame: Human's whole pipeline (256 px detector, mesh, descriptor, liveness).
      const result = await human.detect(
        ctx.getImageData(0, 0, canvas.width, canvas.height),
        humanConfig(modelBase, backend, true, wasmBase),
      );
      face = result.face[0];
      faces = result.face.map((f) => ({
        box: { x: f.box[0], y: f.box[1], width: f.box[2], height: f.box[3] },
        score: f.score,
        pose: poseOf(f),
      }));
    } else {
      faces = await detectGate(bitmap, ctx);
    }
  } finally {
    bitmap.close();
  }
  const { width, height } = canvas;
  const boxes: FaceBox[] = faces.map((f) => f.box);
  const metrics: FaceFrameMetrics = {
    faceCount: boxes.length,
    faceRatio: 0,
    offCenter: 0,
    yaw: 0,
    pitch: 0,
    roll: 0,
    brightness: 0,
    sharpness: 0,
    score: 0,
  };
  const only = faces.length === 1 ? faces[0] : undefined;
  if (only && only.box.width > 0 && only.box.height > 0) {
    const box = only.box;
    // Only the face box is read back and turned grey, at the frame's full resolution.
    const crop = toGray(ctx.getImageData(box.x, box.y, box.width, box.height));
    const normalised = resizeBilinear(crop, 128, 128);
    Object.assign(metrics, {
      faceRatio: box.height / height,
      offCenter: Math.hypot(box.x + box.width / 2 - width / 2, box.y + box.height / 2 - height / 2) / height,
      ...only.pose,
      brightness: meanLuma(crop),
      sharpness: laplacianVariance(normalised),
      score: only.score,
    });
  }
  const ms = performance.now() - started;
  const analysis: FrameAnalysis = { width, height, metrics, boxes, ms };
  if (full) {
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const embedding = face?.embedding;
    analysis.full = {
      jpeg: await blob.arrayBuffer(),
      similarity: reference && embedding && boxes.length === 1 ? human.match.similarity(embedding, reference) : null,
      antispoof: boxes.length === 1 ? (face?.real ?? null) : null,
      liveness: boxes.length === 1 ? (face?.live ?? null) : null,
    };
  }
  return analysis;
}

/**
 * Start `candidate` and load every model on it. Human does not throw when tfjs refuses a backend
 * (it logs and carries on with whatever tfjs picks), so the backend in force is checked, and a model
 * that fails to load on it counts as the backend failing.
 */
async function start(candidate: FaceBackend): Promise<{ human: Human; gate: GateDetector }> {
  const h = new Human(humanConfig(modelBase, candidate, true, wasmBase));
  await h.init();
  const active = h.tf.getBackend() as string | null;
  if (active !== candidate) throw new Error(`tfjs started ${active ?? 'no backend'} instead of ${candidate}`);
  await h.load();
  return { human: h, gate: await GateDetector.load(h.tf as GateTf, modelBase) };
}

/** Human is not re-entrant: requests run one after another, in arrival order. */
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => handle(event.data));
};

async function handle(msg: WorkerRequest): Promise<void> {
  try {
    if (msg.type === 'init') {
      const started = performance.now();
      modelBase = msg.modelBaseUrl;
      wasmBase = msg.wasmBaseUrl;
      const gpu = gpuKind(webglRenderer());
      const failed: BackendFailure[] = [];
      for (const candidate of msg.backends ?? backendOrder(gpu)) {
        try {
          const loaded = await start(candidate);
          ({ human, gate } = loaded);
          backend = candidate;
          post({
            id: msg.id,
            type: 'ready',
            backend,
            version: loaded.human.version,
            ms: Math.round(performance.now() - started),
            gpu,
            failed,
          });
          return;
        } catch (error) {
          failed.push({ backend: candidate, detail: String(error) });
        }
      }
      post({
        id: msg.id,
        type: 'error',
        code: 'CAPTURE_MODEL_LOAD_FAILED',
        detail: failed.map((f) => `${f.backend}: ${f.detail}`).join('; '),
      });
    } else if (msg.type === 'frame') {
      const analysis = await analyse(msg.bitmap, msg.full);
      post({ id: msg.id, type: 'frame', analysis }, analysis.full ? [analysis.full.jpeg] : []);
    } else if (msg.type === 'reference') {
      if (!msg.bitmap || !human) {
        reference = null;
        post({ id: msg.id, type: 'reference', found: false });
        return;
      }
      const { data } = frameToImageData(msg.bitmap);
      const result = await human.detect(data, humanConfig(modelBase, backend, true, wasmBase));
      // The largest face in the photo is the person's.
      const face = [...result.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
      reference = face?.embedding?.length ? face.embedding : null;
      post({ id: msg.id, type: 'reference', found: reference !== null });
    }
  } catch (error) {
    post({ id: msg.id, type: 'error', code: 'CAPTURE_DETECT_FAILED', detail: String(error) });
  }
}
