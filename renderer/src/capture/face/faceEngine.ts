import type { FaceBackend } from './faceBackend';
import type { FrameAnalysis, WorkerRequest, WorkerResponse } from './protocol';

export class FaceEngineError extends Error {
  constructor(
    readonly code: 'CAPTURE_MODEL_LOAD_FAILED' | 'CAPTURE_DETECT_FAILED',
    detail: string,
  ) {
    super(detail);
  }
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Body<T extends WorkerRequest['type']> = Omit<Extract<WorkerRequest, { type: T }>, 'id'>;

/** The UI side of the face worker: promise per request, one worker per engine. */
export class FaceEngine {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./faceWorker.ts', import.meta.url), { type: 'module', name: 'face' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.type === 'error') p.reject(new FaceEngineError(e.data.code, e.data.detail));
      else p.resolve(e.data);
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new FaceEngineError('CAPTURE_MODEL_LOAD_FAILED', e.message));
      this.pending.clear();
    };
  }

  private request<T extends WorkerRequest['type']>(body: Body<T>, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id }, transfer);
    });
  }

  async init(
    modelBaseUrl: string,
    wasmBaseUrl: string,
    backends?: FaceBackend[],
  ): Promise<Omit<Extract<WorkerResponse, { type: 'ready' }>, 'id' | 'type'>> {
    const r = await this.request<'init'>({ type: 'init', modelBaseUrl, wasmBaseUrl, ...(backends ? { backends } : {}) });
    if (r.type !== 'ready') throw new FaceEngineError('CAPTURE_MODEL_LOAD_FAILED', r.type);
    const { backend, version, ms, gpu, failed } = r;
    return { backend, version, ms, gpu, failed };
  }

  async analyse(bitmap: ImageBitmap, full: boolean): Promise<FrameAnalysis> {
    const r = await this.request<'frame'>({ type: 'frame', bitmap, full }, [bitmap]);
    if (r.type !== 'frame') throw new FaceEngineError('CAPTURE_DETECT_FAILED', r.type);
    return r.analysis;
  }

  /** Set (or clear, with null) the reference photo; true when a face was found in it. */
  async setReference(bitmap: ImageBitmap | null): Promise<boolean> {
    const r = await this.request<'reference'>({ type: 'reference', bitmap }, bitmap ? [bitmap] : []);
    return r.type === 'reference' && r.found;
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new FaceEngineError('CAPTURE_DETECT_FAILED', 'disposed'));
    this.pending.clear();
  }
}

/** Models are served by the app itself, next to index.html. */
export const modelBaseUrl = () => new URL('models/human/', document.baseURI).href;
/** tfjs's .wasm files, also from the app's own origin (scripts/copyWasm.js). */
export const wasmBaseUrl = () => new URL('wasm/', document.baseURI).href;
