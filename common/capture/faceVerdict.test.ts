import { describe, expect, it } from 'vitest';
import { decideLiveness, decideMatch, overallVerdict } from './faceVerdict';

describe('face verdict', () => {
  it('bands the similarity into pass / review / fail and skips without a reference', () => {
    expect(decideMatch(0.7)).toBe('pass');
    expect(decideMatch(0.55)).toBe('pass');
    expect(decideMatch(0.5)).toBe('review');
    expect(decideMatch(0.3)).toBe('fail');
    expect(decideMatch(null)).toBe('notApplicable');
    expect(decideMatch(0.6, { matchPass: 0.65, matchReview: 0.5, livePass: 0.5, liveReview: 0.2 })).toBe('review');
  });

  it('judges liveness by the weaker of the two models, and never passes without a score', () => {
    expect(decideLiveness(0.9, 0.8)).toBe('pass');
    expect(decideLiveness(0.9, 0.3)).toBe('review');
    expect(decideLiveness(0.1, 0.9)).toBe('fail');
    expect(decideLiveness(null, null)).toBe('review');
  });

  it('takes the worst part; a manual capture is at best review', () => {
    expect(overallVerdict('pass', 'pass', false)).toBe('pass');
    expect(overallVerdict('notApplicable', 'pass', false)).toBe('pass');
    expect(overallVerdict('pass', 'pass', true)).toBe('review');
    expect(overallVerdict('fail', 'pass', true)).toBe('fail');
    expect(overallVerdict('review', 'pass', false)).toBe('review');
    expect(overallVerdict('pass', 'fail', false)).toBe('fail');
  });
});
