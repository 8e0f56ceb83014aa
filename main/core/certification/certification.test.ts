import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaceCapture } from '../../../common/capture/schemas';
import { makeRecordValidator } from '../../../city-platform/apply/validateRecord';
import { AfterAcceptanceRepo } from '../afterAcceptance/repo';
import { acceptedCase } from '../afterAcceptance/testing/fixture';
import { faceCapture } from '../cases/testing/captures';
import { CHILD, HUSBAND, WIFE } from '../cases/testing/household';
import { makeIdNumber } from '../cases/demo/synthetic';
import { caseStation } from '../cases/testing/station';
import { codeOf, tempDir } from '../kernel/store/testing/fixtures';
import { pngWithText } from '../kernel/store/testing/images';
import { Outbox } from '../sync/outbox/outbox';
import { CertificationService } from './service';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
let svc: CertificationService;
let caseId: string;
let rosterId: string;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir);
  svc = new CertificationService({ db: env.t.station.db, clock: env.clock, audit: env.t.auth.audit() });
  caseId = acceptedCase(env.svc, env.actor);
  rosterId = enrol(caseId, 'active');
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const DAY = 86_400_000;
const db = () => env.t.station.db;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const snapshot = () => ({
  cert: count('certification'),
  attachments: count('attachment'),
  outbox: count('outbox'),
  events: count('case_event'),
  audit: count('audit_log'),
});

/** A roster row as the decision step writes it (afterAcceptance owns that step and its tests). */
function enrol(
  forCase: string,
  status: 'active' | 'stopped',
  members = [HUSBAND.idNumber, WIFE.idNumber, CHILD.idNumber],
  monthly: 0 | 1 = 1,
): string {
  const id = `roster-${forCase}`;
  new AfterAcceptanceRepo(db()).insertRoster(
    {
      id,
      case_id: forCase,
      applicant_id_number: HUSBAND.idNumber,
      applicant_name: HUSBAND.name,
      category: 'dibao-urban',
      household_size: 3,
      amount_fen: monthly ? 68000 : 0,
      monthly,
      since_month: '2026-03',
      enrolled_on: '2026-02-12',
      review_basis: 'stable',
      review_months: 12,
      next_review_on: '2027-03-01',
      linked_benefits: '[]',
      status,
      stopped_on: status === 'stopped' ? '2026-02-12' : null,
      updated_at: '2026-02-12T01:00:00Z',
    },
    members,
  );
  return id;
}

function live(score: number | null, antispoof = 0.9, liveness = 0.9, mode: 'auto' | 'manual' = 'auto'): FaceCapture {
  const f = faceCapture();
  return {
    ...f,
    mode,
    ...(mode === 'manual' ? { manualReason: '老人无法正对镜头' } : {}),
    match: { score, pass: 0.55, review: 0.45, verdict: 'pass' },
    liveness: { antispoof, liveness, pass: 0.5, verdict: 'pass' },
  };
}

const enrolledRef = () => ({
  source: 'enrolled' as const,
  attachmentId: svc.view(env.actor, HUSBAND.idNumber).enrolledPhoto!.attachmentId,
});
const VISIT = { visitedOn: '2026-02-11', staff: ['王明', '刘芳'], findings: '本人卧床，神志清楚，家庭情况无变化' };
const PROXY = { idNumber: WIFE.idNumber, name: WIFE.name, relationship: '配偶' };

