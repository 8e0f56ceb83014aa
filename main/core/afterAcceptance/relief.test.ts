import { beforeEach, describe, expect, it } from 'vitest';
import { makeRecordValidator } from '../../../city-platform/apply/validateRecord';
import type { JiuzhuError } from '../../../common/contract/errors';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../cases/testing/household';
import { faceCapture, intakeSignature } from '../cases/testing/captures';
import { CertificationService } from '../certification/service';
import { codeOf } from '../kernel/store/testing/fixtures';
import { Outbox } from '../sync/outbox/outbox';
import { StatsRepo } from '../stats/statsRepo';
import { overview } from '../stats/overview';
import type { AfterAcceptanceService } from './service';
import { reliefOfCase } from './reliefViews';
import { afterAcceptanceStation, type AfterAcceptanceStation } from './testing/stationHooks';
import { caseworkerOn, OPINION, REDRESS, signedVisit } from './testing/fixture';
import type { ApplicationInput } from '../../../common/cases/application';
import { reliefApprovalSchema } from '../../../common/documents/reliefApproval';
import { monitoringApprovalSchema } from '../../../common/documents/monitoringApproval';

/**
 * 临时救助 (先行救助 and the grant), 低保边缘 without a monthly amount, and 低收入人口 monitoring —
 * each rule's refusal and allowed path on a real encrypted station (issue 15 §8–9).
 */
const station = afterAcceptanceStation();
let env: AfterAcceptanceStation['env'];
let aa: AfterAcceptanceService;
beforeEach(() => ({ env, aa } = station));

const DAY = 86_400_000;
const db = () => env.t.station.db;
const count = (table: string, where = '1') => (db().prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const notices = (caseId: string, kind: string) =>
  (db().prepare('SELECT data FROM notice_request WHERE case_id = ? AND kind = ?').all(caseId, kind) as Array<{ data: string }>).map(
    (r) => JSON.parse(r.data) as unknown,
  );
const outbox = (caseId: string, kind: string) => new Outbox(db(), env.clock).byCase(caseId).filter((r) => r.kind === kind);
const validate = makeRecordValidator(() => env.svc.today());
const state = (caseId: string) => env.svc.mustGet(caseId);
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as JiuzhuError).message;
  }
  throw new Error('expected an error');
};

const TEMPORARY_MATERIALS = ['application_form', 'id_cards', 'hardship_proof'].map((code) => ({ code, status: 'received' as const }));
const MARGINAL_MATERIALS = ['application_form', 'hukou', 'id_cards', 'income_statement', 'asset_statement'].map((code) => ({
  code,
  status: 'received' as const,
}));

/** A household of the given type, submitted and authorized by both adults (version 1, or 2 once accepted). */
function submitted(extra: Partial<ApplicationInput>, accept = true): string {
  const saved = env.svc.saveDraft(env.actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED, ...extra }) });
  env.svc.submit(env.actor, saved.caseId, saved.rev);
  env.svc.authorize(env.actor, saved.caseId, HUSBAND.idNumber, intakeSignature(saved.caseId, HUSBAND), faceCapture());
  env.svc.authorize(env.actor, saved.caseId, WIFE.idNumber, intakeSignature(saved.caseId, WIFE), faceCapture());
  if (accept) env.svc.decide(env.actor, saved.caseId, 1, { kind: 'accept' });
  return saved.caseId;
}
const urgent = (accept = true) => submitted({ type: 'temporary', subtype: 'emergency', materials: TEMPORARY_MATERIALS }, accept);
const marginal = () => submitted({ type: 'marginal', subtype: undefined, materials: MARGINAL_MATERIALS });

/** accepted (version 2) → visit → opinion → 公示 over → awaiting the decision. */
function upToDecision(caseId: string, amountFen = OPINION.amountFen): void {
  let v = state(caseId).version;
  aa.recordVisit(env.actor, caseId, v++, signedVisit(caseId));
  aa.giveOpinion(env.actor, caseId, v++, { ...OPINION, amountFen });
  env.clock.advance(7 * DAY);
  aa.endPublicity(env.actor, caseId, v);
  expect(state(caseId).state).toBe('awaiting_decision');
}

