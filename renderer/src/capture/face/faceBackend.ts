/**
 * Which tfjs backend runs the face models, and what to try when it will not start.
 *
 * - A real GPU (WebGL reports a hardware renderer): WebGL, then WASM.
 * - No GPU, or only a software rasteriser (SwiftShader, llvmpipe — what Chromium falls back to
 *   with the GPU blocked or absent): WASM. Software WebGL is slower than the plain CPU backend,
 *   so it is never tried.
 * - CPU last, always: it cannot fail to load, but it is about a tenth of WASM's speed, so landing
 *   on it is shown on screen with what failed (useFaceEngine → FaceCapture).
 */
export type FaceBackend = 'webgl' | 'wasm' | 'cpu';
export const FACE_BACKENDS: readonly FaceBackend[] = ['webgl', 'wasm', 'cpu'];

/** What the WebGL context says about the graphics device: a real GPU, a software rasteriser, or no WebGL at all. */
export type GpuKind = 'hardware' | 'software' | 'none';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** Classify WebGL's (unmasked) renderer string; null when no WebGL context could be made. */
export function gpuKind(renderer: string | null): GpuKind {
  if (renderer === null) return 'none';
  return SOFTWARE_RENDERER.test(renderer) ? 'software' : 'hardware';
}

/** The order to try the backends in, best first; CPU always closes the list. */
export function backendOrder(gpu: GpuKind): FaceBackend[] {
  return gpu === 'hardware' ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'cpu'];
}

/** A backend that was tried and did not start, with the reason tfjs or Human gave. */
export interface BackendFailure {
  backend: FaceBackend;
  detail: string;
}