describe('the due list', () => {
  it('the applicant by default, due a year after enrolment; every adult when the county says so; due and overdue move with the clock', () => {
    let out = svc.dueList('all', 100);
    expect(out.rows.map((r) => [r.name, r.idNumberMasked, r.isApplicant, r.dueOn, r.status])).toEqual([
      [HUSBAND.name, `${HUSBAND.idNumber.slice(0, 6)}********${HUSBAND.idNumber.slice(14)}`, true, '2027-02-12', 'later'],
    ]);
    expect(svc.dueList('due', 100).rows).toEqual([]);

    svc.setSettings(env.actor, { ...svc.settings(), who: 'adults' });
    out = svc.dueList('all', 100);
    expect(out.rows.map((r) => r.name).sort()).toEqual([HUSBAND.name, WIFE.name].sort());
    expect(out.counts).toEqual({ persons: 2, due: 0, overdue: 0 });

    env.clock.advance(345 * DAY); // 2027-01-22
    expect(svc.dueList('due', 100).counts).toEqual({ persons: 2, due: 2, overdue: 0 });
    env.clock.advance(30 * DAY); // 2027-02-21
    const overdue = svc.dueList('overdue', 100);
    expect(overdue.rows.map((r) => r.status)).toEqual(['overdue', 'overdue']);
    expect(svc.dueList('due', 100).rows.length).toBe(2); // overdue people stay on the due list
  });

  it('fixed months: enrolled in February with months [3, 9] → due by 31 March, listed from 1 March; a stopped household is not listed', () => {
    svc.setSettings(env.actor, { ...svc.settings(), mode: 'fixedMonths', months: [3, 9] });
    const other = acceptedCase(env.svc, env.actor);
    enrol(other, 'stopped', [makeIdNumber('500110', '1970-01-01', 5, '男')]);
    const out = svc.dueList('all', 100);
    expect(out.rows.map((r) => [r.rosterId, r.opensOn, r.dueOn])).toEqual([[rosterId, '2026-03-01', '2026-03-31']]);
  });
});

