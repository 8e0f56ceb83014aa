/** No frame can be had from the video right now (not playing yet, no picture): the caller tries again. */
export class FrameUnavailableError extends Error {}

/**
 * Frames of a live `<video>` for the face worker, drawn into one OffscreenCanvas that is kept for
 * the life of the grabber (resized only when the camera's resolution changes). Each frame leaves as
 * the canvas's own bitmap (`transferToImageBitmap`: no copy, no new surface per frame beyond the
 * one the canvas needs anyway), which the worker closes when it is done with it.
 *
 * Drawing from the element rather than `createImageBitmap(video)` also works while the preview is
 * out of view; a muted autoplay video that was mounted out of view is never started by Chromium, so
 * the grabber starts it itself and reports the frame as unavailable until it plays.
 */
export class FrameGrabber {
  private canvas: OffscreenCanvas | null = null;
  private ctx: OffscreenCanvasRenderingContext2D | null = null;

  grab(video: HTMLVideoElement): ImageBitmap {
    if (video.paused && video.srcObject) {
      startPlaying(video);
      throw new FrameUnavailableError('video not playing');
    }
    const { videoWidth: width, videoHeight: height } = video;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || width === 0 || height === 0)
      throw new FrameUnavailableError('no video frame yet');
    if (!this.canvas || !this.ctx) {
      this.canvas = new OffscreenCanvas(width, height);
      this.ctx = this.canvas.getContext('2d');
      if (!this.ctx) throw new FrameUnavailableError('no 2d context');
    } else if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.ctx.drawImage(video, 0, 0, width, height);
    return this.canvas.transferToImageBitmap();
  }
}

/** Start a preview that is not playing (a muted autoplay video mounted out of view stays paused in Chromium). */
export function startPlaying(video: HTMLVideoElement): void {
  video.play().catch((error: unknown) => console.warn('camera preview did not start', error));
}
