import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { isJiuzhuError } from '../../../common/contract/errors';
import { documentCapture } from '../cases/testing/captures';
import type { AfterAcceptanceService } from './service';
import { afterAcceptanceStation, type AfterAcceptanceStation } from './testing/stationHooks';
import { acceptedCase, signedVisit, VISIT } from './testing/fixture';
import { readVisitEvidence } from './visitEvidence';
import type { VisitEvidenceRow } from './visitEvidenceRepo';
import { caseView } from './views';

/** What the case page's evidence viewer gets: each visit's photo ids and signers, and the bytes of one, audited. */
const station = afterAcceptanceStation();
let env: AfterAcceptanceStation['env'];
let aa: AfterAcceptanceService;
beforeEach(() => ({ env, aa } = station));

const db = () => env.t.station.db;
const rows = (visitId: string) =>
  db().prepare('SELECT * FROM case_visit_evidence WHERE visit_id = ? ORDER BY seq').all(visitId) as VisitEvidenceRow[];
const audited = (action: string) =>
  db().prepare('SELECT target_id, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as Array<{
    target_id: string;
    details: string;
  }>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function refused(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isJiuzhuError(e), String(e)).toBe(true);
    return (e as { code: string }).code;
  }
  throw new Error('not refused');
}

describe('home visit evidence on the case page', () => {
  it('lists each visit’s photo ids in the order taken and its signers (staff, then family) with the attachments recorded', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(2), documentCapture(1)]));
    const later = { ...VISIT, visitedOn: '2026-02-14', staff: ['刘芳', '赵强'], familyPresent: ['李秀英'] };
    aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId, later));

    const [first, second] = caseView(aa.work, caseId).visits;
    const firstRows = rows(first!.id);
    expect(first!.photoIds).toEqual(firstRows.filter((r) => r.role === 'photo').map((r) => r.attachment_id));
    expect(first!.photoIds).toHaveLength(3);
    expect(new Set(first!.photoIds).size).toBe(3);
    expect(first!.signers.map((s) => [s.name, s.role])).toEqual([
      ['王明', 'staff'],
      ['刘芳', 'staff'],
      ['张建国', 'family'],
      ['李秀英', 'family'],
    ]);
    for (const s of first!.signers) {
      const row = firstRows.find((r) => r.attachment_id === s.attachmentId)!;
      expect(row.signer).toBe(s.name);
      expect(row.role).toBe(`${s.role}-signature`);
    }
    expect(first).toMatchObject({ photos: 3, signatures: 4 });

    // The later visit lists only its own evidence: no photos, its three signers.
    expect(second).toMatchObject({ photos: 0, signatures: 3, photoIds: [] });
    expect(second!.signers.map((s) => [s.name, s.role])).toEqual([
      ['刘芳', 'staff'],
      ['赵强', 'staff'],
      ['李秀英', 'family'],
    ]);
    expect(second!.signers.map((s) => s.attachmentId)).toEqual(rows(second!.id).map((r) => r.attachment_id));
    expect(second!.signers.some((s) => first!.signers.some((f) => f.attachmentId === s.attachmentId))).toBe(false);
  });

  it('reads one photo or signature as stored (audited), and refuses anything that is not this case’s visit evidence', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(1)]));
    const visit = caseView(aa.work, caseId).visits[0]!;
    const store = env.svc.attachmentStore;

    const photo = readVisitEvidence(aa.work, env.actor, caseId, visit.photoIds[0]!);
    expect(photo.mime).toBe('image/jpeg');
    expect(sha(Buffer.from(photo.base64, 'base64'))).toBe(store.info(visit.photoIds[0]!)!.sha256);
    const signature = readVisitEvidence(aa.work, env.actor, caseId, visit.signers[2]!.attachmentId);
    expect(signature.mime).toBe('image/png');
    expect(Buffer.from(signature.base64, 'base64').equals(store.get(visit.signers[2]!.attachmentId))).toBe(true);
    expect(audited('visits.evidence_view')).toEqual([
      { target_id: caseId, details: JSON.stringify({ attachment: visit.photoIds[0] }) },
      { target_id: caseId, details: JSON.stringify({ attachment: visit.signers[2]!.attachmentId }) },
    ]);

    // The intake's authorization signature of the same case is served by cases.attachment, not here.
    const intake = env.svc.repo.authorizations(caseId)[0]!.signature_attachment_id;
    expect(refused(() => readVisitEvidence(aa.work, env.actor, caseId, intake))).toBe('NOT_FOUND');
    // Another case's visit photo is not this case's.
    const other = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, other, 2, signedVisit(other, VISIT, [documentCapture(1)]));
    const foreign = caseView(aa.work, other).visits[0]!.photoIds[0]!;
    expect(refused(() => readVisitEvidence(aa.work, env.actor, caseId, foreign))).toBe('NOT_FOUND');
    expect(readVisitEvidence(aa.work, env.actor, other, foreign).mime).toBe('image/jpeg');
    // Refusals are not recorded as reads.
    expect(audited('visits.evidence_view')).toHaveLength(3);
  });

  it('bytes altered in the store are refused with the store’s zh-CN message, not served', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, VISIT, [documentCapture(1)]));
    const id = caseView(aa.work, caseId).visits[0]!.signers[0]!.attachmentId;
    const chunk = db().prepare('SELECT data FROM attachment_chunk WHERE attachment_id = ? AND seq = 0').get(id) as { data: Buffer };
    const last = chunk.data.length - 1;
    chunk.data.writeUInt8(chunk.data.readUInt8(last) ^ 0xff, last);
    db().prepare('UPDATE attachment_chunk SET data = ? WHERE attachment_id = ? AND seq = 0').run(chunk.data, id);
    let error: unknown;
    try {
      readVisitEvidence(aa.work, env.actor, caseId, id);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'STORE_ATTACHMENT_DAMAGED', message: expect.stringContaining('校验失败') });
    expect(audited('visits.evidence_view')).toHaveLength(0);
  });
});
