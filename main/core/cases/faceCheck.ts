import { JiuzhuError } from '../../../common/contract/errors';
import {
  decideLiveness,
  decideMatch,
  overallVerdict,
  DEFAULT_FACE_DECISION,
  type FaceDecisionConfig,
  type MatchVerdict,
  type Verdict,
} from '../../../common/capture/faceVerdict';
import type { FaceCapture } from '../../../common/capture/schemas';

/** A face photo core accepts: at least 160 px a side (smaller holds no face the match model can use), at most 4K. */
export const FACE_FRAME = { minWidth: 160, minHeight: 160, maxWidth: 4096, maxHeight: 4096 } as const;

/** Core's judgement of one face capture at authorization (main/core/cases/README.md, "Face at authorization"). */
export interface FaceCheck {
  verdict: Verdict;
  claimedVerdict: Verdict;
  match: { score: number | null; verdict: MatchVerdict };
  liveness: { antispoof: number | null; liveness: number | null; verdict: Verdict };
  thresholds: FaceDecisionConfig;
  width: number;
  height: number;
}

/**
 * Width and height from a JPEG's start-of-frame segment, walking the segments as the attachment
 * store does; null when the bytes are not a JPEG with a frame header before the image data.
 */
export function jpegFrameSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    let marker = b[i + 1]!;
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1]!;
    if (marker === 0xd9 || marker === 0xda) return null;
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return null;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (len < 7) return null;
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

/**
 * What core can check of a face capture without running the face model (which runs in the
 * renderer's worker): the bytes are a JPEG whose frame header says the size the capture claims,
 * a camera frame's size, and the capture says exactly one face; the verdict is recomputed from
 * the scores with the thresholds given here, never taken from the capture (a manual capture is
 * never better than review). Throws CASE_FACE_IMAGE_INVALID / CASE_FACE_NOT_ONE; the caller
 * decides what a `fail` means for its signer.
 */
export function checkFace(face: FaceCapture, cardMatched: boolean, thresholds: FaceDecisionConfig = DEFAULT_FACE_DECISION): FaceCheck {
  const bytes = Buffer.from(face.image.base64, 'base64');
  const size = jpegFrameSize(bytes);
  const ok =
    size !== null &&
    bytes.length === face.image.bytes &&
    size.width === face.image.width &&
    size.height === face.image.height &&
    size.width >= FACE_FRAME.minWidth &&
    size.height >= FACE_FRAME.minHeight &&
    size.width <= FACE_FRAME.maxWidth &&
    size.height <= FACE_FRAME.maxHeight;
  if (!ok || !size) throw new JiuzhuError('CASE_FACE_IMAGE_INVALID', { size: size ? `${size.width}×${size.height}` : '—' });
  if (face.quality.faceCount !== 1) throw new JiuzhuError('CASE_FACE_NOT_ONE', { count: String(face.quality.faceCount) });
  // Without the card's photo there is nothing to match: a similarity the client sends anyway does not count.
  const match = cardMatched ? decideMatch(face.match.score, thresholds) : 'notApplicable';
  const liveness = decideLiveness(face.liveness.antispoof, face.liveness.liveness, thresholds);
  return {
    verdict: overallVerdict(match, liveness, face.mode === 'manual'),
    claimedVerdict: face.verdict,
    match: { score: cardMatched ? face.match.score : null, verdict: match },
    liveness: { antispoof: face.liveness.antispoof, liveness: face.liveness.liveness, verdict: liveness },
    thresholds,
    width: size.width,
    height: size.height,
  };
}
