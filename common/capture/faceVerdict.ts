/**
 * Face match and liveness → a verdict the clerk sees: pass, review (a person decides) or fail.
 * Never silent: every capture carries its scores, thresholds and verdict.
 */
export type Verdict = 'pass' | 'review' | 'fail';
export type MatchVerdict = Verdict | 'notApplicable';

export interface FaceDecisionConfig {
  /** Similarity (0–1, Human's normalised descriptor distance) at or above which faces match. */
  matchPass: number;
  /** Below this the faces are different people; between the two a clerk reviews. */
  matchReview: number;
  /** Liveness/anti-spoof score (the lower of the two models) at or above which the face is live. */
  livePass: number;
  /** Below this the face is taken as a spoof (photo, screen). */
  liveReview: number;
}

/**
 * Human's faceres descriptors with its default similarity normalisation score ~0.6–0.8 for two
 * photos of one person and ~0.2–0.4 for different people; 0.55 leaves a margin on both sides.
 */
export const DEFAULT_FACE_DECISION: FaceDecisionConfig = { matchPass: 0.55, matchReview: 0.45, livePass: 0.5, liveReview: 0.2 };

export function decideMatch(similarity: number | null, cfg: FaceDecisionConfig = DEFAULT_FACE_DECISION): MatchVerdict {
  if (similarity === null) return 'notApplicable';
  if (similarity >= cfg.matchPass) return 'pass';
  if (similarity >= cfg.matchReview) return 'review';
  return 'fail';
}

export function decideLiveness(
  antispoof: number | null,
  liveness: number | null,
  cfg: FaceDecisionConfig = DEFAULT_FACE_DECISION,
): Verdict {
  const scores = [antispoof, liveness].filter((s): s is number => s !== null);
  if (scores.length === 0) return 'review';
  const worst = Math.min(...scores);
  if (worst >= cfg.livePass) return 'pass';
  if (worst >= cfg.liveReview) return 'review';
  return 'fail';
}

/** The worst of the parts; a manual (overridden) capture is never better than review. */
export function overallVerdict(match: MatchVerdict, liveness: Verdict, manual: boolean): Verdict {
  const parts: Verdict[] = [liveness];
  if (match !== 'notApplicable') parts.push(match);
  if (parts.includes('fail')) return 'fail';
  if (manual || parts.includes('review')) return 'review';
  return 'pass';
}
