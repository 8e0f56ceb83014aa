import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../../../common/contract/errors';
import type { VisitInput } from '../../../common/contract/methods/afterAcceptance/visits';
import { approvalSchema } from '../../../common/documents/approval';
import { documentCapture } from '../cases/testing/captures';
import { renderDocument } from '../documents/render';
import { hydrate } from '../documents/service/hydrate';
import { testFonts } from '../documents/testing/fixtures';
import { readPdf } from '../documents/testing/pdfText';
import { Outbox } from '../sync/outbox/outbox';
import type { AfterAcceptanceService } from './service';
import { afterAcceptanceStation, type AfterAcceptanceStation } from './testing/stationHooks';
import { acceptedCase, OPINION, signedVisit, VISIT, visitSignature } from './testing/fixture';
import type { VisitEvidenceRow } from './visitEvidenceRepo';
import { caseView } from './views';

const station = afterAcceptanceStation();
let env: AfterAcceptanceStation['env'];
let aa: AfterAcceptanceService;
beforeEach(() => ({ env, aa } = station));

const db = () => env.t.station.db;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const evidence = (caseId: string) =>
  db().prepare('SELECT * FROM case_visit_evidence WHERE case_id = ? ORDER BY role, seq').all(caseId) as VisitEvidenceRow[];
const outbox = (caseId: string) => new Outbox(db(), env.clock).byCase(caseId);
const visitNotice = (caseId: string) =>
  JSON.parse(
    (
      db().prepare("SELECT data FROM notice_request WHERE case_id = ? AND kind = 'visit-form' ORDER BY requested_at DESC").get(caseId) as {
        data: string;
      }
    ).data,
  ) as Record<string, unknown>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What a refused visit must leave untouched. */
function snapshot(caseId: string) {
  return {
    row: env.svc.mustGet(caseId).version,
    visits: count('case_visit'),
    evidence: count('case_visit_evidence'),
    attachments: count('attachment'),
    outbox: count('outbox'),
    notices: count('notice_request'),
  };
}

function refusal(caseId: string, visit: VisitInput) {
  const before = snapshot(caseId);
  let error: unknown;
  try {
    aa.recordVisit(env.actor, caseId, 2, visit);
  } catch (e) {
    error = e;
  }
  expect(isJiuzhuError(error), String(error)).toBe(true);
  expect(snapshot(caseId)).toEqual(before);
  return error as { code: string; message: string };
}

describe('home visit photos and signatures: refusals', () => {
  it('refuses a visit where a staff member or a present family member has not signed, naming them in zh-CN; nothing is written', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    const full = signedVisit(caseId);
    const noStaff = refusal(caseId, { ...full, signatures: full.signatures.filter((s) => !(s.role === 'staff' && s.name === '刘芳')) });
    expect(noStaff.code).toBe('VISIT_SIGNATURE_MISSING');
    expect(noStaff.message).toBe(
      '入户调查表须由每位调查人员和每位在场家庭成员本人签名，还有 1 人未签名：刘*（调查人员）。请签名后再保存。',
    );
    const noFamily = refusal(caseId, { ...full, signatures: full.signatures.filter((s) => s.role === 'staff') });
    expect(noFamily.code).toBe('VISIT_SIGNATURE_MISSING');
    expect(noFamily.message).toContain('还有 2 人未签名：张*国（家庭成员）、李*英（家庭成员）');
    expect(refusal(caseId, { ...full, signatures: [] }).message).toContain('还有 4 人未签名');
    expect(env.svc.mustGet(caseId).state).toBe('accepted');
  });

  it('refuses fewer than two staff, a stranger signing, a double signature, a signature made before the record was changed, an altered image, too many photos', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    const full = signedVisit(caseId);
    expect(refusal(caseId, signedVisit(caseId, { ...VISIT, staff: ['王明'] })).code).toBe('VISIT_STAFF_TOO_FEW');
    expect(refusal(caseId, { ...full, signatures: [...full.signatures, visitSignature(caseId, VISIT, 'family', '赵某')] }).code).toBe(
      'VISIT_SIGNER_UNKNOWN',
    );
    expect(refusal(caseId, { ...full, signatures: [...full.signatures, full.signatures[0]!] }).code).toBe('VISIT_SIGNATURE_DUPLICATE');
    // Signed on the record as it was, then the findings were edited: the signatures no longer match.
    expect(refusal(caseId, { ...full, findings: '家庭人均收入高于当地低保标准' }).code).toBe('VISIT_SIGNATURE_UNBOUND');
    // Signed for another case.
    expect(refusal(caseId, { ...signedVisit('another-case'), photos: [] }).code).toBe('VISIT_SIGNATURE_UNBOUND');
    // The pad's hash of its image is not the hash of the bytes that arrived.
    const altered = { ...full.signatures[1]!, capture: { ...full.signatures[1]!.capture, pngSha256: 'a'.repeat(64) } };
    expect(refusal(caseId, { ...full, signatures: [full.signatures[0]!, altered, ...full.signatures.slice(2)] }).code).toBe(
      'CASE_SIGNATURE_ALTERED',
    );
    expect(refusal(caseId, { ...full, photos: [documentCapture(7), documentCapture(6)] }).code).toBe('VISIT_TOO_MANY_PHOTOS');
  });

  it('refuses a photo that is not an image with the attachment store’s message and rolls everything back', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    const bad = documentCapture(1);
    const text = Buffer.from('not an image at all');
    bad.pages[0]!.image = { ...bad.pages[0]!.image, base64: text.toString('base64'), bytes: text.length };
    const e = refusal(caseId, signedVisit(caseId, VISIT, [documentCapture(1), bad]));
    expect(e.code).toMatch(/^STORE_ATTACHMENT_/);
  });
});

