import { z } from 'zod';
import { DOCUMENT_KINDS } from './documentKinds';
import { FACE_ISSUES } from './faceQuality';

/**
 * What the capture components hand to `onCaptured`. Bytes travel as base64 so a result crosses
 * every shell's envelope (IPC, HTTP JSON) unchanged when the store takes them.
 */

const base64 = z.base64();
const verdict = z.enum(['pass', 'review', 'fail']);

export const encodedImageSchema = z.object({
  mime: z.enum(['image/jpeg', 'image/webp', 'image/png']),
  base64,
  /** Length of the decoded bytes. */
  bytes: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type EncodedImage = z.infer<typeof encodedImageSchema>;

export const faceQualitySchema = z.object({
  faceCount: z.number().int().nonnegative(),
  faceRatio: z.number(),
  offCenter: z.number(),
  yaw: z.number(),
  pitch: z.number(),
  roll: z.number(),
  brightness: z.number(),
  sharpness: z.number(),
  score: z.number(),
});

export const faceCaptureSchema = z
  .object({
    kind: z.literal('face'),
    capturedAt: z.iso.datetime({ offset: true }),
    mode: z.enum(['auto', 'manual']),
    /** Required for a manual capture: why the clerk overrode the gate. */
    manualReason: z.string().trim().min(2).max(200).optional(),
    image: encodedImageSchema.extend({ mime: z.literal('image/jpeg') }),
    quality: faceQualitySchema,
    /** Gate issues still present at capture (empty for an automatic capture). */
    issues: z.array(z.enum(FACE_ISSUES)),
    match: z.object({
      /** Similarity to the reference photo, 0–1; null without a reference or without a face in it. */
      score: z.number().min(0).max(1).nullable(),
      pass: z.number(),
      review: z.number(),
      verdict: z.enum(['pass', 'review', 'fail', 'notApplicable']),
    }),
    liveness: z.object({
      antispoof: z.number().min(0).max(1).nullable(),
      liveness: z.number().min(0).max(1).nullable(),
      pass: z.number(),
      verdict,
    }),
    verdict,
    engine: z.object({ library: z.string(), version: z.string(), backend: z.string() }),
  })
  .refine((c) => c.mode === 'auto' || (c.manualReason?.length ?? 0) >= 2, {
    message: 'manual capture needs a reason',
    path: ['manualReason'],
  });
export type FaceCapture = z.infer<typeof faceCaptureSchema>;

export const quadSchema = z.array(z.object({ x: z.number(), y: z.number() })).length(4);

export const documentPageSchema = z.object({
  index: z.number().int().nonnegative(),
  image: encodedImageSchema.extend({ mime: z.enum(['image/webp', 'image/jpeg']) }),
  thumbnail: encodedImageSchema,
  dpi: z.number().int().positive(),
  colour: z.boolean(),
  /** Encoder quality chosen by the size search. */
  quality: z.number().min(0).max(1),
  /** SSIM (ink windows) of the compressed page against the deskewed original. */
  ssim: z.number().min(-1).max(1),
  /** Page corners in the camera frame; null when no page edge was found and the whole frame was kept. */
  quad: quadSchema.nullable(),
  source: z.enum(['camera', 'file']),
});
export type DocumentPage = z.infer<typeof documentPageSchema>;

export const documentCaptureSchema = z.object({
  kind: z.literal('document'),
  documentKind: z.enum(DOCUMENT_KINDS),
  capturedAt: z.iso.datetime({ offset: true }),
  pages: z.array(documentPageSchema).min(1),
});
export type DocumentCapture = z.infer<typeof documentCaptureSchema>;

export const strokePointSchema = z.object({
  x: z.number(),
  y: z.number(),
  pressure: z.number().min(0).max(1),
  t: z.number().nonnegative(),
});

export const signatureCaptureSchema = z
  .object({
    kind: z.literal('signature'),
    capturedAt: z.iso.datetime({ offset: true }),
    /** Who signs and what (the signed document's SHA-256), when the caller knows them. */
    signer: z.string().optional(),
    documentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** SHA-256 of the PNG's bytes: ties the image to signer, document and time in the stored record. */
    pngSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    png: encodedImageSchema.extend({ mime: z.literal('image/png') }),
    dpi: z.number().int().positive(),
    /** Pad size in CSS pixels; stroke coordinates are in this space. */
    pad: z.object({ width: z.number().positive(), height: z.number().positive() }),
    pointerType: z.string(),
    strokes: z.array(z.array(strokePointSchema).min(1)).min(1),
  })
  .superRefine((v, ctx) => {
    // A signature bound to a document must say who signed it and carry the image's own hash.
    if (v.documentHash === undefined) return;
    if (!v.signer?.trim()) ctx.addIssue({ code: 'custom', path: ['signer'], message: 'a signature bound to a document needs its signer' });
    if (!v.pngSha256) ctx.addIssue({ code: 'custom', path: ['pngSha256'], message: 'a signature bound to a document needs the PNG hash' });
  });
export type SignatureCapture = z.infer<typeof signatureCaptureSchema>;

export const captureResultSchema = z.union([faceCaptureSchema, documentCaptureSchema, signatureCaptureSchema]);
export type CaptureResult = z.infer<typeof captureResultSchema>;
