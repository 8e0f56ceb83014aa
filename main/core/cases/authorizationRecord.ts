import { AUTHORIZATION_STATEMENT_VERSION } from '../../../common/capture/signatureBinding';
import { authorizationBlobs, caseAuthorizationBodySchema, type CaseAuthorizationBody } from '../../../common/sync/intakeRecords';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { AuthorizationRow, CaseRow } from './caseRepo';

interface StoredFaceCheck {
  verdict: 'pass' | 'review' | 'fail';
  claimedVerdict: 'pass' | 'review' | 'fail';
  match: { score: number | null; verdict: 'pass' | 'review' | 'fail' | 'notApplicable' };
  liveness: { antispoof: number | null; liveness: number | null; verdict: 'pass' | 'review' | 'fail' };
  thresholds: { matchPass: number; matchReview: number; livePass: number; liveReview: number };
  width: number;
  height: number;
  sha256: string;
  mode: 'auto' | 'manual';
  manualReason: string | null;
  cardPhoto: 'matched' | 'unavailable';
  cardPhotoSha256: string | null;
  engine: { library: string; version: string; backend: string };
}

interface StoredPaper {
  reason: 'elderly' | 'disabled' | 'no_pad' | 'other';
  note: string | null;
  scanIds: string[];
  scanSha256: string[];
  formRequestId: string;
  formSha256: string;
}

export const storedFaceCheck = (a: AuthorizationRow): StoredFaceCheck | null =>
  a.face_check ? (JSON.parse(a.face_check) as StoredFaceCheck) : null;
export const storedPaper = (a: AuthorizationRow): StoredPaper | null => (a.paper ? (JSON.parse(a.paper) as StoredPaper) : null);

/**
 * The body of a `case.authorization` record (common/sync/intakeRecords.ts), parsed by its schema
 * before it is queued so a record the platform would refuse is never written; `blobs` names the
 * signature or scan pages, the face photo and the card photo by the hashes of the stored bytes.
 */
export function authorizationRecord(
  row: CaseRow,
  auth: AuthorizationRow,
  attachments: AttachmentStore,
  now: string,
): { body: CaseAuthorizationBody; blobs: string[] } {
  const face = storedFaceCheck(auth);
  const paper = storedPaper(auth);
  const signatureBlob = auth.route !== 'paper' ? attachments.info(auth.signature_attachment_id)?.sha256 : undefined;
  const body = caseAuthorizationBodySchema.parse({
    authorizationId: auth.id,
    caseId: row.id,
    caseNo: row.case_no,
    signer: { idNumber: auth.signer_id_number, name: auth.signer_name, role: auth.role },
    route: auth.route ?? 'pad',
    paper: paper
      ? {
          reason: paper.reason,
          note: paper.note,
          scanSha256: paper.scanSha256,
          formRequestId: paper.formRequestId,
          formSha256: paper.formSha256,
        }
      : null,
    statement: { version: AUTHORIZATION_STATEMENT_VERSION, sha256: auth.document_hash },
    signature: signatureBlob && auth.signature_sha256 ? { sha256: signatureBlob, padSha256: auth.signature_sha256 } : null,
    face: face
      ? {
          sha256: face.sha256,
          width: face.width,
          height: face.height,
          verdict: face.verdict,
          claimedVerdict: face.claimedVerdict,
          mode: face.mode,
          manualReason: face.manualReason,
          match: face.match,
          liveness: face.liveness,
          thresholds: face.thresholds,
          cardPhoto: face.cardPhoto,
          cardPhotoSha256: face.cardPhotoSha256,
          engine: face.engine,
        }
      : null,
    faceRequired: auth.face_required === 1,
    signedAt: auth.signed_at,
    recordedAt: now,
    amendment: auth.amendment ?? null,
  });
  return { body, blobs: authorizationBlobs(body) };
}

/** The route, paper reason and scan pages, core's face check and the amendment number, for the case view. */
export function authorizationEvidenceView(a: AuthorizationRow) {
  const face = storedFaceCheck(a);
  const paper = storedPaper(a);
  return {
    route: a.route ?? ('pad' as const),
    paperReason: paper?.reason ?? null,
    scanAttachmentIds: paper?.scanIds ?? [],
    face: face
      ? {
          verdict: face.verdict,
          claimedVerdict: face.claimedVerdict,
          sha256: face.sha256,
          width: face.width,
          height: face.height,
          cardPhoto: face.cardPhoto,
          cardMatchScore: face.match.score,
          cardPhotoSha256: face.cardPhotoSha256,
        }
      : null,
    amendment: a.amendment ?? null,
  };
}
