import {
  decideLiveness,
  decideMatch,
  overallVerdict,
  type FaceDecisionConfig,
  type MatchVerdict,
  type Verdict,
} from '../../../common/capture/faceVerdict';
import type { FaceCapture } from '../../../common/capture/schemas';

export interface CertificationResult {
  match: MatchVerdict;
  liveness: Verdict;
  result: Verdict;
}

/**
 * The counter check's result from the capture's scores and the county's thresholds — the capture
 * issue's own functions (common/capture/faceVerdict.ts), recomputed here so the stored result
 * never rests on the renderer's verdict. Certification proves identity, so a check without a
 * reference photo to match (match not applicable) is never better than review, and neither is a
 * manual capture.
 */
export function certificationResult(face: Pick<FaceCapture, 'match' | 'liveness' | 'mode'>, cfg: FaceDecisionConfig): CertificationResult {
  const match = decideMatch(face.match.score, cfg);
  const liveness = decideLiveness(face.liveness.antispoof, face.liveness.liveness, cfg);
  const result = overallVerdict(match === 'notApplicable' ? 'review' : match, liveness, face.mode === 'manual');
  return { match, liveness, result };
}

export type Outcome = 'certified' | 'failed';

/** pass → certified; fail → failed (a clerk cannot overrule it); review → what the clerk decided, or null when nobody has. */
export function outcomeOf(result: Verdict, confirmation: { decision: 'confirm' | 'reject' } | undefined): Outcome | null {
  if (result === 'pass') return 'certified';
  if (result === 'fail') return 'failed';
  if (!confirmation) return null;
  return confirmation.decision === 'confirm' ? 'certified' : 'failed';
}
