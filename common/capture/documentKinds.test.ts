import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, isPhotoKind, kindIsColour, PAGE_KINDS, PHOTO_SPEC, photoSize } from './documentKinds';
import { documentCaptureSchema } from './schemas';

describe('photo kind (现场照片)', () => {
  it('is a document kind but not a paper kind, and always colour', () => {
    expect(DOCUMENT_KINDS).toContain('photo');
    expect(PAGE_KINDS).not.toContain('photo');
    expect(isPhotoKind('photo')).toBe(true);
    expect(isPhotoKind('other')).toBe(false);
    expect(kindIsColour('photo')).toBe(true);
    expect(kindIsColour('incomeProof')).toBe(false);
  });

  it('keeps the aspect ratio, brings the long edge down to the limit and never enlarges', () => {
    expect(photoSize(1920, 1080, 1600)).toEqual({ width: 1600, height: 900 });
    expect(photoSize(1440, 1920, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(photoSize(4000, 3000, 1280)).toEqual({ width: 1280, height: 960 });
    expect(photoSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(PHOTO_SPEC.longEdges[0]).toBe(1600);
  });

  it('a capture of kind photo passes the document capture schema', () => {
    const page = {
      index: 0,
      image: { mime: 'image/webp', base64: 'AAAA', bytes: 3, width: 1600, height: 900 },
      thumbnail: { mime: 'image/jpeg', base64: 'AAAA', bytes: 3, width: 160, height: 90 },
      dpi: PHOTO_SPEC.dpi,
      colour: true,
      quality: 0.85,
      ssim: 0.97,
      quad: null,
      source: 'file',
    };
    expect(
      documentCaptureSchema.safeParse({ kind: 'document', documentKind: 'photo', capturedAt: '2026-11-29T10:00:00Z', pages: [page] })
        .success,
    ).toBe(true);
  });
});
