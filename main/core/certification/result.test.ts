import { describe, expect, it } from 'vitest';
import { DEFAULT_FACE_DECISION } from '../../../common/capture/faceVerdict';
import { certificationResult, outcomeOf } from './result';

const face = (score: number | null, antispoof: number | null, liveness: number | null, mode: 'auto' | 'manual' = 'auto') => ({
  mode,
  match: { score, pass: 0, review: 0, verdict: 'pass' as const },
  liveness: { antispoof, liveness, pass: 0, verdict: 'pass' as const },
});

describe('the counter check’s result, on the capture issue’s thresholds', () => {
  it('pass needs match ≥ matchPass and the weaker liveness score ≥ livePass', () => {
    expect(certificationResult(face(0.55, 0.5, 0.9), DEFAULT_FACE_DECISION)).toEqual({ match: 'pass', liveness: 'pass', result: 'pass' });
    expect(certificationResult(face(0.54, 0.9, 0.9), DEFAULT_FACE_DECISION).result).toBe('review');
    expect(certificationResult(face(0.7, 0.49, 0.9), DEFAULT_FACE_DECISION)).toEqual({
      match: 'pass',
      liveness: 'review',
      result: 'review',
    });
  });

  it('fail when the faces differ or the liveness is below liveReview, whatever else', () => {
    expect(certificationResult(face(0.44, 0.9, 0.9), DEFAULT_FACE_DECISION).result).toBe('fail');
    expect(certificationResult(face(0.9, 0.19, 0.9), DEFAULT_FACE_DECISION).result).toBe('fail');
  });

  it('no reference to match and a manual capture are never better than review', () => {
    expect(certificationResult(face(null, 0.9, 0.9), DEFAULT_FACE_DECISION)).toEqual({
      match: 'notApplicable',
      liveness: 'pass',
      result: 'review',
    });
    expect(certificationResult(face(0.9, 0.9, 0.9, 'manual'), DEFAULT_FACE_DECISION).result).toBe('review');
  });

  it('uses the county’s thresholds, not the renderer’s verdict', () => {
    const strict = { ...DEFAULT_FACE_DECISION, matchPass: 0.8, matchReview: 0.6 };
    expect(certificationResult(face(0.7, 0.9, 0.9), strict).result).toBe('review');
    expect(certificationResult(face(0.55, 0.9, 0.9), strict).result).toBe('fail');
    const lenientLive = { ...DEFAULT_FACE_DECISION, livePass: 0.35 };
    expect(certificationResult(face(0.7, 0.38, 0.9), lenientLive).result).toBe('pass');
  });

  it('outcome: pass certifies, fail fails even when a clerk confirms, review follows the clerk or waits', () => {
    expect(outcomeOf('pass', undefined)).toBe('certified');
    expect(outcomeOf('fail', { decision: 'confirm' })).toBe('failed');
    expect(outcomeOf('review', undefined)).toBeNull();
    expect(outcomeOf('review', { decision: 'confirm' })).toBe('certified');
    expect(outcomeOf('review', { decision: 'reject' })).toBe('failed');
  });
});
