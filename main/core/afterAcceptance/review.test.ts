import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phaseOutSchema } from '../../../common/documents/phaseOut';
import { terminationSchema } from '../../../common/documents/termination';
import type { ReviewHousehold } from '../../../common/contract/methods/afterAcceptance/reviews';
import { codeOf, tempDir } from '../kernel/store/testing/fixtures';
import { Outbox } from '../sync/outbox/outbox';
import { caseStation } from '../cases/testing/station';
import { faceCapture } from '../cases/testing/captures';
import { CHILD, HUSBAND, WIFE } from '../cases/testing/household';
import { makeIdNumber } from '../cases/demo/synthetic';
import type { AfterAcceptanceService } from './service';
import { afterAcceptance, REDRESS } from './testing/fixture';
import { enrolledHousehold, reviewSignature } from './testing/reviewFixture';
import { countyDecides } from './testing/changeFixture';
import { reviewView } from './reviewView';

let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
let aa: AfterAcceptanceService;
let caseId: string;
let rosterId: string;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir);
  aa = afterAcceptance(env.svc, env.t.auth.audit(), env.clock);
  env.svc.setSettings(env.actor, {
    ...env.svc.settings(),
    faceRequired: false,
    notice: { ...env.svc.settings().notice, headerLines: [], issuer: '', redress: REDRESS },
    standards: COUNTY_STANDARDS,
  });
  ({ caseId, rosterId } = enrolledHousehold(env.svc, aa, env.actor));
  // Working-age members → reviewed every 6 months from March: due on 1 September; the clock is there.
  env.clock.advance(Date.parse('2026-09-01T01:00:00Z') - env.clock.now().getTime());
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

/** The county's own 低保 standards (the review computes only with these). */
const COUNTY_STANDARDS = [
  { regionPrefix: '5001', year: 2026, residence: 'urban' as const, monthlyFen: 85000 },
  { regionPrefix: '5001', year: 2026, residence: 'rural' as const, monthlyFen: 68000 },
];

const db = () => env.t.station.db;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const notices = (kind: string) =>
  (db().prepare('SELECT data FROM notice_request WHERE kind = ? ORDER BY requested_at').all(kind) as Array<{ data: string }>).map(
    (r) => JSON.parse(r.data) as Record<string, unknown>,
  );
const outbox = () => new Outbox(db(), env.clock).byCase(caseId);
const view = () => reviewView(aa.work, rosterId);
const roster = () => aa.work.repo.roster(rosterId)!;
const audits = (action: string) => count('audit_log', `action = '${action}'`);

const W = { reasons: ['家庭人均收入已超过当地低保标准'], legalBasis: ['《最低生活保障审核确认办法》第三十一条'] };
/** The household found at the review: the husband now earns 3,000 a month. */
const found = (over: Partial<ReviewHousehold> = {}): ReviewHousehold => {
  const h = view().household;
  return { ...h, income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 300000 }], ...over };
};

function started(): { id: string; version: number } {
  const v = aa.startReview(env.actor, rosterId, env.svc.mustGet(caseId).version);
  return { id: v, version: view().review!.version };
}
function rechecked(h = found()): { id: string; version: number } {
  const r = started();
  aa.recheckReview(env.actor, r.id, r.version, h, '入户核实，丈夫已稳定就业');
  return { id: r.id, version: view().review!.version };
}
function signedBoth(): { id: string; version: number } {
  const r = rechecked();
  aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), null);
  aa.authorizeReview(env.actor, r.id, r.version + 1, WIFE.idNumber, reviewSignature(r.id, WIFE), null);
  return { id: r.id, version: r.version + 2 };
}

