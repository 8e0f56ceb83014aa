import { useEffect, useRef, useState, type RefObject } from 'react';
import { advanceFeedHealth, initialFeedHealth, lumaStats, type FeedStatus } from '../../../../common/capture/feedHealth';
import { toGray } from '../../../../common/capture/image/grayscale';
import { grabImageData } from './VideoPreview';

/** How often the feed is looked at, and the side of the 1:1 centre crop compared frame to frame. */
const EVERY_MS = 250;
const CROP = 128;
/** How recent a change must be for `changing`: a few looks, so one late timer tick (two looks at the same camera frame) does not count as static. */
const CHANGED_MS = 1000;

export interface FeedHealth {
  status: FeedStatus;
  /** The same status for loops that must not wait for a render (the face gate). */
  current: RefObject<FeedStatus>;
  /**
   * The picture was seen to change (a live sensor's noise is enough) within the last CHANGED_MS.
   * False at first and in any static run: an automatic capture waits for it, so a frozen feed
   * cannot be captured in the seconds before it is called frozen.
   */
  changing: RefObject<boolean>;
}

/**
 * Watch a live preview for a black or frozen feed (common/capture/feedHealth.ts) while `active`.
 * Costs a 96 px copy and a 128×128 crop at the camera's own resolution four times a second.
 */
export function useFeedHealth(video: RefObject<HTMLVideoElement | null>, active: boolean): FeedHealth {
  const [status, setStatus] = useState<FeedStatus>('ok');
  const current = useRef<FeedStatus>('ok');
  const changing = useRef(false);

  useEffect(() => {
    current.current = 'ok';
    changing.current = false;
    setStatus('ok');
    if (!active) return;
    let state = initialFeedHealth();
    let changedAt = -Infinity;
    const canvas = document.createElement('canvas');
    // Presented frames, where the browser reports them: a stalled camera stops this count.
    let frames = 0;
    let callback: number | null = null;
    const counted = video.current;
    const count = () => {
      frames++;
      if (counted) callback = counted.requestVideoFrameCallback(count);
    };
    if (counted && 'requestVideoFrameCallback' in counted) callback = counted.requestVideoFrameCallback(count);
    const timer = window.setInterval(() => {
      const v = video.current;
      if (!v || v.readyState < 2 || v.videoWidth === 0) return;
      const { mean, p98 } = lumaStats(toGray(grabImageData(v, 96)));
      const w = Math.min(CROP, v.videoWidth);
      const h = Math.min(CROP, v.videoHeight);
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, Math.floor((v.videoWidth - w) / 2), Math.floor((v.videoHeight - h) / 2), w, h, 0, 0, w, h);
      const crop = toGray(ctx.getImageData(0, 0, w, h));
      const now = performance.now();
      state = advanceFeedHealth(state, { t: now, meanLuma: mean, p98Luma: p98, crop, frameCount: frames });
      if (state.changing) changedAt = now;
      changing.current = state.status === 'ok' && now - changedAt < CHANGED_MS;
      if (state.status !== current.current) {
        current.current = state.status;
        setStatus(state.status);
      }
    }, EVERY_MS);
    return () => {
      window.clearInterval(timer);
      changing.current = false;
      if (counted && callback !== null) counted.cancelVideoFrameCallback(callback);
    };
  }, [video, active]);

  return { status, current, changing };
}
