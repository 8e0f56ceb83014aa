/**
 * Is the camera feed usable at all? Two failures a quality gate cannot see:
 *
 * - **black**: the lens cap is on, the lamp is off, or the driver delivers zeros — the frame's mean
 *   luma is below `blackMeanLuma` AND almost nothing is brighter (its 98th percentile is below
 *   `blackP98Luma`), for `blackFrames` samples in a row. A merely dark room still has a bright
 *   percentile (a face, a window) and is the gate's "光线太暗", not this.
 * - **frozen**: the track says 'live' and frames keep arriving, but the picture stopped changing (a
 *   stuck driver repeating its last buffer). A real sensor never repeats a frame: noise alone moves
 *   most pixels of a 1:1 crop by a level or two, so "practically identical" means the crop's mean
 *   absolute difference is at most `staticMeanDiff` and at most `staticChangedShare` of its pixels
 *   moved by more than 2 levels. After `frozenMs` of that the feed is frozen — whatever it shows: a
 *   frozen picture of the applicant is a stale picture, and is exactly what must not be captured.
 *   The first differing sample ends it (the feed recovers by itself).
 * - **stalled** (also reported as frozen): the video element has presented no new frame for
 *   `frozenMs` although it presented frames before (`frameCount`, from requestVideoFrameCallback).
 *   A stuck USB camera usually stops delivering.
 *
 * `changing` says the last two samples differed: a feed not yet seen to change (the first samples,
 * or a static run shorter than `frozenMs`) is not known to be live, so an automatic capture waits.
 *
 * Pure: samples in, verdict out. The renderer takes the samples (see renderer/src/capture/camera/useFeedHealth.ts).
 */
import type { GrayImage } from './image/types';

export interface FeedHealthConfig {
  blackMeanLuma: number;
  blackP98Luma: number;
  blackFrames: number;
  staticMeanDiff: number;
  staticChangedShare: number;
  frozenMs: number;
  /** A gap between samples longer than this means the page itself was busy (e.g. processing a page on the UI thread): the stall clock restarts. */
  maxSampleGapMs: number;
}

export const DEFAULT_FEED_HEALTH: FeedHealthConfig = {
  blackMeanLuma: 12,
  blackP98Luma: 28,
  blackFrames: 4,
  staticMeanDiff: 0.1,
  staticChangedShare: 0.001,
  frozenMs: 3000,
  maxSampleGapMs: 1000,
};

export type FeedStatus = 'ok' | 'black' | 'frozen';

/** One look at the feed: luma statistics of the whole (downscaled) frame and a 1:1 crop of its centre. */
export interface FeedSample {
  /** Milliseconds, monotonic. */
  t: number;
  meanLuma: number;
  p98Luma: number;
  /** A crop at the camera's own resolution (no resampling, so sensor noise survives). */
  crop: GrayImage;
  /** Frames the video element has presented so far, when the browser says (requestVideoFrameCallback). */
  frameCount?: number;
}

export interface FeedHealthState {
  darkRun: number;
  /** The last two samples' crops differed: the feed is seen to be live. */
  changing: boolean;
  staticSince: number | null;
  lastCrop: GrayImage | null;
  /** Last presented-frame count seen, and when it last grew. */
  lastFrameCount: number;
  lastNewFrameAt: number | null;
  lastSampleAt: number | null;
  status: FeedStatus;
}

export const initialFeedHealth = (): FeedHealthState => ({
  darkRun: 0,
  changing: false,
  staticSince: null,
  lastCrop: null,
  lastFrameCount: 0,
  lastNewFrameAt: null,
  lastSampleAt: null,
  status: 'ok',
});

/** Mean and 98th percentile of a grey image's levels. */
export function lumaStats(img: GrayImage): { mean: number; p98: number } {
  const hist = new Uint32Array(256);
  let sum = 0;
  for (let i = 0; i < img.data.length; i++) {
    hist[img.data[i]!]!++;
    sum += img.data[i]!;
  }
  const n = img.data.length || 1;
  let seen = 0;
  let p98 = 255;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= 0.98 * n) {
      p98 = v;
      break;
    }
  }
  return { mean: sum / n, p98 };
}

/** How different two same-size crops are: mean absolute difference and the share of pixels that moved by more than 2 levels. */
export function frameDifference(a: GrayImage, b: GrayImage): { meanDiff: number; changedShare: number } {
  if (a.width !== b.width || a.height !== b.height) return { meanDiff: Infinity, changedShare: 1 };
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    sum += d;
    if (d > 2) changed++;
  }
  const n = a.data.length || 1;
  return { meanDiff: sum / n, changedShare: changed / n };
}

export function isBlackSample(s: Pick<FeedSample, 'meanLuma' | 'p98Luma'>, c: FeedHealthConfig = DEFAULT_FEED_HEALTH): boolean {
  return s.meanLuma < c.blackMeanLuma && s.p98Luma < c.blackP98Luma;
}

/** Fold one sample into the state; `status` is what to tell the clerk and whether capture is allowed ('ok' only). */
export function advanceFeedHealth(state: FeedHealthState, s: FeedSample, c: FeedHealthConfig = DEFAULT_FEED_HEALTH): FeedHealthState {
  const darkRun = isBlackSample(s, c) ? state.darkRun + 1 : 0;
  let staticSince: number | null = null;
  let changing = false;
  if (state.lastCrop) {
    const d = frameDifference(state.lastCrop, s.crop);
    if (d.meanDiff <= c.staticMeanDiff && d.changedShare <= c.staticChangedShare) staticSince = state.staticSince ?? s.t;
    else changing = true;
  }
  const count = s.frameCount ?? 0;
  const busyGap = state.lastSampleAt !== null && s.t - state.lastSampleAt > c.maxSampleGapMs;
  const lastNewFrameAt = count > state.lastFrameCount || busyGap ? s.t : state.lastNewFrameAt;
  const stalled = state.lastFrameCount > 0 && lastNewFrameAt !== null && s.t - lastNewFrameAt >= c.frozenMs;
  const frozen = stalled || (staticSince !== null && s.t - staticSince >= c.frozenMs);
  const status: FeedStatus = darkRun >= c.blackFrames ? 'black' : frozen ? 'frozen' : 'ok';
  return {
    darkRun,
    changing: changing && !stalled,
    staticSince,
    lastCrop: s.crop,
    lastFrameCount: Math.max(count, state.lastFrameCount),
    lastNewFrameAt,
    lastSampleAt: s.t,
    status,
  };
}
