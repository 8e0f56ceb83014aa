import { createHash } from 'node:crypto';
import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { authorizationStatement } from '../../../../common/capture/signatureBinding';
import { intakeStatementRef } from '../../../../common/contract/methods/cases';
import { jpegWithExif, pngWithText } from '../../kernel/store/testing/images';

/**
 * A real, decodable baseline JPEG: one grey component of `width`×`height`, every 8×8 block flat
 * (DC difference 0, then end-of-block, each a one-bit Huffman code), with an EXIF segment that
 * the store must strip. Tests only: a camera frame's size without shipping a photo.
 */
export function greyJpeg(width = 640, height = 480, exif = 'GPS 29.56N 106.55E Canon EOS serial 12345'): Buffer {
  const seg = (marker: number, body: Buffer) => {
    const h = Buffer.from([0xff, marker, 0, 0]);
    h.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([h, body]);
  };
  const sof = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  const oneCode = (tableClass: number, symbol: number) => Buffer.from([tableClass, 1, ...new Array<number>(15).fill(0), symbol]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(exif)])),
    seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    seg(0xc0, sof),
    seg(0xc4, oneCode(0x00, 0)),
    seg(0xc4, oneCode(0x10, 0)),
    seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.alloc(Math.ceil((blocks * 2) / 8), 0),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A pad signature bound to the statement `signer` signs for this case (intake.authorize checks it). */
export function intakeSignature(
  caseId: string,
  signer: { name: string; idNumber: string; role?: 'member' | 'supporter' },
): SignatureCapture {
  const base = signatureCapture(signer.name);
  const png = Buffer.from(base.png.base64, 'base64');
  return {
    ...base,
    documentHash: createHash('sha256')
      .update(
        authorizationStatement({ name: signer.name, idNumber: signer.idNumber, role: signer.role ?? 'member' }, intakeStatementRef(caseId)),
        'utf8',
      )
      .digest('hex'),
    pngSha256: createHash('sha256').update(png).digest('hex'),
  };
}

/** The ID card's photo as the renderer sends it (PNG converted from the reader's BMP). */
export const cardPhoto = () => ({ pngBase64: pngWithText('Software\0card').toString('base64') });

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

/** A face capture as FaceCapture hands it over: a 640×480 camera frame, one face, live, nothing to match against. */
export function faceCapture(): FaceCapture {
  const jpeg = greyJpeg(640, 480);
  return {
    kind: 'face',
    capturedAt: '2026-02-12T09:11:00+08:00',
    mode: 'auto',
    image: { mime: 'image/jpeg', base64: jpeg.toString('base64'), bytes: jpeg.length, width: 640, height: 480 },
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
    pages: Array.from({ length: pages }, (_, index) => ({
      index,
      image,
      thumbnail: image,
      dpi: 150,
      colour: false,
      quality: 0.8,
      ssim: 0.95,
      quad: null,
      source: 'file' as const,
    })),
  };
}