const ADVANCE = { amountFen: 80000, form: 'cash' as const, paidOn: '2026-02-12', paidBy: '王明', reason: '家中失火，生活用品全部烧毁' };
const decision = (caseId: string, over: Record<string, unknown> = {}) => ({
  kind: 'decision' as const,
  feedSeq: 1,
  at: 1_771_545_600_000,
  id: 'dec-r',
  caseId,
  outcome: 'approved' as const,
  amountFen: 150000,
  ...over,
});

describe('临时救助: 先行救助 and the grant', () => {
  it('pays first only on an urgent case, within the county limit named in 元, never dated ahead; one advance; the papers deadline runs from the payment', () => {
    const dibao = submitted({});
    expect(codeOf(() => aa.recordAdvance(env.actor, dibao, 2, ADVANCE))).toBe('RELIEF_ADVANCE_NOT_URGENT');
    const expense = submitted({ type: 'temporary', subtype: 'expense', materials: TEMPORARY_MATERIALS });
    expect(codeOf(() => aa.recordAdvance(env.actor, expense, 2, ADVANCE))).toBe('RELIEF_ADVANCE_NOT_URGENT');

    const caseId = urgent(false); // submitted, not yet accepted: the station may pay before the papers.
    expect(codeOf(() => aa.recordAdvance(env.actor, caseId, 1, { ...ADVANCE, amountFen: 100001 }))).toBe('RELIEF_ADVANCE_OVER_LIMIT');
    expect(message(() => aa.recordAdvance(env.actor, caseId, 1, { ...ADVANCE, amountFen: 100001 }))).toContain('限额 1000 元');
    expect(codeOf(() => aa.recordAdvance(env.actor, caseId, 1, { ...ADVANCE, paidOn: '2026-02-13' }))).toBe('RELIEF_PAID_IN_FUTURE');
    expect(count('relief_payment')).toBe(0);
    expect(state(caseId).version).toBe(1);

    aa.recordAdvance(env.actor, caseId, 1, ADVANCE);
    expect(state(caseId)).toMatchObject({ state: 'submitted', version: 2 });
    // 5 working days from Thu 12 Feb 2026 on the official calendar (the 春节 holiday starts on the 15th).
    const due = env.svc.repo.deadlines(caseId).find((d) => d.kind === 'relief_papers')!;
    expect(due).toMatchObject({ from_date: '2026-02-12', working_days: 5, met_at: null });
    expect(due.due_date > '2026-02-18').toBe(true);
    expect(reliefOfCase(aa.work, caseId).advance).toEqual({ state: 'papers_pending', dueOn: due.due_date });
    const [rec] = outbox(caseId, 'relief.payment');
    expect(rec!.body).toMatchObject({ kind: 'advance', amountFen: 80000, form: 'cash', paidBy: '王明', papersDueOn: due.due_date });
    expect(validate({ ...rec!, seq: rec!.seq })).toEqual({ ok: true });
    expect(env.svc.repo.events(caseId).at(-1)!.action).toBe('reliefAdvance');
    expect(codeOf(() => aa.recordAdvance(env.actor, caseId, 2, ADVANCE))).toBe('RELIEF_ADVANCE_EXISTS');

    // The county raises its limit: a larger advance on another urgent case goes through.
    env.svc.setSettings(env.actor, { ...env.svc.settings(), relief: { ...env.svc.settings().relief, advanceLimitYuan: 3000 } });
    const other = urgent();
    aa.recordAdvance(env.actor, other, 2, { ...ADVANCE, amountFen: 250000, form: 'in_kind', inKind: '棉被 2 床、大米 50 斤' });
    expect(count('relief_payment', "kind = 'advance'")).toBe(2);
  });

  it('the 初审意见 completes the papers; the approval records the grant (form, instalments), with no roster entry, review or 资格认证', () => {
    env.svc.setSettings(env.actor, { ...env.svc.settings(), notice: { ...env.svc.settings().notice, redress: REDRESS } });
    const caseId = urgent();
    aa.recordAdvance(env.actor, caseId, 2, ADVANCE);
    upToDecision(caseId, 150000);
    expect(reliefOfCase(aa.work, caseId).advance?.state).toBe('papers_done');
    expect(codeOf(() => aa.recordAdvance(env.actor, caseId, state(caseId).version, ADVANCE))).toBe('RELIEF_ADVANCE_WRONG_STEP');

    // Without the form of payment the decision cannot be carried out: recorded, sent back, nothing applied.
    expect(aa.pulledDecision(decision(caseId, { id: 'dec-x' }))).toMatchObject({ applied: false, code: 'DECISION_RELIEF_INCOMPLETE' });
    expect(aa.pulledDecision(decision(caseId, { id: 'dec-y', relief: { form: 'in_kind' } }))).toMatchObject({
      applied: false,
      code: 'DECISION_RELIEF_INCOMPLETE',
    });
    expect(state(caseId).state).toBe('awaiting_decision');

    expect(aa.pulledDecision(decision(caseId, { relief: { form: 'transfer', payments: 3 } }))).toEqual({ applied: true });
    expect(state(caseId).state).toBe('approved');
    expect(count('roster')).toBe(0);
    expect(count('notice_request', "kind = 'approval'")).toBe(0);
    // Its own notice: the total, the form, the instalments and the 先行救助 already paid.
    const [n] = notices(caseId, 'relief-approval');
    expect(reliefApprovalSchema.parse(n)).toMatchObject({
      category: 'temporary-emergency',
      amountFen: 150000,
      form: 'transfer',
      payments: 3,
      advance: { amountFen: 80000, form: 'cash', paidOn: '2026-02-12' },
      legalBasis: ['《社会救助暂行办法》第四十七条', '《社会救助暂行办法》第四十九条'],
    });
    const view = reliefOfCase(aa.work, caseId);
    expect(view.payments.map((p) => [p.kind, p.amountFen, p.form, p.payments])).toEqual([
      ['advance', 80000, 'cash', 1],
      ['grant', 150000, 'transfer', 3],
    ]);
    const grant = outbox(caseId, 'relief.payment').at(-1)!;
    expect(grant.body).toMatchObject({ kind: 'grant', decisionId: 'dec-r', amountFen: 150000, payments: 3 });
    expect(validate(grant)).toEqual({ ok: true });
    const cert = new CertificationService({ db: db(), clock: env.clock, audit: env.t.auth.audit() });
    expect(cert.dueList('all', 100).rows).toHaveLength(0);
    expect(codeOf(() => cert.person(HUSBAND.idNumber))).toBe('CERT_NOT_ON_ROSTER');
    const o = overview(
      new StatsRepo(db()),
      env.svc.withCalendar((c) => c),
      env.svc.today(),
      {},
    );
    expect(o.assistance.relief).toEqual({ advances: 1, advanceAmountFen: 80000, grants: 1, grantAmountFen: 150000 });
    expect(o.assistance.byType).toEqual([]);
  });
});

