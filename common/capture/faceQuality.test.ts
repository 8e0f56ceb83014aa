import { describe, expect, it } from 'vitest';
import { advanceGate, assessFace, DEFAULT_FACE_GATE, type FaceFrameMetrics, type GateState } from './faceQuality';

const good: FaceFrameMetrics = {
  faceCount: 1,
  faceRatio: 0.45,
  offCenter: 0.05,
  yaw: 3,
  pitch: -4,
  roll: 1,
  brightness: 130,
  sharpness: 120,
  score: 0.95,
};

describe('face quality gate', () => {
  it('passes a well-framed frontal, sharp, well-lit face', () => {
    expect(assessFace(good)).toEqual({ ok: true, issues: [], primary: null });
  });

  it.each<[Partial<FaceFrameMetrics>, string]>([
    [{ faceCount: 0 }, 'noFace'],
    [{ faceCount: 3 }, 'multipleFaces'],
    [{ brightness: 35 }, 'tooDark'],
    [{ brightness: 240 }, 'tooBright'],
    [{ faceRatio: 0.1 }, 'tooFar'],
    [{ faceRatio: 0.95 }, 'tooClose'],
    [{ offCenter: 0.4 }, 'offCenter'],
    [{ yaw: 30 }, 'notFrontal'],
    [{ pitch: -25 }, 'notFrontal'],
    [{ roll: 25 }, 'notFrontal'],
    [{ sharpness: 8 }, 'blurred'],
  ])('%o → %s', (change, issue) => {
    const a = assessFace({ ...good, ...change });
    expect(a.ok).toBe(false);
    expect(a.primary).toBe(issue);
  });

  it('tells the most urgent problem first and keeps the rest', () => {
    const a = assessFace({ ...good, brightness: 30, faceRatio: 0.1, sharpness: 3 });
    expect(a.primary).toBe('tooDark');
    expect(a.issues).toEqual(['tooDark', 'tooFar', 'blurred']);
  });

  it('judges no pose or light when there is no single face', () => {
    expect(assessFace({ ...good, faceCount: 2, brightness: 10 }).issues).toEqual(['multipleFaces']);
  });

  it('fires once after N consecutive good frames and resets on a bad one', () => {
    const n = DEFAULT_FACE_GATE.requiredFrames;
    let state: GateState = { streak: 0 };
    const fired: number[] = [];
    const frames = [...Array(n - 1).fill(good), { ...good, faceCount: 0 }, ...Array(n + 3).fill(good)] as FaceFrameMetrics[];
    frames.forEach((m, i) => {
      const step = advanceGate(state, assessFace(m));
      state = step.state;
      if (step.fire) fired.push(i);
    });
    expect(fired).toEqual([n + n - 1]);
  });
});
