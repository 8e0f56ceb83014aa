import { bytesToBase64 } from '../../../../common/capture/base64';
import { searchQuality } from '../../../../common/capture/compression';
import { PHOTO_SPEC, photoSize } from '../../../../common/capture/documentKinds';
import { toGray } from '../../../../common/capture/image/grayscale';
import { ssim } from '../../../../common/capture/image/ssim';
import type { DocumentPage } from '../../../../common/capture/schemas';
import { blobBytes, canvasFrom, decode, pageMime, thumbnail, toBlob } from './encode';

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
    const mime = await pageMime(canvas);
    const search = await searchQuality(
      async (q) => {
        const blob = await toBlob(canvas, mime, q);
        return { bytes: blob.size, output: blob };
      },
      { maxBytes: PHOTO_SPEC.maxBytes, minQuality: 0.4, maxQuality: 0.85, steps: 4 },
    );
    if (!search.fits) continue;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    const reference = toGray(ctx.getImageData(0, 0, canvas.width, canvas.height));
    const score = ssim(reference, toGray(await decode(search.output)));
    const bytes = await blobBytes(search.output);
    const thumb = await thumbnail(canvas);
    const thumbBytes = await blobBytes(thumb.blob);
    return {
      index,
      image: { mime, base64: bytesToBase64(bytes), bytes: bytes.length, width: size.width, height: size.height },
      thumbnail: { mime: 'image/jpeg', base64: bytesToBase64(thumbBytes), bytes: thumbBytes.length, width: thumb.width, height: thumb.height },
      dpi: PHOTO_SPEC.dpi,
      colour: true,
      quality: search.quality,
      ssim: Math.round(score.mean * 10_000) / 10_000,
      quad: null,
      source,
    };
  }
  throw new PhotoTooLargeError('photo over budget at every size');
}