describe('临时救助: a decision recorded as not applied is retried with its payment details', () => {
  it('a grant that arrived before the case was ready applies on retry with the form and instalments the county sent', () => {
    const caseId = urgent();
    const sent = decision(caseId, { id: 'dec-early', relief: { form: 'in_kind', inKind: '大米 50 斤', payments: 2 } });
    expect(aa.pulledDecision(sent)).toMatchObject({ applied: false, code: 'DECISION_WRONG_STEP' });
    expect(JSON.parse(aa.work.repo.decision('dec-early')!.relief!)).toEqual({ form: 'in_kind', inKind: '大米 50 斤', payments: 2 });

    upToDecision(caseId, 150000);
    aa.retryDecision(env.actor, 'dec-early');
    expect(state(caseId).state).toBe('approved');
    expect(aa.work.repo.decision('dec-early')).toMatchObject({ status: 'applied' });
    expect(reliefOfCase(aa.work, caseId).payments.map((p) => [p.kind, p.amountFen, p.form, p.inKind, p.payments])).toEqual([
      ['grant', 150000, 'in_kind', '大米 50 斤', 2],
    ]);
    expect(reliefApprovalSchema.parse(notices(caseId, 'relief-approval')[0])).toMatchObject({
      amountFen: 150000,
      form: 'in_kind',
      inKind: '大米 50 斤',
      payments: 2,
    });
    expect(reliefApprovalSchema.parse(notices(caseId, 'relief-approval')[0]).advance).toBeUndefined();
  });
});

