import { describe, expect, it } from 'vitest';
import {
  advanceFeedHealth,
  DEFAULT_FEED_HEALTH,
  frameDifference,
  initialFeedHealth,
  isBlackSample,
  lumaStats,
  type FeedHealthState,
  type FeedSample,
} from './feedHealth';
import { grayImage, type GrayImage } from './image/types';

/** A deterministic noisy frame: `base` level plus ±`noise` sensor noise from a seeded generator. */
function frame(base: number, noise: number, seed: number, size = 64): GrayImage {
  const img = grayImage(size, size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < img.data.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    img.data[i] = base + Math.round(((s / 2 ** 32) * 2 - 1) * noise);
  }
  return img;
}

function run(samples: Omit<FeedSample, 't'>[], everyMs = 250): FeedHealthState[] {
  const out: FeedHealthState[] = [];
  let st = initialFeedHealth();
  samples.forEach((s, i) => {
    st = advanceFeedHealth(st, { ...s, t: i * everyMs });
    out.push(st);
  });
  return out;
}
const sample = (crop: GrayImage): Omit<FeedSample, 't'> => {
  const { mean, p98 } = lumaStats(crop);
  return { meanLuma: mean, p98Luma: p98, crop };
};

describe('feed health', () => {
  it('computes mean and 98th percentile of the levels', () => {
    const img = grayImage(10, 10, 0);
    img.data.fill(200, 0, 3); // 3 % bright pixels
    expect(lumaStats(img)).toEqual({ mean: 6, p98: 200 });
    img.data.fill(0);
    img.data.fill(200, 0, 1); // 1 %: below the percentile
    expect(lumaStats(img).p98).toBe(0);
  });

  it('calls a frame black only when it is dark AND nothing in it is bright', () => {
    expect(isBlackSample({ meanLuma: 0, p98Luma: 0 })).toBe(true);
    expect(isBlackSample({ meanLuma: 8, p98Luma: 20 })).toBe(true);
    expect(isBlackSample({ meanLuma: 8, p98Luma: 90 })).toBe(false); // a dark room with a lit face
    expect(isBlackSample({ meanLuma: 30, p98Luma: 20 })).toBe(false);
  });

  it('reports black after N black frames in a row, and recovers at once', () => {
    const black = sample(frame(1, 1, 3));
    const lit = sample(frame(120, 3, 4));
    const states = run([black, black, black, black, black, lit]);
    expect(states.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'black', 'black', 'ok']);
    expect(DEFAULT_FEED_HEALTH.blackFrames).toBe(4);
    // an interruption restarts the count
    expect(run([black, black, black, lit, black, black, black]).map((s) => s.status)).not.toContain('black');
  });

  it('tells a repeated frame from a live sensor: noise moves most pixels, a frozen driver none', () => {
    const a = frame(120, 3, 10);
    expect(frameDifference(a, frame(120, 3, 11)).changedShare).toBeGreaterThan(0.2);
    expect(frameDifference(a, frame(120, 3, 10))).toEqual({ meanDiff: 0, changedShare: 0 });
    expect(frameDifference(a, grayImage(32, 32)).meanDiff).toBe(Infinity);
  });

  it('reports frozen after ~3 s of identical frames of an empty scene', () => {
    const still = frame(120, 3, 20);
    const states = run(Array.from({ length: 16 }, () => sample(still)));
    // t = 0 has no previous frame; static from t = 250, frozen once 3000 ms have passed (t = 3250, sample 13)
    expect(states.findIndex((s) => s.status === 'frozen')).toBe(13);
    expect(states.at(-1)!.status).toBe('frozen');
  });

  it('never reports frozen for a live sensor over an empty desk', () => {
    const states = run(Array.from({ length: 40 }, (_, i) => sample(frame(120, 2, 100 + i))));
    expect(states.every((s) => s.status === 'ok')).toBe(true);
  });

  it('calls a frozen picture frozen whatever it shows: a stale picture of the applicant is no live feed', () => {
    // A face-like scene (bright oval on a darker ground), repeated to the byte.
    const face = frame(90, 3, 21);
    for (let y = 16; y < 48; y++)
      for (let x = 20; x < 44; x++) if ((x - 32) ** 2 / 144 + (y - 32) ** 2 / 256 <= 1) face.data[y * 64 + x] = 170;
    const states = run(Array.from({ length: 16 }, () => sample(face)));
    expect(states.findIndex((s) => s.status === 'frozen')).toBe(13);
  });

  it('says the feed is changing only once two samples differed, and not while it is static', () => {
    const states = run([sample(frame(120, 2, 1)), sample(frame(120, 2, 2)), sample(frame(120, 2, 3)), sample(frame(120, 2, 3))]);
    expect(states.map((s) => s.changing)).toEqual([false, true, true, false]);
  });

  it('recovers by itself when the picture moves again', () => {
    const still = frame(120, 3, 40);
    const frozen = run(Array.from({ length: 16 }, () => sample(still))).at(-1)!;
    expect(frozen.status).toBe('frozen');
    const moved = advanceFeedHealth(frozen, { ...sample(frame(120, 3, 41)), t: 16 * 250 });
    expect(moved).toMatchObject({ status: 'ok', changing: true, staticSince: null });
  });

  it('a change in the picture restarts the frozen clock', () => {
    const a = frame(120, 3, 30);
    const b = frame(140, 3, 31);
    const seq = [...Array(10).fill(sample(a)), sample(b), ...Array(10).fill(sample(b))] as Omit<FeedSample, 't'>[];
    expect(run(seq).map((s) => s.status)).not.toContain('frozen');
  });

  it('a video that stops presenting frames is frozen; a browser that never counts frames is not judged', () => {
    const lit = (i: number) => frame(120, 3, 500 + i);
    let st = initialFeedHealth();
    const statuses: string[] = [];
    for (let i = 0; i < 20; i++) {
      // frames arrive for the first 2 s (8 samples), then the count stops at 60
      st = advanceFeedHealth(st, { ...sample(lit(i % 8)), t: i * 250, frameCount: Math.min(i + 1, 8) * 7.5 });
      statuses.push(st.status);
    }
    // last new frame at t = 1750; frozen from t = 4750 (sample 19)
    expect(statuses.indexOf('frozen')).toBe(19);
    // the page was busy for 5 s (no samples): that is not a stalled camera
    const busy = advanceFeedHealth(advanceFeedHealth(initialFeedHealth(), { ...sample(lit(0)), t: 0, frameCount: 10 }), {
      ...sample(lit(1)),
      t: 5000,
      frameCount: 10,
    });
    expect(busy.status).toBe('ok');
    let none = initialFeedHealth();
    for (let i = 0; i < 30; i++) none = advanceFeedHealth(none, { ...sample(lit(i)), t: i * 250 });
    expect(none.status).toBe('ok');
  });
});
