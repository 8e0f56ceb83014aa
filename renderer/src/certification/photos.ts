import { base64ToBytes, bytesToBase64 } from '../../../common/capture/base64';

/** A base64 image as a Blob, for the face worker's reference photo. */
export function blobOf(base64: string, mime: string): Blob {
  return new Blob([base64ToBytes(base64) as BlobPart], { type: mime });
}

/**
 * The reader's BMP (102 × 126, decoded by the vendor library) as PNG base64: the attachment store
 * keeps JPEG, PNG and WebP, so the card photo a check was matched against is stored as PNG.
 */
export async function bmpToPngBase64(bmp: Blob): Promise<string> {
  const bitmap = await createImageBitmap(bmp);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2d canvas unavailable');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  return bytesToBase64(new Uint8Array(await png.arrayBuffer()));
}