describe('低保边缘 without a monthly amount', () => {
  it('goes on the monitoring roster without an amount unless the county sets one; reviewed as monitoring; no 资格认证; counted apart from 低保', () => {
    const caseId = marginal();
    upToDecision(caseId, 0);
    expect(aa.pulledDecision(decision(caseId, { id: 'dec-amount', amountFen: 30000, startMonth: '2026-03' }))).toMatchObject({
      applied: false,
      code: 'DECISION_NO_MONTHLY_AMOUNT',
    });
    expect(aa.work.repo.decision('dec-amount')!.refusal).toContain('低保边缘家庭');
    expect(aa.pulledDecision(decision(caseId, { amountFen: undefined, startMonth: '2026-03' }))).toEqual({ applied: true });
    const roster = aa.work.repo.rosterOfCase(caseId)!;
    expect(roster).toMatchObject({
      monthly: 0,
      amount_fen: 0,
      category: 'marginal',
      review_basis: 'monitoring',
      review_months: 12,
      next_review_on: '2027-03-01',
    });
    expect(count('notice_request', "kind = 'approval'")).toBe(0);
    const [n] = notices(caseId, 'monitoring-approval');
    const data = monitoringApprovalSchema.parse(n);
    expect(data).toMatchObject({ category: 'marginal', householdSize: 3, nextReviewOn: '2027-03-01' });
    expect(data.monthlyAmountFen).toBeUndefined();

    const cert = new CertificationService({ db: db(), clock: env.clock, audit: env.t.auth.audit() });
    expect(cert.dueList('all', 100).rows).toHaveLength(0);
    expect(codeOf(() => cert.person(HUSBAND.idNumber))).toBe('CERT_MONITORING_ONLY');

    // A 低保 household beside it: its amount is the only one in the monthly total.
    const dibao = submitted({});
    upToDecision(dibao);
    aa.pulledDecision(decision(dibao, { id: 'dec-d', amountFen: 68000, startMonth: '2026-03' }));
    const o = overview(
      new StatsRepo(db()),
      env.svc.withCalendar((c) => c),
      env.svc.today(),
      {},
    );
    expect(o.roster.monthlyAmountFen).toBe(68000);
    expect(o.assistance.byType).toEqual([
      { type: 'dibao', households: 1, monitoringOnly: 0, monthlyAmountFen: 68000 },
      { type: 'marginal', households: 1, monitoringOnly: 1, monthlyAmountFen: 0 },
    ]);
    expect(cert.dueList('all', 100).rows.every((r) => r.caseId === dibao)).toBe(true);

    // Nothing to adjust: a warning's adjustment is refused; stopping (leaving the roster) remains possible.
    env.svc.setSettings(env.actor, { ...env.svc.settings(), notice: { ...env.svc.settings().notice, redress: REDRESS } });
    aa.pulledWarning({ kind: 'warning', feedSeq: 2, at: 1, id: 'w-1', idNumber: WIFE.idNumber, type: 'marriage' });
    aa.verifyWarning(env.actor, 'w-1', { verifiedOn: env.svc.today(), method: '入户核实', findings: '已离婚迁出' });
    const adjust = {
      outcome: 'adjust' as const,
      reasons: ['家庭人口变化'],
      legalBasis: ['《社会救助暂行办法》第十三条'],
      newAmountFen: 1000,
    };
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', adjust))).toBe('ROSTER_NO_MONTHLY_AMOUNT');
    aa.closeWarning(env.actor, 'w-1', { outcome: 'stop', reasons: ['收入超过边缘标准'], legalBasis: ['《社会救助暂行办法》第十三条'] });
    expect(count('benefit_change', "outcome = 'stop'")).toBe(1);
  });

  it('where the county pays 低保边缘 households a monthly amount, the approval carries it and 资格认证 applies', () => {
    env.svc.setSettings(env.actor, {
      ...env.svc.settings(),
      relief: { ...env.svc.settings().relief, monthlyAmount: { marginal: true, rigid: false } },
    });
    const caseId = marginal();
    upToDecision(caseId, 20000);
    expect(aa.pulledDecision(decision(caseId, { amountFen: 20000, startMonth: '2026-03' }))).toEqual({ applied: true });
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ monthly: 1, amount_fen: 20000, review_basis: 'monitoring' });
    // The monitoring notice, with what the county pays.
    expect(count('notice_request', "kind = 'approval'")).toBe(0);
    expect(monitoringApprovalSchema.parse(notices(caseId, 'monitoring-approval')[0])).toMatchObject({
      category: 'marginal',
      monthlyAmountFen: 20000,
      startMonth: '2026-03',
    });
    const cert = new CertificationService({ db: db(), clock: env.clock, audit: env.t.auth.audit() });
    expect(cert.person(HUSBAND.idNumber).roster.case_id).toBe(caseId);
  });
});

