import { bytesToBase64 } from '../../../../common/capture/base64';
import { assessFace, type FaceGateConfig } from '../../../../common/capture/faceQuality';
import { decideLiveness, decideMatch, overallVerdict, type FaceDecisionConfig } from '../../../../common/capture/faceVerdict';
import { faceCaptureSchema, type FaceCapture } from '../../../../common/capture/schemas';
import type { FrameAnalysis } from './protocol';

/** Turn the worker's capture analysis into the typed, validated result handed to onCaptured. */
export function buildFaceCapture(
  analysis: FrameAnalysis,
  opts: {
    mode: 'auto' | 'manual';
    reason?: string;
    gate: FaceGateConfig;
    decision: FaceDecisionConfig;
    engine: { version: string; backend: string };
    now?: Date;
  },
): FaceCapture {
  const full = analysis.full;
  if (!full) throw new Error('capture analysis without image');
  const jpeg = new Uint8Array(full.jpeg);
  const match = decideMatch(full.similarity, opts.decision);
  const liveness = decideLiveness(full.antispoof, full.liveness, opts.decision);
  const clamp = (v: number | null) => (v === null ? null : Math.min(1, Math.max(0, v)));
  return faceCaptureSchema.parse({
    kind: 'face',
    capturedAt: (opts.now ?? new Date()).toISOString(),
    mode: opts.mode,
    ...(opts.reason ? { manualReason: opts.reason } : {}),
    image: { mime: 'image/jpeg', base64: bytesToBase64(jpeg), bytes: jpeg.length, width: analysis.width, height: analysis.height },
    quality: analysis.metrics,
    issues: assessFace(analysis.metrics, opts.gate).issues,
    match: { score: clamp(full.similarity), pass: opts.decision.matchPass, review: opts.decision.matchReview, verdict: match },
    liveness: { antispoof: clamp(full.antispoof), liveness: clamp(full.liveness), pass: opts.decision.livePass, verdict: liveness },
    verdict: overallVerdict(match, liveness, opts.mode === 'manual'),
    engine: { library: '@vladmandic/human', version: opts.engine.version, backend: opts.engine.backend },
  });
}
