import { beforeEach, describe, expect, it } from 'vitest';
import { approvalSchema } from '../../../common/documents/approval';
import { publicitySchema } from '../../../common/documents/publicity';
import { refusalSchema } from '../../../common/documents/refusal';
import { terminationSchema } from '../../../common/documents/termination';
import { visitFormSchema } from '../../../common/documents/visitForm';
import { codeOf } from '../kernel/store/testing/fixtures';
import { Outbox } from '../sync/outbox/outbox';
import { hydrate } from '../documents/service/hydrate';
import { renderDocument } from '../documents/render';
import { testFonts } from '../documents/testing/fixtures';
import { readPdf } from '../documents/testing/pdfText';
import { CHILD, HUSBAND, WIFE } from '../cases/testing/household';
import type { AfterAcceptanceService } from './service';
import { countyDecides } from './testing/changeFixture';
import { afterAcceptanceStation, type AfterAcceptanceStation } from './testing/stationHooks';
import { acceptedCase, caseworkerOn, OPINION, REDRESS, signedVisit, VISIT } from './testing/fixture';

const station = afterAcceptanceStation();
let env: AfterAcceptanceStation['env'];
let aa: AfterAcceptanceService;
beforeEach(() => ({ env, aa } = station));

const db = () => env.t.station.db;
const DAY = 86_400_000;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const notices = (kind: string) =>
  (db().prepare('SELECT data FROM notice_request WHERE kind = ? ORDER BY requested_at').all(kind) as Array<{ data: string }>).map(
    (r) => JSON.parse(r.data) as Record<string, unknown>,
  );
const lastOutbox = (caseId: string) => new Outbox(db(), env.clock).byCase(caseId).at(-1)!;
const state = (caseId: string) => env.svc.mustGet(caseId);
const decisionItem = (caseId: string, over: Record<string, unknown> = {}) => ({
  kind: 'decision' as const,
  feedSeq: 1,
  at: 1_771_545_600_000,
  id: 'dec-1',
  caseId,
  outcome: 'approved' as const,
  amountFen: 68000,
  startMonth: '2026-03',
  ...over,
});

/** accepted → visit → opinion → 公示 over → awaiting_decision. */
function awaitingDecision(): string {
  const caseId = acceptedCase(env.svc, env.actor);
  aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId));
  aa.giveOpinion(env.actor, caseId, 3, OPINION);
  env.clock.advance(7 * DAY);
  aa.endPublicity(env.actor, caseId, 4);
  expect(state(caseId).state).toBe('awaiting_decision');
  return caseId;
}