describe('home visit photos and signatures: what is kept, synced and printed', () => {
  it('stores photos (EXIF stripped) and signatures as encrypted attachments linked to the visit, with the signing bound to the statement', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    const visit = signedVisit(caseId, VISIT, [documentCapture(2)]);
    aa.recordVisit(env.actor, caseId, 2, visit);
    expect(env.svc.mustGet(caseId)).toMatchObject({ state: 'investigating', version: 3 });
    const rows = evidence(caseId);
    expect(rows.map((r) => [r.role, r.seq, r.signer, r.source])).toEqual([
      ['family-signature', 2, '张建国', null],
      ['family-signature', 3, '李秀英', null],
      ['photo', 0, null, 'file'],
      ['photo', 1, null, 'file'],
      ['staff-signature', 0, '王明', null],
      ['staff-signature', 1, '刘芳', null],
    ]);
    const store = env.svc.attachmentStore;
    for (const r of rows) {
      const info = store.info(r.attachment_id)!;
      expect(info.kind).toBe(r.role === 'photo' ? 'document-scan' : 'signature');
      expect(info.sha256).toBe(r.sha256);
    }
    // The photo's EXIF (GPS, camera serial) and comment are gone from what is stored.
    const photo = store.get(rows.find((r) => r.role === 'photo')!.attachment_id);
    expect(photo.includes(Buffer.from('Exif'))).toBe(false);
    expect(photo.includes(Buffer.from('GPS'))).toBe(false);
    expect(photo.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // Each signature row keeps the statement hash and the hash of the PNG as received, like the intake's authorization.
    for (const s of visit.signatures) {
      const row = rows.find((r) => r.signer === s.name)!;
      expect(row.document_hash).toBe(s.capture.documentHash);
      expect(row.signature_sha256).toBe(sha(Buffer.from(s.capture.png.base64, 'base64')));
      expect(row.signed_at).toBe(s.capture.capturedAt);
    }
    expect(aa.work.repo.visits(caseId)).toHaveLength(1);
  });

  it('references every photo and signature as a blob of the case’s outbox record, on the first visit and on a later one', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(1)]));
    const first = outbox(caseId).at(-1)!;
    const stored = evidence(caseId);
    expect(first).toMatchObject({ kind: 'case.upsert', baseVersion: 2, body: { action: 'startInvestigation', state: 'investigating' } });
    expect(new Set(first.blobs)).toEqual(new Set(stored.map((r) => r.sha256)));
    expect(first.blobs).toHaveLength(5);
    const body = first.body as {
      visit: { photos: Array<{ sha256: string }>; signatures: Array<{ role: string; name: string; sha256: string }> };
    };
    expect(body.visit.photos.map((p) => p.sha256)).toEqual(stored.filter((r) => r.role === 'photo').map((r) => r.sha256));
    expect(body.visit.signatures.map((s) => [s.role, s.name])).toEqual([
      ['staff', '王明'],
      ['staff', '刘芳'],
      ['family', '张建国'],
      ['family', '李秀英'],
    ]);
    // Only the visit's record carries the visit's blobs: the earlier case.upsert records of the case carry none
    // (a signature added after submission travels in its own case.authorization record, with its own blobs).
    const earlier = outbox(caseId).slice(0, -1);
    expect(earlier.filter((r) => r.kind === 'case.upsert').every((r) => !r.blobs)).toBe(true);
    for (const r of earlier.filter((r) => r.blobs)) expect(r.kind).toBe('case.authorization');

    const later = { ...VISIT, visitedOn: '2026-02-14', familyPresent: ['张建国'] };
    aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId, later));
    const second = outbox(caseId).at(-1)!;
    expect(second).toMatchObject({ baseVersion: 3, body: { action: 'visit' } });
    expect(second.blobs).toHaveLength(3);
    expect(second.blobs).not.toContain(stored.find((r) => r.role === 'photo')!.sha256);
    // And the blobs can be read back by the sync engine's source (the attachment store, by SHA-256).
    for (const b of second.blobs!) expect(count('attachment', `hex(sha256) = '${b.toUpperCase()}'`)).toBeGreaterThanOrEqual(1);
    expect(aa.work.repo.visits(caseId)).toHaveLength(2);
  });

  it('prints the signatures as images and lists the photos by their hashes on the 入户调查表', async () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(1), documentCapture(1)]));
    const raw = visitNotice(caseId);
    // Queued with references to the encrypted signatures, not with the bytes.
    expect(
      (raw['signatures'] as Array<{ png: unknown }>).every((s) => typeof s.png === 'object' && s.png !== null && '$attachment' in s.png),
    ).toBe(true);
    const data = hydrate(raw, (id) => env.svc.attachmentStore.get(id));
    const doc = await renderDocument('visit-form', data, { fonts: testFonts(), creationDate: new Date('2026-02-12T00:00:00Z') });
    if (process.env['JIUZHU_KEEP_PDF']) writeFileSync(process.env['JIUZHU_KEEP_PDF'], doc.pdf);
    const text = (await readPdf(doc.pdf)).map((p) => p.text).join('\n');
    const photos = evidence(caseId).filter((r) => r.role === 'photo');
    expect(text).toContain('现场照片');
    expect(text).toContain('共2张');
    for (const p of photos) expect(text).toContain(p.sha256.slice(0, 16));
    expect(text).not.toContain(photos[0]!.sha256.slice(0, 20));
    for (const label of ['调查人员 王明', '调查人员 刘芳', '家庭成员 张建国', '家庭成员 李秀英'])
      expect(text.replace(/\s+/g, ' ')).toContain(label);
    expect(text).toContain('本人签名见下');
    // Four signature images drawn (photos are listed, not drawn).
    expect(doc.pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(4);

    // A copy for a third party masks the family members' names under their signatures.
    const pub = await renderDocument(
      'visit-form',
      { ...(data as Record<string, unknown>), copy: 'public' },
      { fonts: testFonts(), creationDate: new Date('2026-02-12T00:00:00Z') },
    );
    const masked = (await readPdf(pub.pdf))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(masked).toContain('家庭成员 张*国');
    expect(masked).not.toContain('张建国');
  });

  it('the views count each visit’s photos and signatures', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(3)]));
    const visits = aa.work.repo.visits(caseId);
    expect(visits).toHaveLength(1);
    expect(caseView(aa.work, caseId).visits[0]).toMatchObject({ photos: 3, signatures: 4 });
  });

  it('the approval notice queued by a local decision prints the linked benefits with their departments', async () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId));
    aa.giveOpinion(env.actor, caseId, 3, OPINION);
    env.clock.advance(7 * 86_400_000);
    aa.endPublicity(env.actor, caseId, 4);
    env.svc.setSettings(env.actor, { ...env.svc.settings(), decisionDelegated: true });
    aa.decideLocally(env.actor, caseId, 5, { outcome: 'approved', amountFen: 68000, startMonth: '2026-03', legalBasis: [] });
    const raw = JSON.parse(
      (db().prepare("SELECT data FROM notice_request WHERE case_id = ? AND kind = 'approval'").get(caseId) as { data: string }).data,
    ) as Record<string, unknown>;
    const data = approvalSchema.parse(raw);
    expect(data.linkedBenefits.map((b) => b.name)).toContain('医疗救助');
    const doc = await renderDocument('approval', raw, { fonts: testFonts(), creationDate: new Date('2026-02-20T00:00:00Z') });
    const text = (await readPdf(doc.pdf)).map((p) => p.text).join('\n');
    for (const b of data.linkedBenefits) {
      expect(text).toContain(b.name);
      expect(text).toContain(b.department!);
    }
    expect(text).toContain('无需另行申请');
  });
});
