/** Canvas encoders: the one place the renderer turns pixels into JPEG/WebP/PNG bytes. */
import { bytesToBase64 } from '../../../../common/capture/base64';
import { searchQuality } from '../../../../common/capture/compression';
import type { DocumentPage } from '../../../../common/capture/schemas';

export function canvasFrom(image: ImageData): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.putImageData(image, 0, 0);
  return canvas;
}

export function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`encode ${type} failed`))), type, quality),
  );
}

/** WebP when the engine can write it (Chromium can), else JPEG. */
export async function pageMime(canvas: HTMLCanvasElement): Promise<'image/webp' | 'image/jpeg'> {
  const probe = await toBlob(canvas, 'image/webp', 0.5);
  return probe.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
}

/** Decode image bytes back to pixels (to measure what was really stored). */
export async function decode(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** A small JPEG preview, `width` pixels wide. */
export async function thumbnail(canvas: HTMLCanvasElement, width = 160): Promise<{ blob: Blob; width: number; height: number }> {
  const height = Math.max(1, Math.round((canvas.height * width) / canvas.width));
  const small = document.createElement('canvas');
  small.width = width;
  small.height = height;
  const ctx = small.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(canvas, 0, 0, width, height);
  return { blob: await toBlob(small, 'image/jpeg', 0.75), width, height };
}

export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** A canvas encoded at the highest quality within a byte budget: the stored image, its thumbnail, the decoded copy. */
export interface BudgetedImage {
  image: DocumentPage['image'];
  thumbnail: DocumentPage['thumbnail'];
  quality: number;
  /** What was really stored, decoded again (to measure its fidelity). */
  stored: ImageData;
}

/** Encode `canvas` (WebP where possible) at the highest quality in the range that fits `maxBytes`; null when none does. */
export async function encodeWithinBudget(
  canvas: HTMLCanvasElement,
  range: { maxBytes: number; minQuality: number; maxQuality: number },
): Promise<BudgetedImage | null> {
  const mime = await pageMime(canvas);
  const search = await searchQuality(
    async (q) => {
      const blob = await toBlob(canvas, mime, q);
      return { bytes: blob.size, output: blob };
    },
    { ...range, steps: 4 },
  );
  if (!search.fits) return null;
  const bytes = await blobBytes(search.output);
  const thumb = await thumbnail(canvas);
  const thumbBytes = await blobBytes(thumb.blob);
  return {
    image: { mime, base64: bytesToBase64(bytes), bytes: bytes.length, width: canvas.width, height: canvas.height },
    thumbnail: {
      mime: 'image/jpeg',
      base64: bytesToBase64(thumbBytes),
      bytes: thumbBytes.length,
      width: thumb.width,
      height: thumb.height,
    },
    quality: search.quality,
    stored: await decode(search.output),
  };
}
