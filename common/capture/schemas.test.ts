import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { documentCaptureSchema, faceCaptureSchema, signatureCaptureSchema } from './schemas';

const img = (mime: string) => ({ mime, base64: bytesToBase64(Uint8Array.from([1, 2, 3, 4])), bytes: 4, width: 2, height: 2 });
const face = {
  kind: 'face',
  capturedAt: '2025-03-01T09:30:00.000+08:00',
  mode: 'auto',
  image: img('image/jpeg'),
  quality: { faceCount: 1, faceRatio: 0.4, offCenter: 0, yaw: 0, pitch: 0, roll: 0, brightness: 120, sharpness: 90, score: 0.9 },
  issues: [],
  match: { score: 0.7, pass: 0.55, review: 0.45, verdict: 'pass' },
  liveness: { antispoof: 0.9, liveness: 0.8, pass: 0.5, verdict: 'pass' },
  verdict: 'pass',
  engine: { library: '@vladmandic/human', version: '3.3.6', backend: 'cpu' },
};

describe('capture result schemas', () => {
  it('round-trips bytes through base64', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(Uint8Array.from([1, 2, 3, 4, 5]))).toBe('AQIDBAU=');
    expect(bytesToBase64(Uint8Array.from([255]))).toBe('/w==');
    for (const n of [0, 1, 2, 3, 4, 5, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      const text = bytesToBase64(bytes);
      expect([...base64ToBytes(text)]).toEqual([...bytes]);
    }
  });

  it('accepts an automatic face capture and demands a reason for a manual one', () => {
    expect(faceCaptureSchema.safeParse(face).success).toBe(true);
    expect(faceCaptureSchema.safeParse({ ...face, mode: 'manual' }).success).toBe(false);
    expect(faceCaptureSchema.safeParse({ ...face, mode: 'manual', manualReason: '申请人戴眼镜，无法摘下' }).success).toBe(true);
    expect(faceCaptureSchema.safeParse({ ...face, image: img('image/png') }).success).toBe(false);
  });

  it('refuses a document without pages and a signature without strokes', () => {
    expect(
      documentCaptureSchema.safeParse({ kind: 'document', documentKind: 'hukou', capturedAt: face.capturedAt, pages: [] }).success,
    ).toBe(false);
    const sig = {
      kind: 'signature',
      capturedAt: face.capturedAt,
      png: img('image/png'),
      dpi: 200,
      pad: { width: 600, height: 200 },
      pointerType: 'pen',
      strokes: [],
    };
    expect(signatureCaptureSchema.safeParse(sig).success).toBe(false);
    expect(signatureCaptureSchema.safeParse({ ...sig, strokes: [[{ x: 1, y: 2, pressure: 0.4, t: 0 }]] }).success).toBe(true);
  });
});
