import { createHash, randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import type { RequiredSigner } from '../../../common/cases/signers';
import type { FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { AttachmentInfo } from '../kernel/store/attachments/attachmentStore';
import type { AuthorizationRow, CaseRepository } from './caseRepo';
import type { FaceCheck } from './faceCheck';

/**
 * The binding of one signer's authorization (家庭经济状况核对授权书), shared by the intake
 * (`intake.authorize`) and the periodic review (`reviews.authorize`): the PNG must hash to what the
 * pad said it drew (CASE_SIGNATURE_ALTERED otherwise); signature and face are stored encrypted and
 * linked to the case; the record carries the statement hash, the PNG hash and the face scores.
 * Runs in the caller's transaction; the caller stores the returned row where it belongs.
 */
export function bindAuthorizationCapture(
  deps: { repo: CaseRepository; attachments: AttachmentStore },
  a: {
    caseId: string;
    signer: RequiredSigner;
    signature: SignatureCapture;
    face: FaceCapture | null;
    actor: string;
    now: string;
    faceCheck?: FaceCheck | undefined;
  },
): AuthorizationRow {
  const { caseId, signer, signature, face, actor, now, faceCheck } = a;
  const png = Buffer.from(signature.png.base64, 'base64');
  // The pad's hash of its own image must be the hash of the bytes that arrived.
  const signatureSha256 = createHash('sha256').update(png).digest('hex');
  if (signature.pngSha256 && signature.pngSha256 !== signatureSha256) throw new JiuzhuError('CASE_SIGNATURE_ALTERED');
  const sig = deps.attachments.put('signature', png, { createdBy: actor });
  deps.repo.linkAttachment(caseId, { attachmentId: sig.id, role: 'signature', ref: signer.idNumber, page: 0, at: now, by: actor });
  const faceId = face ? storeFace(deps, caseId, signer.idNumber, face, actor, now).id : null;
  return {
    id: randomUUID(),
    signer_id_number: signer.idNumber,
    signer_name: signer.name,
    role: signer.role,
    signed_at: signature.capturedAt,
    signature_attachment_id: sig.id,
    face_attachment_id: faceId,
    // Core's verdict where core judged the face (the intake); otherwise the capture's own.
    face_verdict: faceCheck?.verdict ?? face?.verdict ?? null,
    recorded_by: actor,
    document_hash: signature.documentHash ?? null,
    signature_sha256: signatureSha256,
    face_result: face
      ? JSON.stringify({
          mode: face.mode,
          manualReason: face.manualReason ?? null,
          match: face.match,
          liveness: face.liveness,
          quality: face.quality,
          issues: face.issues,
        })
      : null,
  };
}

/** The face photo, stored encrypted (EXIF stripped) and linked to the case under the signer. */
export function storeFace(
  deps: { repo: CaseRepository; attachments: AttachmentStore },
  caseId: string,
  idNumber: string,
  face: FaceCapture,
  actor: string,
  now: string,
): AttachmentInfo {
  const f = deps.attachments.put('face-photo', Buffer.from(face.image.base64, 'base64'), { createdBy: actor });
  deps.repo.linkAttachment(caseId, { attachmentId: f.id, role: 'face', ref: idNumber, page: 0, at: now, by: actor });
  return f;
}