describe('a counter certification', () => {
  it('pass: the live photo is stored encrypted with its hash, the result is certified, the timeline, outbox and audit say so, and the next due date moves on', () => {
    env.clock.advance(300 * DAY); // 2026-12-09
    const face = live(0.71);
    const rec = svc.recordCounter(env.actor, { idNumber: HUSBAND.idNumber, face, reference: enrolledRef() });
    expect(rec).toMatchObject({
      method: 'counter',
      result: 'pass',
      outcome: 'certified',
      certifiedOn: '2026-12-09',
      nextDueOn: '2027-12-09',
      match: { score: 0.71, verdict: 'pass' },
      liveness: { verdict: 'pass' },
      referenceSource: 'enrolled',
    });
    const row = db().prepare('SELECT * FROM certification').get() as { face_attachment_id: string; id_number: string };
    expect(row.id_number).toBe(HUSBAND.idNumber);
    const stored = env.svc.attachmentStore.get(row.face_attachment_id);
    expect(rec.photoSha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(stored.includes(Buffer.from('GPS'))).toBe(false); // EXIF stripped as for every capture

    const event = env.svc.repo.events(caseId).at(-1)!;
    expect(event).toMatchObject({ action: 'certified' });
    expect(event.note).toContain('窗口认证，结果 通过（比对 0.71，活体 0.90）');

    const ob = new Outbox(db(), env.clock).byCase(caseId).at(-1)!;
    expect(ob).toMatchObject({
      kind: 'certification.record',
      caseId,
      blobs: [rec.photoSha256],
      body: {
        person: { idNumber: HUSBAND.idNumber, name: HUSBAND.name },
        method: 'counter',
        result: 'pass',
        outcome: 'certified',
        thresholds: { matchPass: 0.55 },
      },
    });
    expect(makeRecordValidator(() => '2026-12-09')(ob)).toEqual({ ok: true });

    const audit = db().prepare("SELECT target_id, details FROM audit_log WHERE action = 'certification.record'").get() as {
      target_id: string;
      details: string;
    };
    expect(audit.target_id).toBe(caseId);
    expect(JSON.parse(audit.details)).toMatchObject({ method: 'counter', result: 'pass', outcome: 'certified' });

    expect(svc.dueList('all', 10).rows[0]).toMatchObject({ lastCertifiedOn: '2026-12-09', dueOn: '2027-12-09', status: 'later' });
    expect(svc.view(env.actor, HUSBAND.idNumber).history.map((h) => h.id)).toEqual([rec.id]);
  });

  it('review (the still photo’s liveness) without the clerk’s decision is refused and nothing is stored; confirmed with a reason it certifies, rejected it fails', () => {
    const before = snapshot();
    expect(
      codeOf(() => svc.recordCounter(env.actor, { idNumber: HUSBAND.idNumber, face: live(0.71, 0.38), reference: enrolledRef() })),
    ).toBe('CERT_REVIEW_NEEDS_CONFIRMATION');
    expect({ ...snapshot(), audit: 0 }).toEqual({ ...before, audit: 0 });

    const ok = svc.recordCounter(env.actor, {
      idNumber: HUSBAND.idNumber,
      face: live(0.71, 0.38),
      reference: enrolledRef(),
      confirmation: { decision: 'confirm', reason: '已当面核对身份证件' },
    });
    expect(ok).toMatchObject({
      result: 'review',
      outcome: 'certified',
      confirmation: { decision: 'confirm', reason: '已当面核对身份证件' },
    });
    const no = svc.recordCounter(env.actor, {
      idNumber: WIFE.idNumber,
      face: live(0.5),
      reference: { source: 'none' },
      confirmation: { decision: 'reject', reason: '与证件照片不符' },
    });
    expect(no).toMatchObject({ result: 'review', outcome: 'failed', match: { score: 0.5, verdict: 'review' } });
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({ action: 'certificationFailed' });
  });

  it('fail: different faces fail and a clerk cannot confirm them; the person stays due', () => {
    const rec = svc.recordCounter(env.actor, {
      idNumber: HUSBAND.idNumber,
      face: live(0.38),
      reference: enrolledRef(),
      confirmation: { decision: 'confirm', reason: '看起来像' },
    });
    expect(rec).toMatchObject({ result: 'fail', outcome: 'failed', confirmation: null, nextDueOn: '2027-02-12' });
    expect(svc.dueList('all', 10).rows[0]!.lastCertifiedOn).toBeNull();
  });

  it('the county’s thresholds decide: with matchPass 0.8 a 0.71 match needs review', () => {
    svc.setSettings(env.actor, { ...svc.settings(), face: { matchPass: 0.8, matchReview: 0.6, livePass: 0.5, liveReview: 0.2 } });
    expect(codeOf(() => svc.recordCounter(env.actor, { idNumber: HUSBAND.idNumber, face: live(0.71), reference: enrolledRef() }))).toBe(
      'CERT_REVIEW_NEEDS_CONFIRMATION',
    );
    expect(
      JSON.parse(
        (db().prepare("SELECT details FROM audit_log WHERE action = 'certification.settings'").get() as { details: string }).details,
      ),
    ).toMatchObject({ mode: 'interval' });
  });

  it('the enrolled photo is the intake face; another attachment as “enrolled” is refused; a card photo is stored with the record', () => {
    const view = svc.view(env.actor, HUSBAND.idNumber);
    const authFace = db()
      .prepare('SELECT face_attachment_id AS id FROM case_authorization WHERE signer_id_number = ?')
      .get(HUSBAND.idNumber) as { id: string };
    expect(view.enrolledPhoto).toMatchObject({ attachmentId: authFace.id, mime: 'image/jpeg' });
    expect(Buffer.from(view.enrolledPhoto!.base64, 'base64').equals(env.svc.attachmentStore.get(authFace.id))).toBe(true);
    const wifeFace = (
      db().prepare('SELECT face_attachment_id AS id FROM case_authorization WHERE signer_id_number = ?').get(WIFE.idNumber) as {
        id: string;
      }
    ).id;
    expect(
      codeOf(() =>
        svc.recordCounter(env.actor, {
          idNumber: HUSBAND.idNumber,
          face: live(0.71),
          reference: { source: 'enrolled', attachmentId: wifeFace },
        }),
      ),
    ).toBe('CERT_REFERENCE_NOT_FOUND');
    const rec = svc.recordCounter(env.actor, {
      idNumber: CHILD.idNumber,
      face: live(0.71),
      reference: { source: 'card', pngBase64: pngWithText('x').toString('base64') },
    });
    expect(rec.referenceSource).toBe('card');
    expect(count('attachment', "kind = 'id-card-photo'")).toBe(1);
  });
});

describe('refusals (zh-CN, nothing changed)', () => {
  it('a person not on the roster, and a household whose benefit was stopped', () => {
    const before = snapshot();
    const stranger = makeIdNumber('500110', '1960-01-01', 9, '女');
    expect(codeOf(() => svc.view(env.actor, stranger))).toBe('CERT_NOT_ON_ROSTER');
    expect(codeOf(() => svc.recordCounter(env.actor, { idNumber: stranger, face: live(0.9), reference: { source: 'none' } }))).toBe(
      'CERT_NOT_ON_ROSTER',
    );
    new AfterAcceptanceRepo(db()).updateRoster(rosterId, {
      status: 'stopped',
      stopped_on: '2026-02-12',
      updated_at: '2026-02-12T02:00:00Z',
    });
    let message = '';
    try {
      svc.recordProxy(env.actor, { idNumber: HUSBAND.idNumber, proxy: PROXY, homeVisit: VISIT });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('该户待遇已于 2026-02-12 停发，不能办理待遇资格认证。如需恢复保障，请重新提出申请。');
    expect(codeOf(() => svc.recordCounter(env.actor, { idNumber: HUSBAND.idNumber, face: live(0.9), reference: { source: 'none' } }))).toBe(
      'CERT_HOUSEHOLD_STOPPED',
    );
    expect(snapshot()).toEqual({ ...before, audit: before.audit });
  });

  it('a proxy without the home visit, with an invalid ID number, the person as their own proxy, one staff member, a visit in the future', () => {
    const before = snapshot();
    const proxy = (over: Record<string, unknown>) =>
      codeOf(() => svc.recordProxy(env.actor, { idNumber: HUSBAND.idNumber, proxy: PROXY, homeVisit: VISIT, ...over } as never));
    expect(proxy({ homeVisit: undefined })).toBe('CERT_PROXY_VISIT_REQUIRED');
    expect(proxy({ homeVisit: null })).toBe('CERT_PROXY_VISIT_REQUIRED');
    expect(proxy({ proxy: { ...PROXY, idNumber: `${WIFE.idNumber.slice(0, 17)}${WIFE.idNumber.endsWith('1') ? '2' : '1'}` } })).toBe(
      'CERT_PROXY_ID_INVALID',
    );
    expect(proxy({ proxy: { ...PROXY, idNumber: HUSBAND.idNumber } })).toBe('CERT_PROXY_SELF');
    expect(proxy({ homeVisit: { ...VISIT, staff: ['王明', ' 王明 '] } })).toBe('CERT_PROXY_VISIT_STAFF');
    expect(proxy({ homeVisit: { ...VISIT, visitedOn: '2026-03-01' } })).toBe('CERT_PROXY_VISIT_FUTURE');
    svc.setSettings(env.actor, { ...svc.settings(), proxyAllowed: false });
    expect(proxy({})).toBe('CERT_PROXY_NOT_ALLOWED');
    const after = snapshot();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });
});

describe('a proxy certification', () => {
  it('records the proxy (ID checked, masked in views) and the home visit, certifies, and syncs without a photo', () => {
    const rec = svc.recordProxy(env.actor, {
      idNumber: HUSBAND.idNumber,
      proxy: PROXY,
      homeVisit: { ...VISIT, staff: ['王明', '刘芳', '王明'] },
    });
    expect(rec).toMatchObject({
      method: 'proxy',
      result: 'pass',
      outcome: 'certified',
      proxy: { name: WIFE.name, relationship: '配偶' },
      homeVisit: { visitedOn: '2026-02-11', staff: ['王明', '刘芳'] },
      photoSha256: null,
      match: null,
    });
    expect(rec.proxy!.idNumberMasked).not.toContain(WIFE.idNumber.slice(6, 14));
    const ob = new Outbox(db(), env.clock).byCase(caseId).at(-1)!;
    expect(ob).toMatchObject({
      kind: 'certification.record',
      body: { method: 'proxy', proxy: { idNumber: WIFE.idNumber }, homeVisit: { staff: ['王明', '刘芳'] } },
    });
    expect(ob.blobs).toBeUndefined();
    const validate = makeRecordValidator(() => '2026-02-12');
    expect(validate(ob)).toEqual({ ok: true });
    expect(validate({ ...ob, body: { ...ob.body, homeVisit: null } })).toMatchObject({ ok: false, code: 'SYNC_RECORD_INVALID' });
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({
      action: 'certifiedByProxy',
      note: `${HUSBAND.name} 由 ${WIFE.name}（配偶）代办，2026-02-11 入户核实`,
    });
  });
});
