import { createHash, randomUUID } from 'node:crypto';
import type { Application } from '../../../common/cases/application';
import type { CaseSettings } from '../../../common/cases/settings';
import { requiredSigners, type RequiredSigner } from '../../../common/cases/signers';
import { isTerminal } from '../../../common/cases/stateMachine';
import { AUTHORIZATION_STATEMENT_VERSION, authorizationStatement } from '../../../common/capture/signatureBinding';
import type { DocumentCapture, FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { JiuzhuError } from '../../../common/contract/errors';
import { intakeStatementRef, type PAPER_REASONS } from '../../../common/contract/methods/cases';
import { maskName } from '../../../common/format/mask';
import { translate } from '../../../common/i18n/translate';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import type { Db } from '../kernel/store/types';
import type { Outbox } from '../sync/index';
import { caseAuthorizationRecord } from '../../../sync-protocol/records/index';
import { bindAuthorizationCapture, storeFace } from './authorizationCapture';
import { authorizationRecord } from './authorizationRecord';
import type { AuthorizationRow, CaseRepository, CaseRow } from './caseRepo';
import { checkFace, type FaceCheck } from './faceCheck';
import { authorizationForm, type NoticeContext } from './notices';

/** What the intake's authorization steps need from the case service (one transaction is the caller's). */
export interface IntakeWork {
  db: Db;
  repo: CaseRepository;
  attachments: AttachmentStore;
  outbox: Outbox;
  audit: AuditLog;
  now(): string;
  today(): string;
  settings(): CaseSettings;
  mustGet(caseId: string): CaseRow;
  application(row: CaseRow): Application;
  noticeContext(row: CaseRow, app: Application, settings: CaseSettings): NoticeContext;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The SHA-256 of the statement this signer signs for this case (pad and printed form alike). */
export const intakeStatementHash = (caseId: string, signer: RequiredSigner) =>
  sha256(authorizationStatement(signer, intakeStatementRef(caseId)));

type PaperReason = (typeof PAPER_REASONS)[number];

/**
 * Who may still sign this case. In a draft, anyone required (a new signature replaces the earlier
 * one: the intake is the clerk's work in progress). Once submitted, the authorization on file is the
 * one the platform holds: a signer who signed is refused (never replaced), an unsigned one is added
 * as an amendment; a finished case takes nothing.
 */
function admit(w: IntakeWork, caseId: string, signerIdNumber: string): { row: CaseRow; app: Application; signer: RequiredSigner } {
  const row = w.mustGet(caseId);
  if (row.state === 'discarded' || (row.state !== 'draft' && isTerminal(row.state)))
    throw new JiuzhuError('CASE_CLOSED', { state: translate(`cases.states.${row.state}`) });
  const app = w.application(row);
  const signer = requiredSigners(app, w.today()).find((s) => s.idNumber === signerIdNumber);
  if (!signer) throw new JiuzhuError('CASE_SIGNER_UNKNOWN');
  if (row.state !== 'draft' && w.repo.authorizations(caseId).some((a) => a.signer_id_number === signer.idNumber))
    throw new JiuzhuError('CASE_AUTHORIZATION_SIGNED', { name: maskName(signer.name) });
  return { row, app, signer };
}

/**
 * The face of one signer: required per the county (pad: `faceRequired`; paper: also
 * `paperFaceRequired`); when given, judged by core (faceCheck.ts) and a `fail` refused on either
 * route. The card photo, when the reader's vendor decoder made one, is stored and its hash kept.
 */
function judgeFace(
  w: IntakeWork,
  route: 'pad' | 'paper',
  face: FaceCapture | null,
  cardPhoto: { pngBase64: string } | null | undefined,
): { required: boolean; check: FaceCheck | null } {
  const s = w.settings();
  const required = s.faceRequired && (route === 'pad' || s.paperFaceRequired);
  if (!face) {
    if (required) throw new JiuzhuError(route === 'pad' ? 'CASE_FACE_REQUIRED' : 'CASE_FACE_REQUIRED_PAPER');
    return { required, check: null };
  }
  const check = checkFace(face, Boolean(cardPhoto));
  if (check.verdict === 'fail')
    throw new JiuzhuError('CASE_FACE_FAILED', {
      match: check.match.verdict === 'notApplicable' ? '—' : translate(`capture.face.verdict.${check.match.verdict}`),
      liveness: translate(`capture.face.verdict.${check.liveness.verdict}`),
    });
  return { required, check };
}

function faceCheckJson(
  w: IntakeWork,
  caseId: string,
  signer: RequiredSigner,
  face: FaceCapture,
  check: FaceCheck,
  faceSha256: string,
  cardPhoto: { pngBase64: string } | null | undefined,
  actor: string,
  now: string,
): string {
  let cardPhotoSha256: string | null = null;
  if (cardPhoto) {
    const card = w.attachments.put('id-card-photo', Buffer.from(cardPhoto.pngBase64, 'base64'), { createdBy: actor });
    w.repo.linkAttachment(caseId, { attachmentId: card.id, role: 'face', ref: `card-${signer.idNumber}`, page: 0, at: now, by: actor });
    cardPhotoSha256 = card.sha256;
  }
  return JSON.stringify({
    ...check,
    sha256: faceSha256,
    mode: face.mode,
    manualReason: face.manualReason ?? null,
    cardPhoto: cardPhoto ? 'matched' : 'unavailable',
    cardPhotoSha256,
    engine: face.engine,
  });
}

/** After submission: the amendment number, the timeline entry; and in every state the synced record once the case is submitted. */
function record(w: IntakeWork, row: CaseRow, auth: AuthorizationRow, signer: RequiredSigner, actor: string, now: string): void {
  w.repo.putAuthorization(row.id, auth);
  w.repo.appendEvent(row.id, {
    at: now,
    actor_id: actor,
    action: auth.route === 'paper' ? 'authorizePaper' : 'authorize',
    from_state: null,
    to_state: null,
    note: maskName(signer.name),
  });
  if (auth.amendment) {
    w.repo.appendEvent(row.id, {
      at: now,
      actor_id: actor,
      action: 'amendAuthorization',
      from_state: null,
      to_state: null,
      note: `#${auth.amendment} ${maskName(signer.name)}`,
    });
    enqueueAuthorization(w, row, auth);
  }
  w.audit.append({
    actor,
    action: auth.route === 'paper' ? 'cases.authorize_paper' : 'cases.authorize',
    targetType: 'case',
    targetId: row.id,
    details: {
      role: signer.role,
      face: auth.face_attachment_id !== null,
      ...(auth.face_verdict ? { verdict: auth.face_verdict } : {}),
      ...(auth.amendment ? { amendment: auth.amendment } : {}),
    },
  });
}

/** The `case.authorization` record of an authorization added after submission (the draft's travel in the submit record). */
function enqueueAuthorization(w: IntakeWork, row: CaseRow, auth: AuthorizationRow): void {
  w.outbox.enqueue(caseAuthorizationRecord(authorizationRecord(row, auth, w.attachments, w.now()).body));
}

/** intake.authorize: the pad route. */
export function authorizeOnPad(
  w: IntakeWork,
  actor: string,
  input: {
    caseId: string;
    signerIdNumber: string;
    signature: SignatureCapture;
    face: FaceCapture | null;
    cardPhoto?: { pngBase64: string } | null | undefined;
  },
): AuthorizationRow {
  return w.db.transaction(() => {
    const { row, signer } = admit(w, input.caseId, input.signerIdNumber);
    const expected = intakeStatementHash(row.id, signer);
    if (input.signature.documentHash !== expected || input.signature.signer?.trim() !== signer.name)
      throw new JiuzhuError('CASE_SIGNATURE_UNBOUND', { name: maskName(signer.name) });
    const { required, check } = judgeFace(w, 'pad', input.face, input.cardPhoto);
    const now = w.now();
    const auth = bindAuthorizationCapture(
      { repo: w.repo, attachments: w.attachments },
      { caseId: row.id, signer, signature: input.signature, face: input.face, actor, now, faceCheck: check ?? undefined },
    );
    const faceSha = auth.face_attachment_id ? w.attachments.info(auth.face_attachment_id)!.sha256 : null;
    const full: AuthorizationRow = {
      ...auth,
      document_hash: expected,
      route: 'pad',
      face_check:
        input.face && check && faceSha ? faceCheckJson(w, row.id, signer, input.face, check, faceSha, input.cardPhoto, actor, now) : null,
      amendment:
        row.state === 'draft' ? null : w.repo.addAmendment(row.id, { kind: 'authorization', ref: signer.idNumber, at: now, by: actor }),
      face_required: required ? 1 : 0,
    };
    record(w, row, full, signer, actor, now);
    return full;
  })();
}

/** intake.authorizationForm: the blank 授权书 for one signer, queued to print (the paper route). */
export function queueAuthorizationForm(
  w: IntakeWork,
  actor: string,
  caseId: string,
  signerIdNumber: string,
): { requestId: string; statementHash: string; statementVersion: number } {
  const settings = w.settings();
  return w.db.transaction(() => {
    const { row, app, signer } = admit(w, caseId, signerIdNumber);
    const statementHash = intakeStatementHash(row.id, signer);
    const member = app.members.find((m) => m.idNumber === signer.idNumber);
    const relation =
      signer.role === 'supporter'
        ? translate('intake.paper.supporterRelation')
        : member?.relationship === 'self'
          ? '本人'
          : translate(`cases.relationships.${member?.relationship ?? 'other'}`);
    const ctx = { ...w.noticeContext(row, app, settings), caseNo: row.case_no ?? intakeStatementRef(row.id) };
    const data = authorizationForm(ctx, { name: signer.name, idNumber: signer.idNumber }, relation, {
      version: AUTHORIZATION_STATEMENT_VERSION,
      sha256: statementHash,
    });
    const requestId = randomUUID();
    const now = w.now();
    w.repo.insertAuthorizationForm({ id: requestId, caseId: row.id, data: JSON.stringify(data), at: now, by: actor });
    w.audit.append({
      actor,
      action: 'cases.authorization_form',
      targetType: 'case',
      targetId: row.id,
      details: { request: requestId, role: signer.role },
    });
    return { requestId, statementHash, statementVersion: AUTHORIZATION_STATEMENT_VERSION };
  })();
}

/** intake.authorizePaper: the printed form, signed by hand, scanned back as that signer's authorization. */
export function authorizeOnPaper(
  w: IntakeWork,
  actor: string,
  input: {
    caseId: string;
    signerIdNumber: string;
    requestId: string;
    scan: DocumentCapture;
    reason: PaperReason;
    reasonNote?: string | undefined;
    face: FaceCapture | null;
    cardPhoto?: { pngBase64: string } | null | undefined;
  },
): AuthorizationRow {
  return w.db.transaction(() => {
    const { row, signer } = admit(w, input.caseId, input.signerIdNumber);
    const expected = intakeStatementHash(row.id, signer);
    const form = w.repo.noticeRequest(input.requestId, row.id);
    const data = form ? (JSON.parse(form.data) as { signer?: { idNumber?: string }; statement?: { sha256?: string } }) : null;
    const formSha256 = form ? w.repo.issuedSha256(form.id) : null;
    if (
      !form ||
      form.kind !== 'authorization' ||
      data?.signer?.idNumber !== signer.idNumber ||
      data.statement?.sha256 !== expected ||
      !formSha256
    )
      throw new JiuzhuError('CASE_PAPER_FORM_INVALID', { name: maskName(signer.name) });
    if (input.reason === 'other' && !input.reasonNote) throw new JiuzhuError('CASE_PAPER_REASON_NOTE');
    const { required, check } = judgeFace(w, 'paper', input.face, input.cardPhoto);
    const now = w.now();
    const scans = input.scan.pages.map((page, i) => {
      const info = w.attachments.put('document-scan', Buffer.from(page.image.base64, 'base64'), { createdBy: actor });
      w.repo.linkAttachment(row.id, { attachmentId: info.id, role: 'signature', ref: signer.idNumber, page: i, at: now, by: actor });
      return info;
    });
    const face = input.face
      ? storeFace({ repo: w.repo, attachments: w.attachments }, row.id, signer.idNumber, input.face, actor, now)
      : null;
    const auth: AuthorizationRow = {
      id: randomUUID(),
      signer_id_number: signer.idNumber,
      signer_name: signer.name,
      role: signer.role,
      signed_at: input.scan.capturedAt,
      signature_attachment_id: scans[0]!.id,
      face_attachment_id: face?.id ?? null,
      face_verdict: check?.verdict ?? null,
      recorded_by: actor,
      document_hash: expected,
      signature_sha256: null,
      face_result: null,
      route: 'paper',
      paper: JSON.stringify({
        reason: input.reason,
        note: input.reasonNote ?? null,
        scanIds: scans.map((s) => s.id),
        scanSha256: scans.map((s) => s.sha256),
        formRequestId: form.id,
        formSha256,
      }),
      face_check:
        input.face && check && face ? faceCheckJson(w, row.id, signer, input.face, check, face.sha256, input.cardPhoto, actor, now) : null,
      amendment:
        row.state === 'draft' ? null : w.repo.addAmendment(row.id, { kind: 'authorization', ref: signer.idNumber, at: now, by: actor }),
      face_required: required ? 1 : 0,
    };
    record(w, row, auth, signer, actor, now);
    return auth;
  })();
}
