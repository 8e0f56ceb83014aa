import { useEffect, useRef, useState } from 'react';
import { FaceEngine, FaceEngineError, modelBaseUrl } from './faceEngine';

export type EngineState =
  | { status: 'loading' }
  | { status: 'ready'; backend: string; version: string; ms: number }
  | { status: 'error'; code: FaceEngineError['code']; detail: string };

/** One face worker for the component's lifetime, its models loaded from the app's origin. */
export function useFaceEngine() {
  const engine = useRef<FaceEngine | null>(null);
  const [state, setState] = useState<EngineState>({ status: 'loading' });
  useEffect(() => {
    const e = new FaceEngine();
    engine.current = e;
    let live = true;
    e.init(modelBaseUrl()).then(
      (r) => live && setState({ status: 'ready', ...r }),
      (err: unknown) => live && setState({ status: 'error', code: err instanceof FaceEngineError ? err.code : 'CAPTURE_MODEL_LOAD_FAILED', detail: String(err) }),
    );
    return () => {
      live = false;
      e.dispose();
      engine.current = null;
    };
  }, []);
  return { engine, state };
}
