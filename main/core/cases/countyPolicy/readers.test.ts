import { expect, it } from 'vitest';
import { afterAcceptanceStation } from '../../afterAcceptance/testing/stationHooks';
import { codeOf } from '../../kernel/store/testing/fixtures';
import { faceCapture, intakeSignature } from '../testing/captures';
import type { ApplicationInput } from '../../../../common/cases/application';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../testing/household';
import { applyPolicyItem } from './applyPolicy';

/**
 * The county's parameters reach the features that read the settings through the cases service, not only
 * `settings()`: the 先行救助 limit and papers days of 临时救助, the decision delegation and its limit, on a real
 * encrypted station (the values applied by the `policy` pull handler's own function).
 */
const station = afterAcceptanceStation();
const TEMPORARY_MATERIALS = ['application_form', 'id_cards', 'hardship_proof'].map((code) => ({ code, status: 'received' as const }));
const ADVANCE = { amountFen: 150_000, form: 'cash' as const, paidOn: '2026-02-12', paidBy: '王明', reason: '家中失火，生活用品全部烧毁' };

function publish(key: string, value: unknown, effectiveFrom: string): void {
  const { env } = station;
  const item = { kind: 'policy', feedSeq: 1, at: env.clock.now().getTime(), key, value, effectiveFrom, publishedBy: '綦江区民政局' };
  expect(applyPolicyItem(env.t.station.db, item, env.svc.now(), () => undefined)).toBeUndefined();
}

function submittedCase(extra: Partial<ApplicationInput>): string {
  const { env } = station;
  const saved = env.svc.saveDraft(env.actor, { application: threePersonDibao(extra) });
  env.svc.submit(env.actor, saved.caseId, saved.rev);
  for (const p of [HUSBAND, WIFE]) env.svc.authorize(env.actor, saved.caseId, p.idNumber, intakeSignature(saved.caseId, p), faceCapture());
  return saved.caseId;
}
const urgentCase = () => submittedCase({ type: 'temporary', subtype: 'emergency', materials: TEMPORARY_MATERIALS });

it('临时救助: the county’s 先行救助 limit and papers days from their day, over the local 1000 元 and 5 days', () => {
  const { env, aa } = station;
  publish('relief.advanceLimitYuan', 2000, '2026-02-12');
  publish('relief.advancePapersWorkingDays', 3, '2026-02-12');
  publish('relief.advanceLimitYuan', 1200, '2026-03-01');
  const caseId = urgentCase();
  // 1500 元: over the local 1000, within the county's 2000 in force on 12 February.
  aa.recordAdvance(env.actor, caseId, 1, ADVANCE);
  expect(env.svc.repo.deadlines(caseId).find((d) => d.kind === 'relief_papers')).toMatchObject({
    from_date: '2026-02-12',
    working_days: 3,
  });
  expect(env.svc.county.localSettings().relief).toMatchObject({ advanceLimitYuan: 1000, advancePapersWorkingDays: 5 });
  // From 1 March the later publication's 1200 applies.
  env.clock.advance(17 * 86_400_000);
  const next = urgentCase();
  expect(codeOf(() => aa.recordAdvance(env.actor, next, 1, { ...ADVANCE, paidOn: '2026-03-01' }))).toBe('RELIEF_ADVANCE_OVER_LIMIT');
});

it('decision delegation: from the county’s day, an accepted case’s decision limit is the delegated one it published, not the national 30', () => {
  const { env } = station;
  publish('decisionDelegated', true, '2026-02-12');
  publish('limits.delegatedDecisionWorkingDays', 12, '2026-02-12');
  const caseId = submittedCase({ materials: DIBAO_MATERIALS_RECEIVED });
  env.svc.decide(env.actor, caseId, 1, { kind: 'accept' });
  expect(env.svc.repo.deadlines(caseId).find((d) => d.kind === 'decision')).toMatchObject({ from_date: '2026-02-12', working_days: 12 });
  expect(env.svc.county.localSettings()).toMatchObject({ decisionDelegated: false, limits: { delegatedDecisionWorkingDays: 20 } });
});
