import type { FaceFrameMetrics } from '../../../../common/capture/faceQuality';
import type { BackendFailure, FaceBackend, GpuKind } from './faceBackend';

/** Messages between FaceEngine (UI thread) and faceWorker (detection off the UI thread). */
export type WorkerRequest =
  /**
   * Load the models from `modelBaseUrl` on the first backend that starts, tfjs's .wasm files from
   * `wasmBaseUrl`; `backends` overrides the order faceBackend.ts chooses (the benchmark measures each).
   */
  | { id: number; type: 'init'; modelBaseUrl: string; wasmBaseUrl: string; backends?: FaceBackend[] }
  /** Per-frame gate (the reduced detector, gateDetector.ts) or, with `full`, the capture analysis: Human's detector, mesh, descriptor, liveness, JPEG. */
  | { id: number; type: 'frame'; bitmap: ImageBitmap; full: boolean }
  /** Describe the reference photo and keep its descriptor for matching. */
  | { id: number; type: 'reference'; bitmap: ImageBitmap | null };

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameAnalysis {
  width: number;
  height: number;
  metrics: FaceFrameMetrics;
  boxes: FaceBox[];
  /** Time the worker spent on this frame (detection and metrics), ms. */
  ms: number;
  full?: {
    jpeg: ArrayBuffer;
    similarity: number | null;
    antispoof: number | null;
    liveness: number | null;
  };
}

export type WorkerResponse =
  /** `failed`: the backends tried before `backend` that did not start, best first. */
  | { id: number; type: 'ready'; backend: FaceBackend; version: string; ms: number; gpu: GpuKind; failed: BackendFailure[] }
  | { id: number; type: 'frame'; analysis: FrameAnalysis }
  | { id: number; type: 'reference'; found: boolean }
  | { id: number; type: 'error'; code: 'CAPTURE_MODEL_LOAD_FAILED' | 'CAPTURE_DETECT_FAILED'; detail: string };
