import type { Config } from '@vladmandic/human';

/**
 * Human's configuration for the counter: faces only. Models come from the app's own origin
 * (copied by scripts/copyModels.js); nothing is cached between frames, so every frame is judged
 * on its own pixels. With `full` (the captured frame, and the reference photo): the 256 px detector,
 * the mesh (exact pose), the descriptor and the two liveness models. Without it: the detector alone —
 * the gate as it was before gateDetector.ts, kept as the benchmark's baseline.
 *
 * `backend` is the tfjs backend faceBackend.ts chose; with 'wasm', `wasmPath` is where its .wasm
 * files are served (scripts/copyWasm.js copies them beside the models).
 *
 * Why the gate does not use Human's own switches: with the mesh off, Human's box cache is never
 * filled (skipFrames/skipTime then change nothing), and turning the mesh on to track costs ~300 ms a
 * frame on the CPU; iris, emotion, description and rotation are already off; maxDetected does not
 * change the model's cost. The detector's cost is its 256×256 input, whatever the frame's size.
 */
export function humanConfig(modelBasePath: string, backend: string, full: boolean, wasmPath = ''): Partial<Config> {
  return {
    backend: backend as Config['backend'],
    modelBasePath,
    // tfjs's .wasm files, from the app's own origin (scripts/copyWasm.js); Human's default is a CDN.
    wasmPath,
    wasmPlatformFetch: false,
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
      detector: {
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: 5,
        minConfidence: 0.5,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
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
