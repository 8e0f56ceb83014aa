import type { Config } from '@vladmandic/human';

/**
 * Human's configuration for the counter: faces only. Models come from the app's own origin
 * (copied by scripts/copy-models.js); nothing is cached between frames, so every frame is judged
 * on its own pixels. Every frame runs the detector alone (pose from its landmarks); `full` adds the
 * mesh (exact pose), the descriptor and the two liveness models, run only at capture.
 */
export function humanConfig(modelBasePath: string, backend: string, full: boolean): Partial<Config> {
  return {
    backend: backend as Config['backend'],
    modelBasePath,
    wasmPath: '',
    debug: false,
    async: true,
    warmup: 'none',
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 5, minConfidence: 0.5, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: full, modelPath: 'facemesh.json' },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      gear: { enabled: false },
      description: { enabled: full, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
      antispoof: { enabled: full, modelPath: 'antispoof.json', skipFrames: 0, skipTime: 0 },
      liveness: { enabled: full, modelPath: 'liveness.json', skipFrames: 0, skipTime: 0 },
    },
  } as Partial<Config>;
}