describe('home visits, opinion and 公示', () => {
  it('a visit with one staff member is refused and changes nothing; with two it starts the investigation, meets the 3-day deadline and queues the 入户调查表', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    expect(codeOf(() => aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId, { ...VISIT, staff: ['王明', ' 王明 '] })))).toBe(
      'VISIT_STAFF_TOO_FEW',
    );
    expect(state(caseId)).toMatchObject({ state: 'accepted', version: 2 });
    expect(count('case_visit')).toBe(0);
    expect(count('notice_request', "kind = 'visit-form'")).toBe(0);

    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId));
    expect(state(caseId)).toMatchObject({ state: 'investigating', version: 3 });
    expect(env.svc.repo.deadlines(caseId).find((d) => d.kind === 'investigation_start')!.met_at).not.toBeNull();
    const form = visitFormSchema.parse(hydrate(notices('visit-form')[0], (id) => env.svc.attachmentStore.get(id)));
    expect(form.investigators).toEqual(['王明', '刘芳']);
    expect(form.members.map((m) => [m.name, m.relation, m.health, m.monthlyIncomeFen])).toEqual([
      ['张建国', '本人', '健康', 120000],
      ['李秀英', '配偶', '重病', 5000],
      ['张小明', '子女', '健康', 0],
    ]);
    const out = lastOutbox(caseId);
    expect(out.baseVersion).toBe(2);
    expect(out.body).toMatchObject({
      state: 'investigating',
      action: 'startInvestigation',
      applicant: { idNumber: HUSBAND.idNumber },
      visit: { staffCount: 2 },
    });
    // A second visit while investigating is recorded with its own timeline event and outbox record.
    aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId, { ...VISIT, visitedOn: '2026-02-14' }));
    expect(state(caseId)).toMatchObject({ state: 'investigating', version: 4 });
    expect(lastOutbox(caseId).body).toMatchObject({ action: 'visit', version: 4 });
    expect(env.svc.repo.events(caseId).at(-1)!.action).toBe('visit');
    // Stale version: refused.
    expect(codeOf(() => aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId)))).toBe('CASE_STALE');
  });

  it('the opinion needs a visit; 公示 lasts 7 calendar days with only name, size and amount; ending early is refused', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    env.svc.act(env.actor, caseId, 2, 'startInvestigation', null);
    expect(codeOf(() => aa.giveOpinion(env.actor, caseId, 3, OPINION))).toBe('OPINION_NO_VISIT');
    aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId));
    expect(codeOf(() => aa.giveOpinion(env.actor, caseId, 4, { ...OPINION, amountFen: undefined }))).toBe('OPINION_AMOUNT_MISSING');
    aa.giveOpinion(env.actor, caseId, 4, OPINION);
    expect(state(caseId).state).toBe('publicity');
    const list = publicitySchema.parse(notices('publicity')[0]);
    expect(list).toMatchObject({ from: '2026-02-12', to: '2026-02-18', stage: 'initial', community: '桥头镇新街社区' });
    expect(list.rows).toEqual([{ name: '张建国', householdSize: 3, amountFen: 68000 }]);
    expect(list.station).toMatchObject({ publicityNameMask: 'none', nameMask: 'keep-first-last' });
    env.clock.advance(6 * DAY); // 18 Feb, the last day
    expect(codeOf(() => aa.endPublicity(env.actor, caseId, 5))).toBe('PUBLICITY_NOT_OVER');
    expect(state(caseId).state).toBe('publicity');
    env.clock.advance(DAY);
    aa.endPublicity(env.actor, caseId, 5);
    expect(state(caseId).state).toBe('awaiting_decision');
  });

  it("the county's name-mask policy for the 公示 list reaches the printed list", async () => {
    const settings = env.svc.settings();
    env.svc.setSettings(env.actor, { ...settings, notice: { ...settings.notice, publicityNameMask: 'surname-only' } });
    const caseId = acceptedCase(env.svc, env.actor);
    env.svc.act(env.actor, caseId, 2, 'startInvestigation', null);
    aa.recordVisit(env.actor, caseId, 3, signedVisit(caseId));
    aa.giveOpinion(env.actor, caseId, 4, OPINION);
    const list = publicitySchema.parse(notices('publicity')[0]);
    expect(list.station.publicityNameMask).toBe('surname-only');
    const doc = await renderDocument('publicity', list, { fonts: testFonts() });
    const text = (await readPdf(doc.pdf)).map((p) => p.text).join('\n');
    expect(text).toContain('张**');
    expect(text).not.toContain('张建国');
  });

  it('an objection disputes the case; 民主评议 needs 3 participants; either way a new 初审意见 and a new 公示 follow', () => {
    const caseId = acceptedCase(env.svc, env.actor);
    aa.recordVisit(env.actor, caseId, 2, signedVisit(caseId));
    aa.giveOpinion(env.actor, caseId, 3, OPINION);
    aa.recordObjection(env.actor, caseId, 4, { objector: '邻居赵某', content: '反映其家中有经营性收入', receivedOn: '2026-02-12' });
    expect(state(caseId).state).toBe('disputed');
    const review = {
      kind: 'review' as const,
      heldOn: '2026-02-20',
      participants: ['村委会主任', '居民代表甲'],
      outcome: 'reinvestigate' as const,
      summary: '经评议需重新调查经营收入',
    };
    expect(codeOf(() => aa.resolveDispute(env.actor, caseId, 5, review))).toBe('REVIEW_PARTICIPANTS_TOO_FEW');
    aa.resolveDispute(env.actor, caseId, 5, { ...review, participants: [...review.participants, '居民代表乙'] });
    expect(state(caseId).state).toBe('investigating');
    aa.recordVisit(env.actor, caseId, 6, signedVisit(caseId));
    aa.giveOpinion(env.actor, caseId, 7, OPINION);
    aa.recordObjection(env.actor, caseId, 8, { objector: '邻居赵某', content: '仍有异议', receivedOn: '2026-02-12' });
    aa.resolveDispute(env.actor, caseId, 9, {
      ...review,
      participants: ['甲', '乙', '丙'],
      outcome: 'uphold',
      summary: '经评议维持初审意见',
    });
    // Upheld by 民主评议, the case still waits for its new 初审意见 (审核确认办法 art. 19).
    expect(state(caseId).state).toBe('disputed');
    expect(codeOf(() => aa.endPublicity(env.actor, caseId, 10))).toBe('CASE_ILLEGAL_TRANSITION');
    aa.giveOpinion(env.actor, caseId, 10, OPINION);
    expect(state(caseId).state).toBe('publicity');
    const view = aa.work.repo;
    expect(view.objections(caseId)).toHaveLength(2);
    expect(view.reviews(caseId).map((r) => r.outcome)).toEqual(['reinvestigate', 'uphold']);
    expect(view.opinions(caseId).map((o) => o.round)).toEqual([1, 2, 3]);
    expect(publicitySchema.parse(notices('publicity').at(-1)).round).toBe(3);
  });
});

