import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptanceSchema } from '../../../common/documents/acceptance';
import { rejectionSchema } from '../../../common/documents/rejection';
import { supplementSchema } from '../../../common/documents/supplement';
import { codeOf, tempDir } from '../kernel/store/testing/fixtures';
import { Outbox } from '../sync/outbox/outbox';
import type { CaseService } from './caseService';
import { searchCases } from './search';
import { CaseSearchRepo } from './searchRepo';
import { seedDemoCases } from './demo/seed';
import { documentCapture, faceCapture, intakeSignature, signatureCapture } from './testing/captures';
import { CHILD, DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from './testing/household';
import { caseStation } from './testing/station';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const db = () => env.t.station.db;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const REDRESS = { reviewBody: '重庆市綦江区人民政府', court: '重庆市綦江区人民法院' };

function submitted(svc: CaseService, actor: string, extra = {}) {
  const saved = svc.saveDraft(actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED, ...extra }) });
  svc.submit(actor, saved.caseId, saved.rev);
  return saved.caseId;
}

describe('the counter intake on a real encrypted store', () => {
  it('a three-person 低保 household: draft → submitted → 受理, with timeline, outbox, notice and deadlines in the same transactions', () => {
    const { svc, views, actor } = env;
    // The county's own 低保 standard; the hint below computes with it (never with the shipped placeholders).
    svc.setSettings(actor, {
      ...svc.settings(),
      standards: [{ regionPrefix: '500101', year: 2026, residence: 'urban', monthlyFen: 80000 }],
    });
    const saved = svc.saveDraft(actor, { application: threePersonDibao() });
    expect(saved.problems.filter((p) => p.severity === 'block')).toEqual([]);
    // A draft is local work: no outbox record yet.
    expect(new Outbox(db(), env.clock).byCase(saved.caseId)).toHaveLength(0);

    const again = svc.saveDraft(actor, {
      caseId: saved.caseId,
      rev: saved.rev,
      application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }),
    });
    expect(again.rev).toBe(saved.rev + 1);
    const row = svc.submit(actor, saved.caseId, again.rev);
    expect(row.state).toBe('submitted');
    expect(row.case_no).toBe('500101-2026-01-00001');
    expect(row.version).toBe(1);
    let outbox = new Outbox(db(), env.clock).byCase(saved.caseId);
    expect(outbox.map((r) => [r.kind, r.baseVersion, (r.body as { state: string }).state])).toEqual([['case.upsert', 0, 'submitted']]);

    // 受理 refuses while authorizations are missing, and writes nothing.
    expect(codeOf(() => svc.decide(actor, saved.caseId, 1, { kind: 'accept' }))).toBe('CASE_AUTHORIZATION_MISSING');
    expect(count('notice_request')).toBe(0);
    expect(count('outbox')).toBe(1);

    // The two adults sign; the child does not have to.
    expect(views.detail(saved.caseId).requiredSigners.map((s) => s.idNumber)).toEqual([HUSBAND.idNumber, WIFE.idNumber]);
    expect(codeOf(() => svc.authorize(actor, saved.caseId, CHILD.idNumber, signatureCapture(), faceCapture()))).toBe('CASE_SIGNER_UNKNOWN');
    expect(codeOf(() => svc.authorize(actor, saved.caseId, HUSBAND.idNumber, intakeSignature(saved.caseId, HUSBAND), null))).toBe(
      'CASE_FACE_REQUIRED',
    );
    // A signature bound to its statement: the pad's PNG hash must match the bytes that arrived.
    const bound = intakeSignature(saved.caseId, HUSBAND);
    const statementHash = bound.documentHash;
    const boundSha = createHash('sha256').update(Buffer.from(bound.png.base64, 'base64')).digest('hex');
    expect(
      codeOf(() => svc.authorize(actor, saved.caseId, HUSBAND.idNumber, { ...bound, pngSha256: 'cd'.repeat(32) }, faceCapture())),
    ).toBe('CASE_SIGNATURE_ALTERED');
    svc.authorize(actor, saved.caseId, HUSBAND.idNumber, bound, faceCapture());
    svc.authorize(actor, saved.caseId, WIFE.idNumber, intakeSignature(saved.caseId, WIFE), faceCapture());
    expect(views.detail(saved.caseId).authorizations.find((a) => a.signerIdNumber === HUSBAND.idNumber)).toMatchObject({
      documentHash: statementHash,
      signatureSha256: boundSha,
    });

    svc.decide(actor, saved.caseId, 1, { kind: 'accept' });
    const detail = views.detail(saved.caseId);
    expect(detail.state).toBe('accepted');
    expect(detail.version).toBe(2);
    // Signed after submission: each signature is an amendment on the timeline and its own case.authorization record.
    expect(detail.timeline.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'authorize',
      'amendAuthorization',
      'authorize',
      'amendAuthorization',
      'accept',
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ fromState: 'submitted', toState: 'accepted', actorName: '管理员' });
    expect(detail.authorizations).toHaveLength(2);
    expect(detail.attachments.filter((a) => a.role === 'face')).toHaveLength(2);
    // Accepted Thu 12 Feb 2026: investigation by Tue 24 Feb (13, 14 调休, 24), decision by 1 Apr.
    expect(detail.deadlines.map((d) => [d.kind, d.dueDate])).toEqual([
      ['investigation_start', '2026-02-24'],
      ['decision', '2026-04-01'],
    ]);
    outbox = new Outbox(db(), env.clock).byCase(saved.caseId);
    expect(outbox.filter((r) => r.kind === 'case.upsert').map((r) => [r.baseVersion, (r.body as { state: string }).state])).toEqual([
      [0, 'submitted'],
      [1, 'accepted'],
    ]);
    expect(outbox.filter((r) => r.kind === 'case.authorization').map((r) => (r.body as { amendment: number }).amendment)).toEqual([1, 2]);
    const notice = db().prepare('SELECT * FROM notice_request WHERE case_id = ?').all(saved.caseId) as Array<{
      kind: string;
      data: string;
      requested_by: string;
    }>;
    expect(notice).toHaveLength(1);
    expect(notice[0]!.kind).toBe('acceptance');
    expect(notice[0]!.requested_by).toBe(actor);
    const data = acceptanceSchema.parse(JSON.parse(notice[0]!.data));
    expect(data).toMatchObject({
      caseNo: '500101-2026-01-00001',
      category: 'dibao-urban',
      acceptedOn: '2026-02-12',
      decisionWorkingDays: 30,
      applicant: { name: '张建国', idNumber: HUSBAND.idNumber },
    });
    expect(data.materials).toContain('最低生活保障申请书');
    // The eligibility hint: 1200 yuan counted, the scholarship excluded, 3 people → 400/month each, under the standard.
    expect(detail.eligibility).toMatchObject({ band: 'below_standard', perCapitaFen: 40000, standardFen: 80000 });
  });

  it('the eligibility hint uses only the county’s standard: none set → no hint on a real case (the page says 未设置); the shipped placeholders serve demo cases only', () => {
    const { svc, views, actor } = env;
    expect(svc.settings().standards).toEqual([]);
    const demo = seedDemoCases(svc, actor, 1, 7);
    expect(demo.created).toBe(1);
    const demoId = (db().prepare('SELECT id FROM case_file WHERE demo = 1').get() as { id: string }).id;
    // The placeholder for 5001 in 2026 (800 / 640 元) serves the demo household.
    expect([80000, 64000]).toContain(views.detail(demoId).eligibility?.standardFen);

    const real = submitted(svc, actor);
    expect(views.detail(real).eligibility).toBeNull();
    expect(svc.standards()).toEqual([]);
    svc.setSettings(actor, {
      ...svc.settings(),
      standards: [{ regionPrefix: '500101', year: 2026, residence: 'urban', monthlyFen: 91000 }],
    });
    expect(views.detail(real).eligibility).toMatchObject({ band: 'below_standard', perCapitaFen: 40000, standardFen: 91000 });
    // A standard for another region or year is not this station's.
    svc.setSettings(actor, {
      ...svc.settings(),
      standards: [
        { regionPrefix: '500102', year: 2026, residence: 'urban', monthlyFen: 91000 },
        { regionPrefix: '500101', year: 2025, residence: 'urban', monthlyFen: 91000 },
      ],
    });
    expect(views.detail(real).eligibility).toBeNull();
  });

  it('受理 is refused while required materials are missing; 补正 lists everything and the case comes back', () => {
    const { svc, views, actor } = env;
    const caseId = submitted(svc, actor, { materials: [] });
    expect(codeOf(() => svc.decide(actor, caseId, 1, { kind: 'accept' }))).toBe('CASE_MATERIALS_MISSING');
    const missing = views
      .detail(caseId)
      .materials.filter((m) => m.required && m.status === 'missing')
      .map((m) => ({ item: m.label }));
    expect(missing).toHaveLength(7);
    svc.decide(actor, caseId, 1, { kind: 'supplement', missing, dueBy: '2026-02-27' });
    const n = db().prepare("SELECT data FROM notice_request WHERE kind = 'supplement'").get() as { data: string };
    expect(supplementSchema.parse(JSON.parse(n.data)).missing.map((m) => m.item)).toEqual(missing.map((m) => m.item));
    expect(views.detail(caseId).state).toBe('needs_supplement');
    svc.act(actor, caseId, 2, 'resubmit', '材料已补齐');
    expect(views.detail(caseId).state).toBe('submitted');
    expect(count('outbox', `case_id = '${caseId}'`)).toBe(3);
  });

  it('不予受理 needs the redress route from the settings, then queues the notice with reasons', () => {
    const { svc, views, actor } = env;
    const caseId = submitted(svc, actor);
    const reject = {
      kind: 'reject' as const,
      reasons: ['申请人家庭人均收入明显高于当地低保标准'],
      legalBasis: ['《最低生活保障审核确认办法》第十二条'],
    };
    expect(codeOf(() => svc.decide(actor, caseId, 1, reject))).toBe('CASE_REDRESS_MISSING');
    expect(views.detail(caseId).state).toBe('submitted');
    svc.setSettings(actor, {
      ...svc.settings(),
      notice: { ...svc.settings().notice, headerLines: [], issuer: '', redress: { ...REDRESS, reviewDays: 60, litigationMonths: 6 } },
    });
    svc.decide(actor, caseId, 1, reject);
    const n = db().prepare("SELECT data FROM notice_request WHERE kind = 'rejection'").get() as { data: string };
    expect(rejectionSchema.parse(JSON.parse(n.data))).toMatchObject({ reasons: reject.reasons, redress: { court: REDRESS.court } });
    expect(views.detail(caseId).state).toBe('not_accepted');
    // A terminal state: nothing more can happen.
    expect(codeOf(() => svc.act(actor, caseId, 2, 'resubmit', null))).toBe('CASE_ILLEGAL_TRANSITION');
  });

  it('nothing is half-written when the last write of a decision fails', () => {
    const { svc, views, actor } = env;
    const caseId = submitted(svc, actor);
    svc.authorize(actor, caseId, HUSBAND.idNumber, intakeSignature(caseId, HUSBAND), faceCapture());
    svc.authorize(actor, caseId, WIFE.idNumber, intakeSignature(caseId, WIFE), faceCapture());
    const before = { outbox: count('outbox'), events: count('case_event'), deadlines: count('case_deadline'), audit: count('audit_log') };
    db().exec("CREATE TEMP TRIGGER fail_notice BEFORE INSERT ON notice_request BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
    expect(() => svc.decide(actor, caseId, 1, { kind: 'accept' })).toThrow(/disk gone/);
    expect(views.detail(caseId)).toMatchObject({ state: 'submitted', version: 1 });
    expect({ outbox: count('outbox'), events: count('case_event'), deadlines: count('case_deadline'), audit: count('audit_log') }).toEqual(
      before,
    );
    db().exec('DROP TRIGGER fail_notice');
    svc.decide(actor, caseId, 1, { kind: 'accept' });
    expect(count('outbox')).toBe(before.outbox + 1);
  });

  it('bad input: a member twice, a birth date in the future, absurd amounts, an expired card are refused at submit, nothing submitted', () => {
    const { svc, actor } = env;
    const app = threePersonDibao({
      applicant: { ...threePersonDibao().applicant!, cardValidUntil: '2020-01-01' },
      members: [
        { ...HUSBAND, relationship: 'self' },
        { ...WIFE, relationship: 'spouse' },
        { ...WIFE, relationship: 'spouse' },
        { ...CHILD, birthDate: '2030-01-01', relationship: 'child' },
      ],
      income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 2_000_000_00 }],
    });
    const saved = svc.saveDraft(actor, { application: app });
    const codes = saved.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['AMOUNT_ABSURD', 'BIRTH_IN_FUTURE', 'CARD_EXPIRED', 'MEMBER_TWICE', 'TWO_SPOUSES']);
    expect(codeOf(() => svc.submit(actor, saved.caseId, saved.rev))).toBe('CASE_INCOMPLETE');
    expect(count('outbox')).toBe(0);
    expect(svc.repo.get(saved.caseId)).toMatchObject({ state: 'draft', case_no: null });
    // A stale draft revision is refused rather than overwriting newer work.
    expect(codeOf(() => svc.saveDraft(actor, { caseId: saved.caseId, rev: saved.rev - 1, application: threePersonDibao() }))).toBe(
      'CASE_STALE',
    );
  });

  it('an open case for the same ID number warns, or blocks per county setting', () => {
    const { svc, actor } = env;
    submitted(svc, actor);
    const second = svc.saveDraft(actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
    expect(second.problems).toEqual([
      expect.objectContaining({ code: 'OPEN_CASE', severity: 'warn', params: { caseNo: '500101-2026-01-00001', state: '待受理' } }),
    ]);
    svc.setSettings(actor, { ...svc.settings(), openCasePolicy: 'block' });
    expect(codeOf(() => svc.submit(actor, second.caseId, second.rev))).toBe('CASE_OPEN_CASE_EXISTS');
  });

  it('refuses steps out of order and stale versions', () => {
    const { svc, actor } = env;
    const caseId = submitted(svc, actor);
    expect(codeOf(() => svc.act(actor, caseId, 1, 'approve', null))).toBe('CASE_ILLEGAL_TRANSITION');
    expect(codeOf(() => svc.act(actor, caseId, 1, 'accept', null))).toBe('CASE_ILLEGAL_TRANSITION');
    expect(codeOf(() => svc.act(actor, caseId, 0, 'withdraw', null))).toBe('CASE_STALE');
    expect(codeOf(() => svc.discard(actor, caseId, 1))).toBe('CASE_NOT_DRAFT');
    svc.act(actor, caseId, 1, 'withdraw', '申请人撤回');
    expect(svc.repo.get(caseId)!.state).toBe('withdrawn');
  });

  it('materials captured on the document camera are stored encrypted, linked and mark the item received', () => {
    const { svc, views, actor } = env;
    const saved = svc.saveDraft(actor, { application: threePersonDibao() });
    const r = svc.addMaterial(actor, saved.caseId, 'hukou', documentCapture(2));
    expect(r.attachmentIds).toHaveLength(2);
    const d = views.detail(saved.caseId);
    expect(d.materials.find((m) => m.code === 'hukou')).toMatchObject({ status: 'received', pages: 2 });
    expect(codeOf(() => svc.addMaterial(actor, saved.caseId, 'passport', documentCapture()))).toBe('CASE_MATERIAL_UNKNOWN');
  });

  it('finds cases by ID number, name, pinyin initials, phone and case number', () => {
    const { svc, actor } = env;
    const caseId = submitted(svc, actor);
    const find = (query: string) => searchCases(new CaseSearchRepo(db()), { query, states: [], types: [], limit: 10, offset: 0 });
    for (const q of [
      HUSBAND.idNumber,
      HUSBAND.idNumber.slice(0, 10),
      '张建国',
      '张建',
      'zjg',
      'ZJ',
      '13812345678',
      '500101-2026-01-00001',
      WIFE.idNumber,
      '李秀英',
      'lxy',
    ]) {
      const r = find(q);
      expect(
        r.rows.map((x) => x.id),
        q,
      ).toEqual([caseId]);
    }
    expect(find('王').rows).toHaveLength(0);
    expect(find('13800000000').rows).toHaveLength(0);
    expect(find('13812345678').kind).toBe('phone');
    expect(find('zjg').kind).toBe('initials');
  });

  it('finds a case by the tail of its case number and by the last 4 of any party’s ID number, and says when a member (not the applicant) matched', () => {
    const { svc, actor } = env;
    const first = submitted(svc, actor);
    const second = submitted(svc, actor, { applicant: { ...threePersonDibao().applicant!, phone: '13900000000' } });
    const find = (query: string) => searchCases(new CaseSearchRepo(db()), { query, states: [], types: [], limit: 10, offset: 0 });
    expect(svc.mustGet(second).case_no).toBe('500101-2026-01-00002');
    for (const q of ['2', '02', '00002']) {
      const r = find(q);
      expect(r.kind, q).toBe('tail');
      expect(
        r.rows.map((x) => x.id),
        q,
      ).toEqual([second]);
    }
    expect(find('00001').rows.map((x) => x.id)).toEqual([first]);
    expect(find('3').rows).toHaveLength(0);
    // The applicant's last 4: both cases, no member note.
    const husband = find(HUSBAND.idNumber.slice(-4));
    expect(husband.rows.map((x) => x.id).sort()).toEqual([first, second].sort());
    expect(husband.matched.size).toBe(0);
    // The child's last 4: found through a member, and said so.
    const child = find(CHILD.idNumber.slice(-4));
    expect(child.rows).toHaveLength(2);
    expect(child.matched.get(first)).toEqual({ role: 'member', name: '张小明' });
    // The wife's full ID number and her name find the case through her too.
    expect(find(WIFE.idNumber).matched.get(first)).toEqual({ role: 'member', name: '李秀英' });
    expect(find('李秀英').matched.get(first)).toEqual({ role: 'member', name: '李秀英' });
    expect(find('张建国').matched.size).toBe(0);
    // A last 4 nobody has.
    const unused = ['0000', '9999', '1111'].find((q) => ![HUSBAND, WIFE, CHILD].some((p) => p.idNumber.endsWith(q)))!;
    expect(find(unused).rows).toHaveLength(0);
  });

  it('the home page’s deadline lists: the first N cases of each, soonest first, and the totals of all', () => {
    const { svc, views, actor } = env;
    seedDemoCases(svc, actor, 400, 3);
    const today = svc.today();
    const all = views.deadlineLists(200);
    const some = views.deadlineLists(20);
    const byCase = db()
      .prepare('SELECT case_id, min(due_date) AS due FROM case_deadline WHERE met_at IS NULL GROUP BY case_id')
      .all() as Array<{ case_id: string; due: string }>;
    const until = svc.withCalendar((c) => c.addWorkingDays(today, svc.settings().dueSoonWorkingDays));
    const overdue = byCase.filter((r) => r.due < today).length;
    const dueSoon = byCase.filter((r) => r.due >= today && r.due <= until).length;
    expect(overdue).toBeGreaterThan(20);
    expect(some.overdueTotal).toBe(overdue);
    expect(some.dueSoonTotal).toBe(dueSoon);
    expect(some.overdue).toHaveLength(20);
    expect(some.dueSoon.length).toBe(Math.min(20, dueSoon));
    expect(some.overdue.map((c) => c.id)).toEqual(all.overdue.slice(0, 20).map((c) => c.id));
    const dues = some.overdue.map((c) => c.nextDeadline!.dueDate);
    expect([...dues].sort()).toEqual(dues);
  });

  it('due-soon and overdue lists follow the working-day calendar with a fixed clock', () => {
    const { svc, views, actor } = env;
    const caseId = submitted(svc, actor);
    svc.authorize(actor, caseId, HUSBAND.idNumber, intakeSignature(caseId, HUSBAND), faceCapture());
    svc.authorize(actor, caseId, WIFE.idNumber, intakeSignature(caseId, WIFE), faceCapture());
    svc.decide(actor, caseId, 1, { kind: 'accept' });
    // Thu 12 Feb: the investigation is due Tue 24 Feb, 3 working days away → due soon.
    let lists = views.deadlineLists();
    expect(lists.dueSoon.map((s) => [s.id, s.nextDeadline?.kind, s.nextDeadline?.workingDaysLeft])).toEqual([
      [caseId, 'investigation_start', 3],
    ]);
    // Wed 25 Feb (through the Spring Festival): overdue by one working day.
    env.clock.advance(13 * 86_400_000);
    lists = views.deadlineLists();
    expect(lists.overdue.map((s) => [s.nextDeadline?.kind, s.nextDeadline?.status, s.nextDeadline?.workingDaysLeft])).toEqual([
      ['investigation_start', 'overdue', -1],
    ]);
    svc.act(actor, caseId, 2, 'startInvestigation', null);
    lists = views.deadlineLists();
    expect(lists.overdue).toEqual([]);
    // Extension to 45 working days, with the reason recorded.
    svc.extendDecision(actor, caseId, 3, '申请人户籍地与居住地分离，调查难度大');
    expect(views.detail(caseId).deadlines.find((d) => d.kind === 'decision')).toMatchObject({
      dueDate: '2026-04-23',
      workingDays: 45,
      reason: '申请人户籍地与居住地分离，调查难度大',
    });
    expect(codeOf(() => svc.extendDecision(actor, caseId, 4, '再次延长的理由'))).toBe('CASE_DECISION_ALREADY_EXTENDED');
  });
});
