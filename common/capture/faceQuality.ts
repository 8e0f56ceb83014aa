/**
 * The face quality gate: pure decisions from per-frame metrics, so the thresholds are tested
 * without a camera or a model. The worker measures, this decides, the UI says what to fix.
 */

/** What is wrong with a frame, in the order the applicant should fix it. */
export const FACE_ISSUES = [
  'noFace',
  'multipleFaces',
  'tooDark',
  'tooBright',
  'tooFar',
  'tooClose',
  'offCenter',
  'notFrontal',
  'blurred',
] as const;
export type FaceIssue = (typeof FACE_ISSUES)[number];

export interface FaceFrameMetrics {
  faceCount: number;
  /** Face box height over frame height (0 when no face). */
  faceRatio: number;
  /** Distance of the face centre from the frame centre, over frame height. */
  offCenter: number;
  /** Head pose in degrees (0 = looking straight at the camera). */
  yaw: number;
  pitch: number;
  roll: number;
  /** Mean grey level of the face box, 0–255. */
  brightness: number;
  /** Laplacian variance of the face box resampled to 128×128. */
  sharpness: number;
  /** Detector confidence, 0–1. */
  score: number;
}

export interface FaceGateConfig {
  minFaceRatio: number;
  maxFaceRatio: number;
  maxOffCenter: number;
  maxYaw: number;
  maxPitch: number;
  maxRoll: number;
  minBrightness: number;
  maxBrightness: number;
  minSharpness: number;
  /** Consecutive good frames before the automatic capture fires. */
  requiredFrames: number;
}

/**
 * Defaults for a counter camera at 640×480–1280×720: the face fills a quarter to four fifths of
 * the height (an ID-photo framing), pose within ±20° yaw and ±18° pitch/roll — "roughly frontal",
 * with room for the ±8° error of the per-frame landmark pose (facePose.ts) — face
 * luma between 60 and 210, and a Laplacian variance that a defocused or shaken face (σ ≥ 2 px at
 * 128 px) does not reach.
 */
export const DEFAULT_FACE_GATE: FaceGateConfig = {
  minFaceRatio: 0.22,
  maxFaceRatio: 0.85,
  maxOffCenter: 0.25,
  maxYaw: 20,
  maxPitch: 18,
  maxRoll: 18,
  minBrightness: 60,
  maxBrightness: 210,
  minSharpness: 25,
  requiredFrames: 4,
};

export interface FaceAssessment {
  ok: boolean;
  /** Every issue found, most urgent first. */
  issues: FaceIssue[];
  /** The one issue the applicant is told about (null when ok). */
  primary: FaceIssue | null;
}

export function assessFace(m: FaceFrameMetrics, cfg: FaceGateConfig = DEFAULT_FACE_GATE): FaceAssessment {
  const found = new Set<FaceIssue>();
  if (m.faceCount === 0) found.add('noFace');
  else if (m.faceCount > 1) found.add('multipleFaces');
  else {
    if (m.brightness < cfg.minBrightness) found.add('tooDark');
    if (m.brightness > cfg.maxBrightness) found.add('tooBright');
    if (m.faceRatio < cfg.minFaceRatio) found.add('tooFar');
    if (m.faceRatio > cfg.maxFaceRatio) found.add('tooClose');
    if (m.offCenter > cfg.maxOffCenter) found.add('offCenter');
    if (Math.abs(m.yaw) > cfg.maxYaw || Math.abs(m.pitch) > cfg.maxPitch || Math.abs(m.roll) > cfg.maxRoll) found.add('notFrontal');
    if (m.sharpness < cfg.minSharpness) found.add('blurred');
  }
  const issues = FACE_ISSUES.filter((i) => found.has(i));
  return { ok: issues.length === 0, issues, primary: issues[0] ?? null };
}

export interface GateState {
  /** Consecutive frames that passed. */
  streak: number;
}

/** Advance the auto-capture gate by one assessed frame; `fire` is true exactly once per run of good frames. */
export function advanceGate(
  state: GateState,
  assessment: FaceAssessment,
  cfg: FaceGateConfig = DEFAULT_FACE_GATE,
): { state: GateState; fire: boolean } {
  const streak = assessment.ok ? state.streak + 1 : 0;
  return { state: { streak }, fire: streak === cfg.requiredFrames };
}