describe('decisions', () => {
  it('a pulled approval: approved, 审核确认通知书 with the linked benefits, household on the roster with its review date, synced record', () => {
    const caseId = awaitingDecision();
    const r = aa.pulledDecision(decisionItem(caseId));
    expect(r).toEqual({ applied: true });
    expect(state(caseId)).toMatchObject({ state: 'approved', version: 6 });
    const notice = notices('approval')[0]!;
    expect(approvalSchema.parse(notice)).toMatchObject({
      monthlyAmountFen: 68000,
      startMonth: '2026-03',
      category: 'dibao-urban',
      householdSize: 3,
      nextReviewOn: '2026-09-01',
    });
    expect((notice['linkedBenefits'] as Array<{ name: string }>).map((b) => b.name)).toContain('医疗救助');
    const roster = aa.work.repo.rosterOfCase(caseId)!;
    // The husband is of working age and able to work: reviewed every 6 months.
    expect(roster).toMatchObject({
      status: 'active',
      amount_fen: 68000,
      since_month: '2026-03',
      review_basis: 'irregular',
      review_months: 6,
      next_review_on: '2026-09-01',
    });
    expect(aa.work.repo.activeRosterOf(CHILD.idNumber)?.id).toBe(roster.id);
    const out = lastOutbox(caseId);
    expect(out.body).toMatchObject({ state: 'approved', action: 'approve', decision: { id: 'dec-1', amountFen: 68000 } });
    expect((out.body as { decision: { linkedBenefits: Array<{ code: string }> } }).decision.linkedBenefits.map((b) => b.code)).toEqual(
      expect.arrayContaining(['medical-assistance', 'pension-premium', 'electricity']),
    );
    expect(env.svc.repo.deadlines(caseId).every((d) => d.met_at !== null)).toBe(true);
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({ action: 'approve', actor_id: 'platform' });

    // The same item again (after mustRefetch): nothing happens twice.
    expect(aa.pulledDecision(decisionItem(caseId))).toEqual({ applied: false, duplicate: true });
    // Another decision for a case no longer awaiting one: recorded with a zh-CN reason, not applied.
    const again = aa.pulledDecision(decisionItem(caseId, { id: 'dec-2', outcome: 'refused', reasons: ['收入超标'] }));
    expect(again).toMatchObject({ applied: false, code: 'DECISION_WRONG_STEP' });
    expect((again as { message: string }).message).toContain('已批准');
    expect(state(caseId)).toMatchObject({ state: 'approved', version: 6 });
    expect(count('notice_request', "kind = 'refusal'")).toBe(0);
    expect(aa.work.repo.decisions(caseId).map((d) => [d.id, d.status])).toEqual([
      ['dec-1', 'applied'],
      ['dec-2', 'refused'],
    ]);
  });

  it('decisions for unknown cases, incomplete approvals and refusals without the redress route are recorded, not applied', () => {
    const caseId = awaitingDecision();
    expect(aa.pulledDecision(decisionItem('no-such-case', { id: 'd-x' }))).toMatchObject({ applied: false, code: 'DECISION_CASE_UNKNOWN' });
    expect(aa.pulledDecision(decisionItem(caseId, { id: 'd-a', startMonth: undefined }))).toMatchObject({
      applied: false,
      code: 'DECISION_APPROVAL_INCOMPLETE',
    });
    expect(aa.pulledDecision(decisionItem(caseId, { id: 'd-r', outcome: 'refused', reasons: ['家庭财产超过规定'] }))).toMatchObject({
      applied: false,
      code: 'DECISION_REDRESS_MISSING',
    });
    expect(state(caseId)).toMatchObject({ state: 'awaiting_decision', version: 5 });
    expect(count('roster')).toBe(0);

    env.svc.setSettings(env.actor, {
      ...env.svc.settings(),
      notice: { ...env.svc.settings().notice, headerLines: [], issuer: '', redress: REDRESS },
    });
    // Unknown case: still not applicable; the record stays.
    expect(codeOf(() => aa.retryDecision(env.actor, 'd-x'))).toBe('DECISION_CASE_UNKNOWN');
    expect(aa.work.repo.decision('d-x')?.status).toBe('refused');
    // The refusal, once the redress route is set, is applied again at the desk.
    aa.retryDecision(env.actor, 'd-r');
    expect(codeOf(() => aa.retryDecision(env.actor, 'd-r'))).toBe('DECISION_NOT_RETRYABLE');
    expect(state(caseId).state).toBe('refused');
    const refusal = refusalSchema.parse(notices('refusal')[0]);
    expect(refusal).toMatchObject({ reasons: ['家庭财产超过规定'], acceptedOn: '2026-02-12', redress: { court: REDRESS.court } });
    expect(refusal.legalBasis.length).toBeGreaterThan(0);
    expect(env.svc.repo.deadlines(caseId).find((d) => d.kind === 'refusal_notice')).toMatchObject({ working_days: 3, met_at: null });
    expect(count('roster')).toBe(0);
  });

  it('a local decision needs the county delegation; wrong step is refused at the desk', () => {
    const caseId = awaitingDecision();
    const d = { outcome: 'approved' as const, amountFen: 50000, startMonth: '2026-03', legalBasis: [] };
    expect(codeOf(() => aa.decideLocally(env.actor, caseId, 5, d))).toBe('DECISION_NOT_DELEGATED');
    env.svc.setSettings(env.actor, { ...env.svc.settings(), decisionDelegated: true });
    aa.decideLocally(env.actor, caseId, 5, d);
    expect(state(caseId).state).toBe('approved');
    expect(aa.work.repo.decisions(caseId)[0]).toMatchObject({ source: 'local', status: 'applied', amount_fen: 50000 });
    expect(codeOf(() => aa.decideLocally(env.actor, caseId, 6, d))).toBe('DECISION_WRONG_STEP');
    expect(count('case_decision')).toBe(1);
  });
});

