import { DOCUMENT_KIND_SPECS, isPhotoKind, PAGE_DPI, type DocumentKind } from '../../../../common/capture/documentKinds';
import { grayToRgba, toGray } from '../../../../common/capture/image/grayscale';
import { rectQuad } from '../../../../common/capture/image/homography';
import { stretchLevels } from '../../../../common/capture/image/levels';
import { deskewedSize } from '../../../../common/capture/image/pageSize';
import { findPageQuad } from '../../../../common/capture/image/quad';
import { ssim } from '../../../../common/capture/image/ssim';
import type { GrayImage } from '../../../../common/capture/image/types';
import { warpPerspective } from '../../../../common/capture/image/warp';
import type { DocumentPage } from '../../../../common/capture/schemas';
import { canvasFrom, encodeWithinBudget } from './encode';
import { processPhoto } from './processPhoto';

export class PageTooLargeError extends Error {
  readonly code = 'CAPTURE_PAGE_TOO_LARGE';
}

/** Resolutions tried in turn when a page does not fit its byte budget at 150 dpi. */
const DPI_STEPS = [PAGE_DPI, 120, 100];

/**
 * One camera frame (or imported scan) → one stored page: find the page, deskew it to its
 * paper's proportions at 150 dpi, grey or colour by document kind, then the highest WebP
 * quality within the kind's byte budget, and the SSIM of what was stored against the deskewed page.
 * A `photo` (现场照片) is no paper: it goes to processPhoto (colour, whole frame, aspect kept).
 */
export async function processPage(frame: ImageData, kind: DocumentKind, index: number, source: 'camera' | 'file'): Promise<DocumentPage> {
  if (isPhotoKind(kind)) return processPhoto(frame, index, source);
  const spec = DOCUMENT_KIND_SPECS[kind];
  const gray = toGray(frame);
  const detection = findPageQuad(gray);
  const quad = detection?.quad ?? rectQuad(frame.width, frame.height);
  for (const dpi of DPI_STEPS) {
    const size = deskewedSize(quad, spec.paper, dpi, detection ? { width: frame.width, height: frame.height } : undefined);
    let pixels: ImageData;
    let reference: GrayImage;
    if (spec.colour) {
      const warped = warpPerspective(frame, 4, quad, size.width, size.height);
      pixels = new ImageData(new Uint8ClampedArray(warped.data), warped.width, warped.height);
      reference = toGray(warped);
    } else {
      const warped = warpPerspective(gray, 1, quad, size.width, size.height);
      reference = stretchLevels({ width: warped.width, height: warped.height, data: warped.data });
      const rgba = grayToRgba(reference);
      pixels = new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height);
    }
    const canvas = canvasFrom(pixels);
    const encoded = await encodeWithinBudget(canvas, { maxBytes: spec.maxBytes, minQuality: 0.3, maxQuality: 0.92 });
    if (!encoded) continue;
    const score = ssim(reference, toGray(encoded.stored));
    return {
      index,
      image: encoded.image,
      thumbnail: encoded.thumbnail,
      dpi,
      colour: spec.colour,
      quality: encoded.quality,
      ssim: Math.round(score.ink * 10_000) / 10_000,
      quad: detection ? detection.quad.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 })) : null,
      source,
    };
  }
  throw new PageTooLargeError('page over budget at every resolution');
}
