import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { jpegWithExif, pngWithText } from '../../store/test-support/images';

/** Capture results as the renderer's components hand them over, with small real images (tests only). */
export function signatureCapture(signer = 'signer'): SignatureCapture {
  const png = pngWithText('Software\0test');
  return {
    kind: 'signature',
    capturedAt: '2026-02-12T09:10:00+08:00',
    signer,
    png: { mime: 'image/png', base64: png.toString('base64'), bytes: png.length, width: 1, height: 1 },
    dpi: 200,
    pad: { width: 640, height: 240 },
    pointerType: 'mouse',
    strokes: [
      [
        { x: 10, y: 10, pressure: 0.5, t: 0 },
        { x: 200, y: 80, pressure: 0.5, t: 120 },
      ],
    ],
  };
}

export function faceCapture(): FaceCapture {
  const jpeg = jpegWithExif();
  return {
    kind: 'face',
    capturedAt: '2026-02-12T09:11:00+08:00',
    mode: 'auto',
    image: { mime: 'image/jpeg', base64: jpeg.toString('base64'), bytes: jpeg.length, width: 1, height: 1 },
    quality: { faceCount: 1, faceRatio: 0.3, offCenter: 0, yaw: 0, pitch: 0, roll: 0, brightness: 0.5, sharpness: 0.5, score: 0.9 },
    issues: [],
    match: { score: null, pass: 0.6, review: 0.45, verdict: 'notApplicable' },
    liveness: { antispoof: 0.9, liveness: 0.9, pass: 0.5, verdict: 'pass' },
    verdict: 'pass',
    engine: { library: 'test', version: '0', backend: 'cpu' },
  };
}

export function documentCapture(pages = 1): DocumentCapture {
  const jpeg = jpegWithExif('scan');
  const image = { mime: 'image/jpeg' as const, base64: jpeg.toString('base64'), bytes: jpeg.length, width: 1, height: 1 };
  return {
    kind: 'document',
    documentKind: 'other',
    capturedAt: '2026-02-12T09:12:00+08:00',
    pages: Array.from({ length: pages }, (_, index) => ({ index, image, thumbnail: image, dpi: 150, colour: false, quality: 0.8, ssim: 0.95, quad: null, source: 'file' as const })),
  };
}
