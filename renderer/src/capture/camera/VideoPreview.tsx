import { forwardRef, useEffect, useImperativeHandle, useRef, type ReactNode } from 'react';
import { startPlaying } from './frameGrabber';

export interface VideoPreviewProps {
  stream: MediaStream | null;
  /** Drawn over the video, in the video's own pixel coordinates. */
  overlay?: ReactNode;
  frameWidth?: number;
  frameHeight?: number;
  mirrored?: boolean;
  testId?: string;
}

/** A live camera preview with an SVG overlay that lines up with the video's pixels (object-fit: contain). */
export const VideoPreview = forwardRef<HTMLVideoElement | null, VideoPreviewProps>(function VideoPreview(
  { stream, overlay, frameWidth = 640, frameHeight = 480, mirrored = false, testId },
  ref,
) {
  const video = useRef<HTMLVideoElement>(null);
  useImperativeHandle(ref, () => video.current as HTMLVideoElement);
  useEffect(() => {
    const v = video.current;
    if (!v || v.srcObject === stream) return;
    v.srcObject = stream;
    // Started here, not only by `autoPlay`: Chromium never starts a muted autoplay video mounted out of view.
    if (stream) startPlaying(v);
  }, [stream]);
  const flip = mirrored ? { transform: 'scaleX(-1)' } : undefined;
  return (
    <div
      style={{
        position: 'relative',
        width: '100%',
        aspectRatio: `${frameWidth} / ${frameHeight}`,
        background: '#000',
        borderRadius: 8,
        overflow: 'hidden',
      }}
    >
      <video
        ref={video}
        data-testid={testId}
        autoPlay
        muted
        playsInline
        style={{ width: '100%', height: '100%', objectFit: 'contain', ...flip }}
      />
      {overlay ? (
        <svg
          viewBox={`0 0 ${frameWidth} ${frameHeight}`}
          preserveAspectRatio="xMidYMid meet"
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none', ...flip }}
        >
          {overlay}
        </svg>
      ) : null}
    </div>
  );
});

/** Grab the current frame as ImageData, optionally scaled so the longer side is at most `maxSide`. */
export function grabImageData(video: HTMLVideoElement, maxSide = Infinity): ImageData {
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.max(1, Math.round(video.videoWidth * scale));
  const height = Math.max(1, Math.round(video.videoHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(video, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}
