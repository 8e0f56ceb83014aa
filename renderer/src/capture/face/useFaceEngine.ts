import { useEffect, useRef, useState } from 'react';
import type { BackendFailure, FaceBackend, GpuKind } from './faceBackend';
import { FaceEngine, FaceEngineError, modelBaseUrl, wasmBaseUrl } from './faceEngine';

export type EngineState =
  | { status: 'loading' }
  | { status: 'ready'; backend: FaceBackend; version: string; ms: number; gpu: GpuKind; failed: BackendFailure[] }
  | { status: 'error'; code: FaceEngineError['code']; detail: string };

/** One face worker for the component's lifetime, its models loaded from the app's origin. */
export function useFaceEngine() {
  const engine = useRef<FaceEngine | null>(null);
  const [state, setState] = useState<EngineState>({ status: 'loading' });
  useEffect(() => {
    const e = new FaceEngine();
    engine.current = e;
    let live = true;
    e.init(modelBaseUrl(), wasmBaseUrl()).then(
      (r) => {
        // A faster backend that would not start is shown on screen (FaceCapture); its reason is logged here.
        for (const f of r.failed) console.warn(`face engine: backend ${f.backend} did not start: ${f.detail}`);
        if (live) setState({ status: 'ready', ...r });
      },
      (err: unknown) =>
        live &&
        setState({ status: 'error', code: err instanceof FaceEngineError ? err.code : 'CAPTURE_MODEL_LOAD_FAILED', detail: String(err) }),
    );
    return () => {
      live = false;
      e.dispose();
      engine.current = null;
    };
  }, []);
  return { engine, state };
}
