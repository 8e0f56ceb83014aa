/**
 * Head pose from the detector's four face landmarks (eyes, nose tip, mouth), for the per-frame
 * gate where running the 468-point mesh on every frame would halve the frame rate. Coarse by
 * design — "roughly frontal" — using a simple head model: the nose tip stands ~0.6 eye-distances
 * in front of the eye plane and sits ~55 % of the way from the eyes down to the mouth.
 */
export interface Landmark {
  x: number;
  y: number;
}

export interface FacePose {
  yaw: number;
  pitch: number;
  roll: number;
}

const NOSE_DEPTH = 0.6;
const NOSE_DROP = 0.55;
const deg = (rad: number) => (rad * 180) / Math.PI;

export function poseFromLandmarks(eyeA: Landmark, eyeB: Landmark, nose: Landmark, mouth: Landmark): FacePose {
  // Left-to-right on screen, whichever eye the detector calls which.
  const [l, r] = eyeA.x <= eyeB.x ? [eyeA, eyeB] : [eyeB, eyeA];
  const d = Math.hypot(r.x - l.x, r.y - l.y);
  if (d === 0) return { yaw: 0, pitch: 0, roll: 0 };
  const roll = Math.atan2(r.y - l.y, r.x - l.x);
  const mid = { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
  // Undo the roll about the eyes' midpoint.
  const unroll = (p: Landmark) => {
    const dx = p.x - mid.x;
    const dy = p.y - mid.y;
    return { x: dx * Math.cos(-roll) - dy * Math.sin(-roll), y: dx * Math.sin(-roll) + dy * Math.cos(-roll) };
  };
  const n = unroll(nose);
  const m = unroll(mouth);
  const yaw = Math.atan2(n.x, NOSE_DEPTH * d);
  const h = m.y > 0 ? m.y : d;
  const pitch = Math.atan2((NOSE_DROP - n.y / h) * h, NOSE_DEPTH * d);
  return { yaw: deg(yaw), pitch: deg(pitch), roll: deg(roll) };
}
