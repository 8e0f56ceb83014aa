import type { FaceCapture } from '../../../../common/capture/schemas';
import { blobOf, bmpToPngBase64 } from '../../certification/photos';

/**
 * The card photos of this intake, by ID number: the BMP the reader's vendor decoder made when the
 * person's card was read (kept in memory only; a resumed draft has none, and the record then says
 * the face was not matched against the card).
 */
export type CardPhotos = Readonly<Record<string, string>>;

/** Keep (or forget) the photo of one card read. */
export function withCardPhoto(photos: CardPhotos, idNumber: string, bmpBase64: string | undefined): CardPhotos {
  if (bmpBase64) return { ...photos, [idNumber]: bmpBase64 };
  if (!(idNumber in photos)) return photos;
  return Object.fromEntries(Object.entries(photos).filter(([id]) => id !== idNumber));
}

/** The reference photo FaceCapture matches against. */
export const cardReference = (bmpBase64: string | undefined): Blob | null => (bmpBase64 ? blobOf(bmpBase64, 'image/bmp') : null);

/**
 * What the face was matched against, as core takes it (`cardPhoto`): the card photo as PNG, only
 * when the match really ran (a similarity was computed). A card photo with no face in it, or no
 * card photo, sends null and core records the check as not matched.
 */
export async function cardPhotoInput(bmpBase64: string | undefined, face: FaceCapture | null): Promise<{ pngBase64: string } | null> {
  if (!bmpBase64 || !face || face.match.score === null) return null;
  return { pngBase64: await bmpToPngBase64(blobOf(bmpBase64, 'image/bmp')) };
}

/** How the face stands against the card, for the clerk. */
export function cardPhotoState(bmpBase64: string | undefined, face: FaceCapture | null): 'unavailable' | 'ready' | 'noFace' | 'matched' {
  if (!bmpBase64) return 'unavailable';
  if (!face) return 'ready';
  return face.match.score === null ? 'noFace' : 'matched';
}
