import { z } from 'zod';
import { sha256HexSchema } from './primitives';

/**
 * The intake's own sync records (docs/sync-protocol.md §5.6): one signer's authorization
 * (`case.authorization`, pad or paper) and a paper added to a case after it was submitted
 * (`case.amendment`). Both only add to a case: neither carries a `baseVersion`, neither replaces
 * anything the platform holds. Their blobs travel like any record's (the hashes in `blobs`).
 */

const verdict = z.enum(['pass', 'review', 'fail']);
const idNumber = z.string().regex(/^\d{17}[\dX]$/);
const at = z.string().min(1).max(40);

/** The face check as the workstation's core judged it (its verdict from the scores with the county thresholds). */
export const authorizationFaceSchema = z.object({
  sha256: sha256HexSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  verdict,
  /** What the capture component claimed; kept beside core's verdict. */
  claimedVerdict: verdict,
  mode: z.enum(['auto', 'manual']),
  manualReason: z.string().max(200).nullable(),
  match: z.object({ score: z.number().min(0).max(1).nullable(), verdict: z.enum(['pass', 'review', 'fail', 'notApplicable']) }),
  liveness: z.object({ antispoof: z.number().min(0).max(1).nullable(), liveness: z.number().min(0).max(1).nullable(), verdict }),
  thresholds: z.object({ matchPass: z.number(), matchReview: z.number(), livePass: z.number(), liveReview: z.number() }),
  /** Matched against the card's photo, or the record says none was available. */
  cardPhoto: z.enum(['matched', 'unavailable']),
  cardPhotoSha256: sha256HexSchema.nullable(),
  engine: z.object({ library: z.string().max(60), version: z.string().max(30), backend: z.string().max(30) }),
});
export type AuthorizationFace = z.infer<typeof authorizationFaceSchema>;

export const caseAuthorizationBodySchema = z
  .object({
    authorizationId: z.string().min(1).max(64),
    caseId: z.string().min(1).max(64),
    caseNo: z.string().max(40).nullable(),
    signer: z.object({ idNumber, name: z.string().min(1).max(40), role: z.enum(['member', 'supporter']) }),
    route: z.enum(['pad', 'paper']),
    paper: z
      .object({
        reason: z.enum(['elderly', 'disabled', 'no_pad', 'other']),
        note: z.string().max(200).nullable(),
        scanSha256: z.array(sha256HexSchema).min(1).max(20),
        formRequestId: z.string().min(1).max(64),
        formSha256: sha256HexSchema,
      })
      .nullable(),
    /** The statement signed: its version and SHA-256 (common/capture/signatureBinding.ts). */
    statement: z.object({ version: z.number().int().positive(), sha256: sha256HexSchema }),
    /** The pad's PNG (pad route; null on paper): the stored blob's hash and the hash the pad gave for the image it drew. */
    signature: z.object({ sha256: sha256HexSchema, padSha256: sha256HexSchema }).nullable(),
    face: authorizationFaceSchema.nullable(),
    /** Whether the county required a face of this signer when it was recorded. */
    faceRequired: z.boolean(),
    /** When the signer signed (the capture's time), and when the workstation queued this record. */
    signedAt: at,
    recordedAt: at,
    /** Added after submission: the amendment number on the case; null when recorded in the draft. */
    amendment: z.number().int().positive().nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.route === 'pad' && (b.signature === null || b.paper !== null))
      ctx.addIssue({ code: 'custom', path: ['signature'], message: 'a pad authorization has its signature and no paper' });
    if (b.route === 'paper' && b.paper === null)
      ctx.addIssue({ code: 'custom', path: ['paper'], message: 'a paper authorization has its scan' });
    if (b.face?.verdict === 'fail')
      ctx.addIssue({ code: 'custom', path: ['face', 'verdict'], message: 'a failed face check does not authorize' });
    if (b.faceRequired && b.face === null) ctx.addIssue({ code: 'custom', path: ['face'], message: 'the face was required' });
  });
export type CaseAuthorizationBody = z.infer<typeof caseAuthorizationBodySchema>;

/** The blobs a `case.authorization` record names: signature or scan pages, face photo, card photo. */
export function authorizationBlobs(b: CaseAuthorizationBody): string[] {
  const all = [
    ...(b.signature ? [b.signature.sha256] : []),
    ...(b.paper?.scanSha256 ?? []),
    ...(b.face ? [b.face.sha256] : []),
    ...(b.face?.cardPhotoSha256 ? [b.face.cardPhotoSha256] : []),
  ];
  return [...new Set(all)];
}

export const caseAmendmentBodySchema = z.object({
  caseId: z.string().min(1).max(64),
  caseNo: z.string().max(40).nullable(),
  /** 1, 2, … per case: the order in which papers were added after submission. */
  amendment: z.number().int().positive(),
  /** The case's state and version when the paper was added (an amendment does not change either). */
  state: z.string().min(1).max(40),
  caseVersion: z.number().int().nonnegative(),
  at,
  material: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
    pages: z
      .array(
        z.object({
          sha256: sha256HexSchema,
          page: z.number().int().nonnegative().max(9999),
          size: z.number().int().positive(),
          contentType: z.string().min(1).max(100),
        }),
      )
      .min(1)
      .max(40),
  }),
});
export type CaseAmendmentBody = z.infer<typeof caseAmendmentBodySchema>;

export const CASE_AUTHORIZATION_KIND = 'case.authorization';
export const CASE_AMENDMENT_KIND = 'case.amendment';