describe('roster review periods', () => {
  it('stable households yearly, irregular or working-age every 6 months, 特困 yearly — per county settings', async () => {
    const { nextReview } = await import('./reviewRules');
    const { threePersonDibao } = await import('../cases/testing/household');
    const { applicationSchema } = await import('../../../common/cases/application');
    const settings = aa.work.repo.settings();
    const family = applicationSchema.parse(threePersonDibao());
    expect(nextReview(family, '2026-03', '2026-02-20', settings)).toEqual({ basis: 'irregular', months: 6, dueOn: '2026-09-01' });
    const elderly = applicationSchema.parse(
      threePersonDibao({ members: [{ ...HUSBAND, birthDate: '1950-05-12', relationship: 'self' }], income: [] }),
    );
    expect(nextReview(elderly, '2026-03', '2026-02-20', settings)).toEqual({ basis: 'stable', months: 12, dueOn: '2027-03-01' });
    const tekun = applicationSchema.parse(threePersonDibao({ type: 'tekun', subtype: 'dispersed' }));
    expect(
      nextReview(tekun, '2026-03', '2026-02-20', { ...settings, reviewMonths: { stable: 12, irregular: 6, tekun: 24, monitoring: 12 } })
        .dueOn,
    ).toBe('2028-03-01');
  });
});

