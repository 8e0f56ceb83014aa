import type { Landmark } from '../../../../common/capture/facePose';
import type { FaceBox } from './protocol';

/**
 * The per-frame face detector of the quality gate: Human's BlazeFace ("back" model) run directly at
 * a reduced input size (GATE_INPUT, from the copy that scripts/copyModels.js makes with its
 * reshapes freed), decoded here. On the CPU backend the model's cost grows with its input area:
 * 128×128 costs about a fifth of the shipped 256×256, and a face that fills a quarter of the frame
 * height or more — what the gate asks for — is still 30+ px there.
 *
 * Human itself cannot run the model at another size (its anchors assume 256), so the decoding below
 * follows Human's blazeface.ts (MIT) with the model's real strides, 16 and 32, and yields the same box
 * Human gives: enlarged 1.4×, squared, clamped to the frame, and the four landmarks the pose needs.
 */
export const GATE_INPUT = 128;
export const gateModelFile = (size = GATE_INPUT) => `blazeface-${size}.json`;

const STRIDES = [16, 32] as const;
const ANCHORS_PER_CELL = [2, 6] as const;
/** Human's defaults for the detector: box scale, NMS overlap, and the config's minimum confidence. */
const BOX_SCALE = 1.4;
const IOU_THRESHOLD = 0.1;

export interface GateFace {
  box: FaceBox;
  score: number;
  leftEye: Landmark;
  rightEye: Landmark;
  nose: Landmark;
  mouth: Landmark;
}

/** The slice of tfjs (Human's `human.tf`) the detector uses. */
interface Tensor {
  readonly shape: number[];
  readonly size: number;
  data(): Promise<Float32Array>;
  dispose(): void;
}
export interface GateTf {
  loadGraphModel(url: string): Promise<GraphModel>;
  tidy<T>(fn: () => T): T;
  browser: { fromPixels(data: ImageData): Tensor };
  expandDims(t: Tensor, axis: number): Tensor;
  div(a: Tensor, b: number): Tensor;
  sub(a: Tensor, b: number): Tensor;
  cast(t: Tensor, dtype: 'float32'): Tensor;
  dispose(t: Tensor | Tensor[]): void;
}
interface GraphModel {
  execute(input: Tensor): Tensor | Tensor[];
  dispose(): void;
}

/** Anchor centres in input pixels, in the model's output order (the stride-16 grid, then the stride-32 grid). */
export function gateAnchors(size: number): [number, number][] {
  const out: [number, number][] = [];
  STRIDES.forEach((stride, i) => {
    const cells = Math.ceil(size / stride);
    for (let y = 0; y < cells; y++)
      for (let x = 0; x < cells; x++) for (let n = 0; n < ANCHORS_PER_CELL[i]!; n++) out.push([stride * (x + 0.5), stride * (y + 0.5)]);
  });
  return out;
}

interface Candidate {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
  index: number;
}

const iou = (a: Candidate, b: Candidate) => {
  const w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = w * h;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
  return union > 0 ? inter / union : 0;
};

/**
 * Decode the model's rows (`rows[i*17 + k]`: logit, box centre dx dy, size w h, 6 landmarks dx dy,
 * in input pixels relative to the anchor) into faces in a `width`×`height` frame. Pure.
 */
export function decodeGateFaces(
  rows: Float32Array,
  size: number,
  width: number,
  height: number,
  opts: { maxFaces: number; minScore: number },
): GateFace[] {
  const anchors = gateAnchors(size);
  const candidates: Candidate[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const r = i * 17;
    const score = 1 / (1 + Math.exp(-rows[r]!));
    if (score <= opts.minScore) continue;
    const [ax, ay] = anchors[i]!;
    const cx = rows[r + 1]! + ax;
    const cy = rows[r + 2]! + ay;
    const w = rows[r + 3]!;
    const h = rows[r + 4]!;
    candidates.push({ x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2, score, index: i });
  }
  candidates.sort((a, b) => b.score - a.score);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.length >= opts.maxFaces) break;
    if (kept.every((k) => iou(k, c) <= IOU_THRESHOLD)) kept.push(c);
  }
  const fx = width / size;
  const fy = height / size;
  return kept.map((c) => {
    const [ax, ay] = anchors[c.index]!;
    const point = (k: number): Landmark => ({
      x: (rows[c.index * 17 + 5 + 2 * k]! + ax) * fx,
      y: (rows[c.index * 17 + 6 + 2 * k]! + ay) * fy,
    });
    // Human: scale to the frame, enlarge 1.4× about the centre, square on the longer side, clamp.
    const cx = ((c.x1 + c.x2) / 2) * fx;
    const cy = ((c.y1 + c.y2) / 2) * fy;
    const half = (Math.max((c.x2 - c.x1) * fx, (c.y2 - c.y1) * fy) * BOX_SCALE) / 2;
    const sx = Math.round(cx - half);
    const sy = Math.round(cy - half);
    const ex = Math.round(cx + half);
    const ey = Math.round(cy + half);
    const box: FaceBox = {
      x: Math.trunc(Math.max(0, sx)),
      y: Math.trunc(Math.max(0, sy)),
      width: Math.trunc(Math.min(width, ex) - Math.max(0, sx)),
      height: Math.trunc(Math.min(height, ey) - Math.max(0, sy)),
    };
    return { box, score: Math.round(c.score * 100) / 100, leftEye: point(0), rightEye: point(1), nose: point(2), mouth: point(3) };
  });
}

/** The loaded gate model; `detect` takes the frame already drawn at `size`×`size`. */
export class GateDetector {
  private constructor(
    private readonly tf: GateTf,
    private readonly model: GraphModel,
    readonly size: number,
  ) {}

  static async load(tf: GateTf, modelBaseUrl: string, size = GATE_INPUT): Promise<GateDetector> {
    return new GateDetector(tf, await tf.loadGraphModel(new URL(gateModelFile(size), modelBaseUrl).href), size);
  }

  async detect(square: ImageData, width: number, height: number, opts: { maxFaces: number; minScore: number }): Promise<GateFace[]> {
    const tf = this.tf;
    const outputs = tf.tidy(() => {
      const input = tf.expandDims(tf.sub(tf.div(tf.cast(tf.browser.fromPixels(square), 'float32'), 127.5), 1), 0);
      const out = this.model.execute(input);
      return Array.isArray(out) ? out : [out];
    });
    try {
      // Two score heads and two box heads; by size: scores(32), scores(16), boxes(32), boxes(16).
      const [s32, s16, b32, b16] = [...outputs].sort((a, b) => a.size - b.size);
      if (!s32 || !s16 || !b32 || !b16) throw new Error(`gate detector: ${outputs.length} outputs`);
      const [d16, d32, c16, c32] = await Promise.all([b16.data(), b32.data(), s16.data(), s32.data()]);
      const n16 = c16.length;
      const n32 = c32.length;
      const rows = new Float32Array((n16 + n32) * 17);
      for (let i = 0; i < n16; i++) {
        rows[i * 17] = c16[i]!;
        rows.set(d16.subarray(i * 16, i * 16 + 16), i * 17 + 1);
      }
      for (let i = 0; i < n32; i++) {
        rows[(n16 + i) * 17] = c32[i]!;
        rows.set(d32.subarray(i * 16, i * 16 + 16), (n16 + i) * 17 + 1);
      }
      return decodeGateFaces(rows, this.size, width, height, opts);
    } finally {
      tf.dispose(outputs);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