describe('低收入人口 monitoring', () => {
  it('a refused applicant is put under monitoring with a reason; warnings about the household are worked; only "no change" closes them; leaving is recorded', () => {
    env.svc.setSettings(env.actor, { ...env.svc.settings(), notice: { ...env.svc.settings().notice, redress: REDRESS } });
    const caseId = submitted({});
    // A warning before any monitoring: kept as not on the roster.
    expect(aa.pulledWarning({ kind: 'warning', feedSeq: 1, at: 1, id: 'w-early', idNumber: WIFE.idNumber, type: 'disability' })).toBe(
      'not_on_roster',
    );
    expect(codeOf(() => aa.enterMonitoring(env.actor, caseId, '申请未获批准，家庭收入接近标准'))).toBe('MONITORING_NOT_ELIGIBLE');
    upToDecision(caseId);
    aa.pulledDecision(
      decision(caseId, { id: 'dec-no', outcome: 'refused', amountFen: undefined, reasons: ['家庭人均收入高于当地低保标准'] }),
    );
    expect(state(caseId).state).toBe('refused');

    const m = aa.enterMonitoring(env.actor, caseId, '申请未获批准，家庭收入接近标准');
    expect(m).toMatchObject({ origin: 'refused', status: 'active' });
    expect(codeOf(() => aa.enterMonitoring(env.actor, caseId, '再次纳入'))).toBe('MONITORING_ALREADY');
    // The earlier warning can be worked now.
    expect(aa.work.repo.warning('w-early')).toMatchObject({ status: 'open', monitoring_id: m.id });
    expect(aa.pulledWarning({ kind: 'warning', feedSeq: 2, at: 2, id: 'w-1', idNumber: HUSBAND.idNumber, type: 'death' })).toBe('opened');
    aa.assignWarning(env.actor, 'w-1', caseworkerOn(env.t));
    aa.verifyWarning(env.actor, 'w-1', { verifiedOn: env.svc.today(), method: '电话核实', findings: '本人健在，系数据错误' });
    expect(codeOf(() => aa.closeWarning(env.actor, 'w-1', { outcome: 'stop', reasons: ['x'], legalBasis: ['y'] }))).toBe(
      'WARNING_MONITORING_NO_BENEFIT',
    );
    aa.closeWarning(env.actor, 'w-1', { outcome: 'no_change', reasons: ['数据错误，情况无变化'] });
    expect(aa.work.repo.warning('w-1')).toMatchObject({ status: 'closed', outcome: 'no_change' });
    expect(count('benefit_change')).toBe(0);
    const events = env.svc.repo.events(caseId).map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['monitoringEntered', 'warningReceived', 'warningVerified', 'warningNoChange']));

    const ended = aa.exitMonitoring(env.actor, m.id, '家庭收入明显提高');
    expect(ended).toMatchObject({ status: 'ended', end_reason: '家庭收入明显提高' });
    expect(codeOf(() => aa.exitMonitoring(env.actor, m.id, '重复'))).toBe('MONITORING_ENDED');
    expect(aa.pulledWarning({ kind: 'warning', feedSeq: 3, at: 3, id: 'w-late', idNumber: HUSBAND.idNumber, type: 'death' })).toBe(
      'not_on_roster',
    );
    const records = outbox(caseId, 'monitoring.entry');
    expect(records.map((r) => r.body['action'])).toEqual(['enter', 'exit']);
    expect(records[0]!.body['idNumbers']).toEqual(expect.arrayContaining([HUSBAND.idNumber, WIFE.idNumber]));
    for (const r of records) expect(validate(r)).toEqual({ ok: true });
    expect(count('audit_log', "action IN ('monitoring.enter', 'monitoring.exit')")).toBe(2);
  });

  it('a 低保边缘 household on the roster may be monitored too; an open application may not', () => {
    const open = submitted({});
    expect(codeOf(() => aa.enterMonitoring(env.actor, open, '收入不稳定'))).toBe('MONITORING_NOT_ELIGIBLE');
    const caseId = marginal();
    expect(aa.enterMonitoring(env.actor, caseId, '低保边缘家庭，收入不稳定')).toMatchObject({ origin: 'marginal' });
  });
});