describe('monitoring warnings', () => {
  function enrolled(): string {
    const caseId = awaitingDecision();
    aa.pulledDecision(decisionItem(caseId));
    return caseId;
  }
  const warn = (idNumber: string, id = 'w-1') => ({
    kind: 'warning' as const,
    feedSeq: 2,
    at: 1_771_632_000_000,
    id,
    idNumber,
    type: 'death' as const,
  });

  it('a warning for a person not on the roster is recorded as such and cannot be worked', () => {
    expect(aa.pulledWarning(warn(HUSBAND.idNumber))).toBe('not_on_roster');
    expect(aa.work.repo.warning('w-1')).toMatchObject({ status: 'not_on_roster', roster_id: null });
    expect(codeOf(() => aa.assignWarning(env.actor, 'w-1', env.actor))).toBe('WARNING_NOT_ON_ROSTER');
    expect(codeOf(() => aa.verifyWarning(env.actor, 'w-1', { verifiedOn: '2026-02-21', method: '入户核实', findings: 'x' }))).toBe(
      'WARNING_NOT_ON_ROSTER',
    );
  });

  it('death warning: deadline in working days, assign, verify, stop only with reasons → a proposal; decided → roster stopped, 终止通知书, synced', () => {
    const caseId = enrolled();
    env.svc.setSettings(env.actor, {
      ...env.svc.settings(),
      notice: { ...env.svc.settings().notice, headerLines: [], issuer: '', redress: REDRESS },
    });
    expect(aa.pulledWarning(warn(WIFE.idNumber))).toBe('opened');
    expect(aa.pulledWarning(warn(WIFE.idNumber))).toBe('duplicate');
    const w = aa.work.repo.warning('w-1')!;
    expect(w.status).toBe('open');
    // Received Thu 19 Feb 2026 (after the 公示 week); 10 working days later, 调休 Sat 28 Feb counted.
    expect(w.due_on).toBe(env.svc.withCalendar((c) => c.addWorkingDays('2026-02-19', 10)));
    expect(env.svc.repo.events(caseId).at(-1)).toMatchObject({ action: 'warningReceived', note: 'death' });

    const worker = caseworkerOn(env.t);
    aa.assignWarning(env.actor, 'w-1', worker);
    expect(aa.work.repo.warning('w-1')).toMatchObject({ assigned_to: worker });
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', { outcome: 'stop', reasons: ['死亡'], legalBasis: ['x'] }))).toBe(
      'WARNING_NOT_VERIFIED',
    );
    aa.verifyWarning(env.actor, 'w-1', { verifiedOn: '2026-02-22', method: '入户核实', findings: '经核实李秀英已于2月15日死亡' });
    const version = state(caseId).version;
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', { outcome: 'stop' }))).toBe('WARNING_REASONS_REQUIRED');
    expect(state(caseId).version).toBe(version);
    expect(count('notice_request', "kind = 'termination'")).toBe(0);

    aa.closeWarning(env.actor, 'w-1', {
      outcome: 'stop',
      reasons: ['家庭成员死亡，经核查家庭情况发生变化'],
      legalBasis: ['《社会救助暂行办法》第十三条'],
    });
    // The warning is worked; the stop is a proposal until the county decides it.
    expect(aa.work.repo.warning('w-1')).toMatchObject({ status: 'closed', outcome: 'stop' });
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
    expect(count('notice_request', "kind = 'termination'")).toBe(0);
    expect(lastOutbox(caseId).body).toMatchObject({
      action: 'changeProposed',
      warning: { id: 'w-1', outcome: 'stop' },
      change: { status: 'proposed' },
    });
    countyDecides(aa, caseId);
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'stopped', stopped_on: '2026-02-19' });
    const t = terminationSchema.parse(notices('termination')[0]);
    expect(t).toMatchObject({
      action: 'terminate',
      previousAmountFen: 68000,
      effectiveMonth: '2026-03',
      redress: { reviewBody: REDRESS.reviewBody },
    });
    expect(state(caseId)).toMatchObject({ state: 'approved', version: version + 2 });
    expect(lastOutbox(caseId).body).toMatchObject({
      action: 'warningStop',
      warning: { id: 'w-1', outcome: 'stop' },
      roster: { status: 'stopped' },
    });
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', { outcome: 'no_change' }))).toBe('WARNING_CLOSED');
    // A new warning for the same person: no longer on the active roster.
    expect(aa.pulledWarning(warn(WIFE.idNumber, 'w-2'))).toBe('not_on_roster');
  });

  it('adjust needs the new amount; decided, it writes the 调整通知书', () => {
    const caseId = enrolled();
    env.svc.setSettings(env.actor, {
      ...env.svc.settings(),
      notice: { ...env.svc.settings().notice, headerLines: [], issuer: '', redress: REDRESS },
    });
    aa.pulledWarning({ ...warn(CHILD.idNumber), type: 'disability' as never });
    aa.verifyWarning(env.actor, 'w-1', { verifiedOn: '2026-02-22', method: '电话核实', findings: '残疾等级变化' });
    const close = { outcome: 'adjust' as const, reasons: ['家庭成员残疾等级变化'], legalBasis: ['《最低生活保障审核确认办法》第二十五条'] };
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', close))).toBe('WARNING_AMOUNT_REQUIRED');
    aa.closeWarning(env.actor, 'w-1', { ...close, newAmountFen: 80000, effectiveMonth: '2026-04' });
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
    countyDecides(aa, caseId);
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 80000 });
    expect(terminationSchema.parse(notices('termination')[0])).toMatchObject({
      action: 'adjust',
      previousAmountFen: 68000,
      newAmountFen: 80000,
      effectiveMonth: '2026-04',
    });
  });
});
