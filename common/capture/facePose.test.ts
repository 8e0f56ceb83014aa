import { describe, expect, it } from 'vitest';
import { poseFromLandmarks } from './facePose';

// A frontal face: eyes 60 px apart, nose 55 % of the way down to the mouth.
const frontal = { l: { x: 100, y: 100 }, r: { x: 160, y: 100 }, nose: { x: 130, y: 133 }, mouth: { x: 130, y: 160 } };
const rotate = (p: { x: number; y: number }, deg: number) => {
  const a = (deg * Math.PI) / 180;
  const dx = p.x - 130;
  const dy = p.y - 100;
  return { x: 130 + dx * Math.cos(a) - dy * Math.sin(a), y: 100 + dx * Math.sin(a) + dy * Math.cos(a) };
};

describe('poseFromLandmarks', () => {
  it('reads a frontal face as frontal, whichever eye comes first', () => {
    const p = poseFromLandmarks(frontal.l, frontal.r, frontal.nose, frontal.mouth);
    expect(Math.abs(p.yaw)).toBeLessThan(1);
    expect(Math.abs(p.pitch)).toBeLessThan(1);
    expect(Math.abs(p.roll)).toBeLessThan(1);
    expect(poseFromLandmarks(frontal.r, frontal.l, frontal.nose, frontal.mouth)).toEqual(p);
  });

  it('measures an in-plane tilt as roll and nothing else', () => {
    const [l, r, n, m] = [frontal.l, frontal.r, frontal.nose, frontal.mouth].map((p) => rotate(p, 20));
    const p = poseFromLandmarks(l!, r!, n!, m!);
    expect(p.roll).toBeCloseTo(20, 5);
    expect(Math.abs(p.yaw)).toBeLessThan(1);
    expect(Math.abs(p.pitch)).toBeLessThan(1);
  });

  it('turns a nose off the eyes’ midline into yaw beyond the gate’s 20°', () => {
    // A 30° turn: the nose moves 0.6·d·tan 30° ≈ 0.35 d sideways (eyes foreshortened to cos 30°).
    const d = 60 * Math.cos(Math.PI / 6);
    const p = poseFromLandmarks(
      { x: 130 - d / 2, y: 100 },
      { x: 130 + d / 2, y: 100 },
      { x: 130 + 0.6 * d * Math.tan(Math.PI / 6), y: 133 },
      { x: 130, y: 160 },
    );
    expect(p.yaw).toBeCloseTo(30, 0);
  });

  it('reads a head tilted back (nose close to the eyes) as pitch', () => {
    const p = poseFromLandmarks(frontal.l, frontal.r, { x: 130, y: 110 }, frontal.mouth);
    expect(p.pitch).toBeGreaterThan(15);
  });
});
