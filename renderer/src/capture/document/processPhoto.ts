import { PHOTO_SPEC, photoSize } from '../../../../common/capture/documentKinds';
import { toGray } from '../../../../common/capture/image/grayscale';
import { ssim } from '../../../../common/capture/image/ssim';
import type { DocumentPage } from '../../../../common/capture/schemas';
import { canvasFrom, encodeWithinBudget } from './encode';

export class PhotoTooLargeError extends Error {
  readonly code = 'CAPTURE_PAGE_TOO_LARGE';
}

/** Draw `source` at `width`×`height` with the browser's high-quality resampling. */
function scaled(source: HTMLCanvasElement, width: number, height: number): HTMLCanvasElement {
  if (width === source.width && height === source.height) return source;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  return out;
}

/**
 * One camera frame (or imported picture) → one stored 现场照片: the whole frame in colour, no page
 * finding, levels or warp; downscaled (aspect kept) to the first long edge whose highest WebP
 * quality fits the byte budget; SSIM (mean over the picture) of the stored copy against the scaled one.
 */
export async function processPhoto(frame: ImageData, index: number, source: 'camera' | 'file'): Promise<DocumentPage> {
  const full = canvasFrom(frame);
  for (const longEdge of PHOTO_SPEC.longEdges) {
    const size = photoSize(frame.width, frame.height, longEdge);
    const canvas = scaled(full, size.width, size.height);
    const encoded = await encodeWithinBudget(canvas, { maxBytes: PHOTO_SPEC.maxBytes, minQuality: 0.4, maxQuality: 0.85 });
    if (!encoded) continue;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    const score = ssim(toGray(ctx.getImageData(0, 0, canvas.width, canvas.height)), toGray(encoded.stored));
    return {
      index,
      image: encoded.image,
      thumbnail: encoded.thumbnail,
      dpi: PHOTO_SPEC.dpi,
      colour: true,
      quality: encoded.quality,
      ssim: Math.round(score.mean * 10_000) / 10_000,
      quad: null,
      source,
    };
  }
  throw new PhotoTooLargeError('photo over budget at every size');
}