describe('periodic review (定期核查)', () => {
  it('start: the due household gets one open review; the case timeline, outbox and audit record it; starting again returns the same review', () => {
    expect(roster()).toMatchObject({ next_review_on: '2026-09-01', status: 'active' });
    const before = env.svc.mustGet(caseId).version;
    expect(codeOf(() => aa.startReview(env.actor, rosterId, before - 1))).toBe('CASE_STALE');
    expect(count('household_review')).toBe(0);
    const id = aa.startReview(env.actor, rosterId, before);
    expect(aa.startReview(env.actor, rosterId, before + 1)).toBe(id);
    expect(count('household_review')).toBe(1);
    const v = view();
    expect(v.review).toMatchObject({
      id,
      status: 'open',
      version: 1,
      dueOn: '2026-09-01',
      rechecked: false,
      statementRef: `定期核查 ${id}`,
    });
    expect(v.signers.map((s) => [s.name, s.signed])).toEqual([
      ['张建国', false],
      ['李秀英', false],
    ]);
    expect(env.svc.mustGet(caseId).version).toBe(before + 1);
    expect(env.svc.repo.events(caseId).at(-1)!.action).toBe('reviewStart');
    expect(outbox().at(-1)!).toMatchObject({
      baseVersion: before,
      body: { action: 'reviewStart', review: { id }, roster: { status: 'active', amountFen: 68000, nextReviewOn: '2026-09-01' } },
    });
    expect(audits('aftercare.review_start')).toBe(1);
  });

  it('re-check: the facts found become the case record (search index and money tables too) and show per-capita income against the standard', () => {
    const r = rechecked();
    const v = view();
    expect(v.review).toMatchObject({ version: 2, rechecked: true, findings: '入户核实，丈夫已稳定就业' });
    expect(v.eligibility).toMatchObject({ perCapitaFen: 100000, standardFen: 85000, standardYear: 2026, band: 'marginal' });
    expect(v.eligibility!.steps.join('\n')).toContain('1000.00');
    const app = env.svc.application(env.svc.mustGet(caseId));
    expect(app.income).toEqual([{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 300000 }]);
    expect((db().prepare('SELECT sum(monthly_fen) AS s FROM case_income WHERE case_id = ?').get(caseId) as { s: number }).s).toBe(300000);
    expect(outbox().at(-1)!.body).toMatchObject({ action: 'reviewRecheck', application: { income: [{ monthlyFen: 300000 }] } });
    // The applicant must stay among the members; a stale version is refused.
    expect(
      codeOf(() =>
        aa.recheckReview(
          env.actor,
          r.id,
          r.version,
          found({ members: v.household.members.filter((m) => m.idNumber !== HUSBAND.idNumber) }),
          'x',
        ),
      ),
    ).toBe('ROSTER_REVIEW_APPLICANT_MISSING');
    expect(codeOf(() => aa.recheckReview(env.actor, r.id, r.version - 1, found(), 'x'))).toBe('ROSTER_REVIEW_STALE');
    // The intake's household checks hold here too: a member twice, or an invalid ID number, is refused and nothing changes.
    const members = v.household.members;
    expect(codeOf(() => aa.recheckReview(env.actor, r.id, r.version, found({ members: [...members, members[1]!] }), 'x'))).toBe(
      'CASE_INCOMPLETE',
    );
    const badId = { ...members[1]!, idNumber: members[1]!.idNumber.slice(0, 17) + (members[1]!.idNumber.endsWith('0') ? '1' : '0') };
    expect(codeOf(() => aa.recheckReview(env.actor, r.id, r.version, found({ members: [...members, badId] }), 'x'))).toBe(
      'CASE_INCOMPLETE',
    );
    expect(env.svc.application(env.svc.mustGet(caseId)).members).toHaveLength(members.length);
  });

  it('a standard not yet published for the review year: the latest earlier year is used and named', () => {
    env.clock.advance(400 * 86_400_000); // October 2027: the county's standards end in 2026
    expect(view().eligibility).toMatchObject({ standardYear: 2026, standardFen: 85000 });
  });

  it('no county standard: no per-capita comparison, although the shipped placeholder figures cover the year', () => {
    env.svc.setSettings(env.actor, { ...env.svc.settings(), standards: [] });
    expect(view().eligibility).toBeNull();
  });

  it('refused, nothing changed: an outcome before the re-check, or without every adult re-signing', () => {
    const s = started();
    expect(codeOf(() => aa.concludeReview(env.actor, s.id, s.version, { outcome: 'continue', reasons: [], legalBasis: [] }))).toBe(
      'ROSTER_REVIEW_NOT_RECHECKED',
    );
    aa.recheckReview(env.actor, s.id, s.version, found(), '入户核实');
    const snapshot = () => ({
      roster: roster(),
      notices: count('notice_request'),
      outbox: outbox().length,
      review: view().review,
      version: env.svc.mustGet(caseId).version,
    });
    const before = snapshot();
    const err = (() => {
      try {
        aa.concludeReview(env.actor, s.id, 2, { outcome: 'phase_out', phaseOutMonths: 3, ...W });
      } catch (e) {
        return e as Error & { code: string };
      }
      return null;
    })();
    expect(err?.code).toBe('ROSTER_REVIEW_AUTHORIZATION_MISSING');
    expect(err?.message).toContain('2 名');
    expect(err?.message).toContain('张*国');
    expect(snapshot()).toEqual(before);
    aa.authorizeReview(env.actor, s.id, 2, HUSBAND.idNumber, reviewSignature(s.id, HUSBAND), null);
    expect(codeOf(() => aa.concludeReview(env.actor, s.id, 3, { outcome: 'continue', reasons: [], legalBasis: [] }))).toBe(
      'ROSTER_REVIEW_AUTHORIZATION_MISSING',
    );
    const after = snapshot();
    expect({ roster: after.roster, notices: after.notices, outbox: after.outbox, status: after.review!.status }).toEqual({
      roster: before.roster,
      notices: before.notices,
      outbox: before.outbox,
      status: 'open',
    });
    // The intake's signatures do not count for the review: the authorization is signed again.
    expect(env.svc.repo.authorizations(caseId)).toHaveLength(2);
    expect(view().signers.map((s) => s.signed)).toEqual([true, false]);
  });

  it("the face is judged by core, not taken from the capture: a manual capture (the clerk's 手动拍摄) is at best 复核, a face core finds not live is refused", () => {
    const r = rechecked();
    env.svc.setSettings(env.actor, { ...env.svc.settings(), faceRequired: true });
    // Not live by its scores, although the capture says pass: refused, nothing stored.
    const spoof = { ...faceCapture(), liveness: { antispoof: 0.05, liveness: 0.1, pass: 0.5, verdict: 'pass' as const } };
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), spoof))).toBe(
      'CASE_FACE_FAILED',
    );
    expect(count('household_review_authorization')).toBe(0);
    // A manual capture that claims pass is recorded as review, and the signer shows as 人脸待复核.
    const manual = { ...faceCapture(), mode: 'manual' as const, manualReason: '窗口逆光，自动拍摄一直不成功', verdict: 'pass' as const };
    aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), manual);
    const row = db().prepare('SELECT face_verdict, face_result FROM household_review_authorization').get() as {
      face_verdict: string;
      face_result: string;
    };
    expect(row.face_verdict).toBe('review');
    expect(JSON.parse(row.face_result)).toMatchObject({ mode: 'manual', manualReason: '窗口逆光，自动拍摄一直不成功' });
    expect(view().signers.find((s) => s.idNumber === HUSBAND.idNumber)).toMatchObject({ signed: true, faceVerdict: 'review' });
    env.svc.setSettings(env.actor, { ...env.svc.settings(), faceRequired: false });
  });

  it("signatures: bound to this review's statement of this signer, adults only, PNG unaltered, face per county setting; stored encrypted and linked", () => {
    const r = rechecked();
    const other = reviewSignature('another-review', HUSBAND);
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, other, null))).toBe(
      'ROSTER_REVIEW_SIGNATURE_UNBOUND',
    );
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, WIFE), null))).toBe(
      'ROSTER_REVIEW_SIGNATURE_UNBOUND',
    );
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version, CHILD.idNumber, reviewSignature(r.id, CHILD), null))).toBe(
      'ROSTER_REVIEW_SIGNER_UNKNOWN',
    );
    expect(
      codeOf(() =>
        aa.authorizeReview(
          env.actor,
          r.id,
          r.version,
          HUSBAND.idNumber,
          { ...reviewSignature(r.id, HUSBAND), pngSha256: 'ab'.repeat(32) },
          null,
        ),
      ),
    ).toBe('CASE_SIGNATURE_ALTERED');
    env.svc.setSettings(env.actor, { ...env.svc.settings(), faceRequired: true });
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), null))).toBe(
      'CASE_FACE_REQUIRED',
    );
    expect(count('household_review_authorization')).toBe(0);
    const attachmentsBefore = count('case_attachment');
    aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), faceCapture());
    const row = db().prepare('SELECT * FROM household_review_authorization').get() as Record<string, string>;
    expect(row).toMatchObject({
      review_id: r.id,
      signer_id_number: HUSBAND.idNumber,
      document_hash: reviewSignature(r.id, HUSBAND).documentHash,
      face_verdict: 'pass',
    });
    expect(count('case_attachment')).toBe(attachmentsBefore + 2);
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({ action: 'reviewAuthorize', note: '张*国' });
    expect(audits('reviews.authorize')).toBe(1);
    expect(view().signers.find((s) => s.idNumber === HUSBAND.idNumber)).toMatchObject({ signed: true, faceVerdict: 'pass' });
    // A new adult found at the re-check must sign too.
    const uncle = { idNumber: makeIdNumber('500110', '1975-01-01', 21, '男'), name: '张建军', sex: '男' as const, birthDate: '1975-01-01' };
    aa.recheckReview(
      env.actor,
      r.id,
      r.version + 1,
      found({
        members: [
          ...view().household.members,
          {
            ...uncle,
            relationship: 'sibling',
            seriousIllness: false,
            student: false,
            labourCapacity: 'full',
            employed: false,
            coResident: true,
          },
        ],
      }),
      '新增同住成员',
    );
    expect(
      view()
        .signers.filter((s) => !s.signed)
        .map((s) => s.name),
    ).toEqual(['李秀英', '张建军']);
    // The roster follows: four members, and a warning about the new one finds this household.
    expect(roster().household_size).toBe(4);
    expect(aa.work.repo.activeRosterOf(uncle.idNumber)?.id).toBe(rosterId);
  });

  it('渐退: longer than 6 months, a higher amount, or without reasons is refused; 3 months at 500 yuan is a proposal; once decided → roster, 渐退通知书 with the redress route, synced, audited', () => {
    const r = signedBoth();
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'phase_out', phaseOutMonths: 7, ...W }))).toBe(
      'ROSTER_REVIEW_PHASE_OUT_TOO_LONG',
    );
    expect(
      codeOf(() =>
        aa.concludeReview(env.actor, r.id, r.version, { outcome: 'phase_out', phaseOutMonths: 3, phaseOutAmountFen: 70000, ...W }),
      ),
    ).toBe('ROSTER_REVIEW_PHASE_OUT_AMOUNT');
    expect(
      codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'phase_out', phaseOutMonths: 3, reasons: [], legalBasis: [] })),
    ).toBe('ROSTER_REVIEW_REASONS_REQUIRED');
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version - 1, { outcome: 'phase_out', phaseOutMonths: 3, ...W }))).toBe(
      'ROSTER_REVIEW_STALE',
    );
    expect(count('notice_request', "kind = 'phase-out'")).toBe(0);
    expect(roster().amount_fen).toBe(68000);

    aa.concludeReview(env.actor, r.id, r.version, { outcome: 'phase_out', phaseOutMonths: 3, phaseOutAmountFen: 50000, ...W });
    // A proposal: nothing changes for the household until the county decides.
    expect(roster()).toMatchObject({ status: 'active', amount_fen: 68000, next_review_on: '2026-09-01' });
    expect(count('notice_request', "kind = 'phase-out'")).toBe(0);
    expect(view().change).toMatchObject({
      outcome: 'phase_out',
      status: 'proposed',
      newAmountFen: 50000,
      phaseOut: { months: 3, stopMonth: '2027-01' },
      notice: null,
    });
    countyDecides(aa, caseId);
    expect(roster()).toMatchObject({ status: 'active', amount_fen: 50000, next_review_on: '2027-01-01' });
    const v = view();
    expect(v.roster.phaseOutEndMonth).toBe('2026-12');
    expect(v.review).toMatchObject({
      status: 'concluded',
      outcome: 'phase_out',
      outcomeDetail: { startMonth: '2026-10', endMonth: '2026-12', stopMonth: '2027-01', months: 3, amountFen: 50000 },
      notice: { kind: 'phase-out', state: 'pending' },
    });
    const n = phaseOutSchema.parse(notices('phase-out')[0]);
    expect(n).toMatchObject({
      previousAmountFen: 68000,
      amountFen: 50000,
      months: 3,
      startMonth: '2026-10',
      endMonth: '2026-12',
      decidedOn: '2026-09-01',
      reasons: W.reasons,
      redress: { reviewBody: REDRESS.reviewBody, court: REDRESS.court },
    });
    expect(outbox().at(-1)!.body).toMatchObject({
      action: 'reviewPhaseOut',
      review: { outcome: 'phase_out', endMonth: '2026-12' },
      roster: { status: 'active', amountFen: 50000, phaseOutEndMonth: '2026-12' },
    });
    expect(audits('aftercare.review_phase_out')).toBe(1);
    // Concluded: no step changes it again.
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version + 1, { outcome: 'continue', reasons: [], legalBasis: [] }))).toBe(
      'ROSTER_REVIEW_CONCLUDED',
    );
    expect(codeOf(() => aa.authorizeReview(env.actor, r.id, r.version + 1, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), null))).toBe(
      'ROSTER_REVIEW_CONCLUDED',
    );
  });

  it('continue: no notice; the next review by the county period of the household as re-checked (stable → 12 months)', () => {
    const r = rechecked(
      found({
        income: [{ memberIdNumber: WIFE.idNumber, category: 'transfer', monthlyFen: 20000 }],
        members: view().household.members.map((m) => ({ ...m, labourCapacity: 'none' as const })),
      }),
    );
    aa.authorizeReview(env.actor, r.id, r.version, HUSBAND.idNumber, reviewSignature(r.id, HUSBAND), null);
    aa.authorizeReview(env.actor, r.id, r.version + 1, WIFE.idNumber, reviewSignature(r.id, WIFE), null);
    const notes = count('notice_request');
    aa.concludeReview(env.actor, r.id, r.version + 2, { outcome: 'continue', reasons: [], legalBasis: [] });
    expect(roster()).toMatchObject({
      status: 'active',
      amount_fen: 68000,
      review_basis: 'stable',
      review_months: 12,
      next_review_on: '2027-09-01',
    });
    expect(count('notice_request')).toBe(notes);
    expect(outbox().at(-1)!.body).toMatchObject({ action: 'reviewContinue', roster: { nextReviewOn: '2027-09-01' } });
    // A new review can start later.
    expect(view().review).toMatchObject({ status: 'concluded', outcome: 'continue', notice: null });
  });

  it('adjust: needs the new amount; once decided, 调整通知书 with the redress route; next review recomputed', () => {
    const r = signedBoth();
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'adjust', ...W }))).toBe('ROSTER_REVIEW_AMOUNT_REQUIRED');
    aa.concludeReview(env.actor, r.id, r.version, { outcome: 'adjust', newAmountFen: 40000, effectiveMonth: '2026-10', ...W });
    expect(roster()).toMatchObject({ amount_fen: 68000, next_review_on: '2026-09-01' });
    expect(count('notice_request', "kind = 'termination'")).toBe(0);
    countyDecides(aa, caseId);
    expect(roster()).toMatchObject({ amount_fen: 40000, status: 'active', next_review_on: '2027-03-01' });
    const t = terminationSchema.parse(notices('termination')[0]);
    expect(t).toMatchObject({
      action: 'adjust',
      previousAmountFen: 68000,
      newAmountFen: 40000,
      effectiveMonth: '2026-10',
      redress: { court: REDRESS.court },
    });
  });

  it('stop: needs reasons; a proposal until decided (no new review meanwhile); then 终止通知书, the household leaves the roster and cannot be reviewed again', () => {
    const r = signedBoth();
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'stop', reasons: [], legalBasis: W.legalBasis }))).toBe(
      'ROSTER_REVIEW_REASONS_REQUIRED',
    );
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'stop', ...W, effectiveMonth: '2026-08' }))).toBe(
      'ROSTER_REVIEW_MONTH_PAST',
    );
    expect(roster().status).toBe('active');
    aa.concludeReview(env.actor, r.id, r.version, { outcome: 'stop', ...W });
    expect(roster().status).toBe('active');
    expect(count('notice_request', "kind = 'termination'")).toBe(0);
    expect(outbox().at(-1)!.body).toMatchObject({ action: 'changeProposed', change: { status: 'proposed', outcome: 'stop' } });
    expect(codeOf(() => aa.startReview(env.actor, rosterId, env.svc.mustGet(caseId).version))).toBe('CHANGE_PROPOSAL_OPEN');
    countyDecides(aa, caseId);
    expect(roster()).toMatchObject({ status: 'stopped', stopped_on: '2026-09-01' });
    expect(terminationSchema.parse(notices('termination')[0])).toMatchObject({
      action: 'terminate',
      effectiveMonth: '2026-10',
      reasons: W.reasons,
    });
    expect(outbox().at(-1)!.body).toMatchObject({ action: 'reviewStop', roster: { status: 'stopped' } });
    const reviews = count('household_review');
    expect(codeOf(() => aa.startReview(env.actor, rosterId, env.svc.mustGet(caseId).version))).toBe('ROSTER_REVIEW_STOPPED');
    expect(count('household_review')).toBe(reviews);
  });

  it("an outcome that owes a notice needs the station's redress route", () => {
    const r = signedBoth();
    env.svc.setSettings(env.actor, {
      ...env.svc.settings(),
      notice: { headerLines: [], issuer: '', nameMask: 'keep-first-last', publicityNameMask: 'none' },
    });
    expect(codeOf(() => aa.concludeReview(env.actor, r.id, r.version, { outcome: 'stop', ...W }))).toBe('DECISION_REDRESS_MISSING');
    expect(roster().status).toBe('active');
    expect(view().review!.status).toBe('open');
  });
});
