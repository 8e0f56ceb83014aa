import { createHash } from 'node:crypto';
import { visitStatement, type VisitSignerRole } from '../../../common/afterAcceptance/visitStatement';
import { JiuzhuError } from '../../../common/contract/errors';
import { MAX_VISIT_PHOTO_PAGES, type VisitInput } from '../../../common/contract/methods/afterAcceptance/visits';
import { maskName } from '../../../common/format/mask';
import type { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import { VisitEvidenceRepo } from './visitEvidenceRepo';
import type { Work } from './work';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const key = (role: VisitSignerRole, name: string) => `${role}:${name.trim()}`;

export interface StoredPhoto {
  attachmentId: string;
  sha256: string;
  source: 'camera' | 'file';
}
export interface StoredSignature {
  attachmentId: string;
  role: VisitSignerRole;
  name: string;
  sha256: string;
  signedAt: string;
  documentHash: string;
  /** The stored (metadata-stripped) PNG, for the 入户调查表's validation. */
  png: Buffer;
}
export interface VisitEvidence {
  photos: StoredPhoto[];
  signatures: StoredSignature[];
}

/**
 * Before anything is written: every staff member and every family member present has signed,
 * once, on a pad bound to this visit's statement, with the image the pad hashed; no more photo
 * pages than the limit. The same checks as the intake's authorization (CASE_SIGNATURE_ALTERED).
 */
export function checkVisitEvidence(caseId: string, v: VisitInput, staff: string[], family: string[]): void {
  const pages = v.photos.reduce((n, c) => n + c.pages.length, 0);
  if (pages > MAX_VISIT_PHOTO_PAGES)
    throw new JiuzhuError('VISIT_TOO_MANY_PHOTOS', { count: String(pages), max: String(MAX_VISIT_PHOTO_PAGES) });
  const expected = new Map<string, { role: VisitSignerRole; name: string }>([
    ...staff.map((name) => [key('staff', name), { role: 'staff' as const, name }] as const),
    ...family.map((name) => [key('family', name), { role: 'family' as const, name }] as const),
  ]);
  const seen = new Set<string>();
  for (const s of v.signatures) {
    const k = key(s.role, s.name);
    const who = expected.get(k);
    if (!who) throw new JiuzhuError('VISIT_SIGNER_UNKNOWN', { name: maskName(s.name) });
    if (seen.has(k)) throw new JiuzhuError('VISIT_SIGNATURE_DUPLICATE', { name: maskName(s.name) });
    seen.add(k);
    const statementHash = sha256(visitStatement(caseId, v, who));
    if (s.capture.documentHash !== statementHash || (s.capture.signer !== undefined && s.capture.signer.trim() !== who.name)) {
      throw new JiuzhuError('VISIT_SIGNATURE_UNBOUND', { name: maskName(who.name) });
    }
    // The pad's hash of its own image must be the hash of the bytes that arrived.
    if (s.capture.pngSha256 && s.capture.pngSha256 !== sha256(Buffer.from(s.capture.png.base64, 'base64')))
      throw new JiuzhuError('CASE_SIGNATURE_ALTERED');
  }
  const missing = [...expected.entries()].filter(([k]) => !seen.has(k)).map(([, w]) => w);
  if (missing.length > 0) {
    throw new JiuzhuError('VISIT_SIGNATURE_MISSING', {
      count: String(missing.length),
      names: missing.map((w) => `${maskName(w.name)}（${w.role === 'staff' ? '调查人员' : '家庭成员'}）`).join('、'),
    });
  }
}

/**
 * Store the checked photos and signatures as encrypted attachments (the store checks the content
 * and strips EXIF/text chunks) and link them to the visit. Runs inside the visit's transaction.
 * Signatures come staff first, then family, each in the order the names were given.
 */
export function storeVisitEvidence(
  store: AttachmentStore,
  repo: VisitEvidenceRepo,
  at: { caseId: string; visitId: string; actor: string; now: string },
  v: VisitInput,
  staff: string[],
  family: string[],
): VisitEvidence {
  const base = { visit_id: at.visitId, case_id: at.caseId, added_at: at.now, added_by: at.actor };
  const photos: StoredPhoto[] = [];
  for (const capture of v.photos) {
    for (const page of capture.pages) {
      const info = store.put('document-scan', Buffer.from(page.image.base64, 'base64'), { createdBy: at.actor });
      repo.insert({
        ...base,
        attachment_id: info.id,
        role: 'photo',
        seq: photos.length,
        signer: null,
        signed_at: null,
        document_hash: null,
        signature_sha256: null,
        source: page.source,
        sha256: info.sha256,
      });
      photos.push({ attachmentId: info.id, sha256: info.sha256, source: page.source });
    }
  }
  const byKey = new Map(v.signatures.map((s) => [key(s.role, s.name), s]));
  const order = [...staff.map((name) => ({ role: 'staff' as const, name })), ...family.map((name) => ({ role: 'family' as const, name }))];
  const signatures: StoredSignature[] = order.map((who, seq) => {
    const s = byKey.get(key(who.role, who.name))!;
    const received = Buffer.from(s.capture.png.base64, 'base64');
    const info = store.put('signature', received, { createdBy: at.actor });
    repo.insert({
      ...base,
      attachment_id: info.id,
      role: who.role === 'staff' ? 'staff-signature' : 'family-signature',
      seq,
      signer: who.name,
      signed_at: s.capture.capturedAt,
      document_hash: s.capture.documentHash ?? null,
      signature_sha256: sha256(received),
      source: null,
      sha256: info.sha256,
    });
    return {
      attachmentId: info.id,
      role: who.role,
      name: who.name,
      sha256: info.sha256,
      signedAt: s.capture.capturedAt,
      documentHash: s.capture.documentHash!,
      png: store.get(info.id),
    };
  });
  return { photos, signatures };
}

/** The blobs the case's record references: each stored photo and signature, once. */
export const evidenceBlobs = (e: VisitEvidence): string[] => [
  ...new Set([...e.photos.map((p) => p.sha256), ...e.signatures.map((s) => s.sha256)]),
];

/**
 * The bytes of one photo or signature of a visit of this case, for the case page's viewer; audited
 * like cases.attachment. An id that is not this case's visit evidence is NOT_FOUND; missing or
 * damaged bytes fail with the attachment store's own zh-CN error (STORE_ATTACHMENT_*).
 */
export function readVisitEvidence(work: Work, actor: string, caseId: string, attachmentId: string): { mime: string; base64: string } {
  if (!new VisitEvidenceRepo(work.db).belongsToCase(caseId, attachmentId)) throw new JiuzhuError('NOT_FOUND');
  const store = work.cases.attachmentStore;
  const bytes = store.get(attachmentId);
  const mime = store.info(attachmentId)?.mime ?? 'application/octet-stream';
  work.audit(actor, 'visits.evidence_view', caseId, { attachment: attachmentId });
  return { mime, base64: bytes.toString('base64') };
}
