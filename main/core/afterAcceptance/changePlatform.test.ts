import { afterEach, describe, expect, it } from 'vitest';
import { terminationSchema } from '../../../common/documents/termination';
import { changeProposalBodySchema, decisionRefusalBodySchema } from '../../../common/sync/decisions';
import { WIFE } from '../cases/testing/household';
import { codeOf } from '../kernel/store/testing/fixtures';
import { ChangeRepo } from './changeRepo';
import { platformStation, type PlatformStation } from './testing/platformStation';
import { acceptedCase, OPINION, REDRESS, signedVisit } from './testing/fixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const DAY = 86_400_000;
const STOP = { outcome: 'stop' as const, reasons: ['家庭成员死亡，保障条件发生变化'], legalBasis: ['《社会救助暂行办法》第十三条'] };

const station = () => platformStation(cleanups);

/** Accepted → visit → 公示 over → synced → the county approves on the platform → pulled: on the roster at 680 yuan. */
async function enrolled(s: PlatformStation): Promise<string> {
  const caseId = acceptedCase(s.cases, s.actor);
  s.aa.recordVisit(s.actor, caseId, 2, signedVisit(caseId));
  s.aa.giveOpinion(s.actor, caseId, 3, OPINION);
  s.clock.advance(7 * DAY);
  s.aa.endPublicity(s.actor, caseId, 4);
  await s.sync();
  await s.p.platform.admin.decide({ caseId, outcome: 'approved', amountFen: 68000, startMonth: '2026-03' });
  await s.sync();
  expect(s.aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
  return caseId;
}

/** A death warning pulled for the wife, verified by the clerk. */
async function verifiedWarning(s: PlatformStation): Promise<string> {
  await s.p.platform.admin.warn({ idNumber: WIFE.idNumber, type: 'death', stationId: 'ST-0001' });
  await s.sync();
  const w = s.aa.work.repo.warnings().find((x) => x.status === 'open')!;
  s.aa.verifyWarning(s.actor, w.id, { verifiedOn: '2026-02-23', method: '入户核实', findings: '经核实李秀英已死亡，有死亡医学证明' });
  return w.id;
}

describe('who decides a change to a benefit, against the REAL reference platform on 127.0.0.1', () => {
  it("a clerk's stop is a proposal: roster unchanged, no notice, synced as a typed change.proposal; only the county's decision, pulled, stops the benefit and queues the 终止通知书", async () => {
    const s = await station();
    const caseId = await enrolled(s);
    const warningId = await verifiedWarning(s);

    s.aa.closeWarning(s.actor, warningId, STOP);
    expect(s.aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
    expect(s.notices(caseId, 'termination')).toHaveLength(0);
    await s.sync();
    // The proposal reached the platform as its own typed record, validated and acknowledged, and the admin's record list shows what it proposes.
    const [proposal] = await s.records('change.proposal', caseId);
    expect(proposal).toMatchObject({ status: 'acknowledged' });
    const body = changeProposalBodySchema.parse(proposal!.body);
    expect(body).toMatchObject({
      caseId,
      origin: 'warning',
      originId: warningId,
      outcome: 'stop',
      previousAmountFen: 68000,
      effectiveMonth: '2026-03',
      reasons: STOP.reasons,
    });
    expect((await s.p.platform.admin.getCase(caseId))?.body).toMatchObject({
      action: 'changeProposed',
      change: { proposalId: body.proposalId, status: 'proposed' },
    });
    // A decision for a proposal the platform does not hold is refused there.
    await expect(s.p.platform.admin.decideChange({ caseId, proposalId: 'no-such-proposal', outcome: 'approved' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(s.aa.work.repo.rosterOfCase(caseId)?.status).toBe('active');

    // The county decides on the platform; the next pull applies it in the page's transaction.
    const decision = await s.p.platform.admin.decideChange({ caseId, proposalId: body.proposalId, outcome: 'approved' });
    await s.sync();
    expect(s.aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'stopped', stopped_on: '2026-02-19' });
    const [t] = s.notices(caseId, 'termination');
    expect(terminationSchema.parse(JSON.parse(t!.data))).toMatchObject({
      action: 'terminate',
      previousAmountFen: 68000,
      effectiveMonth: '2026-03',
      reasons: STOP.reasons,
      redress: { court: REDRESS.court },
    });
    expect(new ChangeRepo(s.db).get(body.proposalId)).toMatchObject({
      status: 'approved',
      decision_id: decision.id,
      decision_source: 'platform',
    });
    await s.sync();
    expect((await s.p.platform.admin.getCase(caseId))?.body).toMatchObject({
      action: 'warningStop',
      roster: { status: 'stopped' },
      change: { proposalId: body.proposalId, decisionId: decision.id, status: 'approved' },
    });

    // The same decision again (a feed rebuilt): nothing happens twice; a second decision on it is sent back.
    await s.p.platform.admin.resetFeed();
    await s.sync();
    expect(s.notices(caseId, 'termination')).toHaveLength(1);
    const again = await s.p.platform.admin.decideChange({
      caseId,
      proposalId: body.proposalId,
      outcome: 'refused',
      reasons: ['复核后继续保障'],
    });
    await s.sync();
    await s.sync();
    const returned = (await s.records('decision.refusal', caseId)).map((r) => decisionRefusalBodySchema.parse(r.body));
    expect(returned).toEqual([
      expect.objectContaining({
        decisionId: again.id,
        decisionKind: 'change-decision',
        code: 'CHANGE_ALREADY_DECIDED',
        caseState: 'approved',
      }),
    ]);
    expect(s.aa.work.repo.rosterOfCase(caseId)?.status).toBe('stopped');
  }, 60_000);

  it('the county refuses a proposal: the benefit continues unchanged, no notice; the refusal reasons are kept', async () => {
    const s = await station();
    const caseId = await enrolled(s);
    const warningId = await verifiedWarning(s);
    s.aa.closeWarning(s.actor, warningId, {
      outcome: 'adjust',
      newAmountFen: 45000,
      reasons: ['家庭成员减少，人均收入变化'],
      legalBasis: ['《最低生活保障审核确认办法》第三十二条'],
    });
    await s.sync();
    const proposalId = changeProposalBodySchema.parse((await s.records('change.proposal', caseId))[0]!.body).proposalId;
    await expect(s.p.platform.admin.decideChange({ caseId, proposalId, outcome: 'refused' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await s.p.platform.admin.decideChange({ caseId, proposalId, outcome: 'refused', reasons: ['另有赡养人死亡抚恤金未计入，暂不调整'] });
    await s.sync();
    expect(s.aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
    expect(s.notices(caseId, 'termination')).toHaveLength(0);
    expect(new ChangeRepo(s.db).get(proposalId)).toMatchObject({
      status: 'refused',
      decision_reasons: JSON.stringify(['另有赡养人死亡抚恤金未计入，暂不调整']),
    });
    expect(s.cases.repo.events(caseId).at(-1)).toMatchObject({ action: 'changeRefused' });
    // Decided: nothing stays open, and the warning that led to it stays closed.
    expect(new ChangeRepo(s.db).openOf(s.aa.work.repo.rosterOfCase(caseId)!.id)).toBeUndefined();
    expect(codeOf(() => s.aa.closeWarning(s.actor, warningId, STOP))).toBe('WARNING_CLOSED');
  }, 60_000);

  it('an approval for a case still at 已受理 is not silently dropped: kept as DECISION_WRONG_STEP, sent back as decision.refusal, which the platform lists', async () => {
    const s = await station();
    const caseId = acceptedCase(s.cases, s.actor);
    await s.sync();
    const decision = await s.p.platform.admin.decide({ caseId, outcome: 'approved', amountFen: 68000, startMonth: '2026-03' });
    const run = await s.sync();
    expect(run.outcome).toBe('ok');
    expect(s.cases.mustGet(caseId).state).toBe('accepted');
    expect(s.aa.work.repo.decision(decision.id)).toMatchObject({ status: 'refused', refusal_code: 'DECISION_WRONG_STEP' });
    expect(s.aa.work.repo.rosterOfCase(caseId)).toBeUndefined();
    // The refusal, its record and the timeline line were written with the pull; the next push carries it.
    const [row] = new ChangeRepo(s.db).refusals({ caseId, limit: 10 });
    expect(row).toMatchObject({ decision_id: decision.id, kind: 'decision', code: 'DECISION_WRONG_STEP' });
    expect(row!.message).toContain('已受理');
    expect(s.cases.repo.events(caseId).at(-1)).toMatchObject({ action: 'decisionReturned' });
    await s.sync();
    const [held] = await s.records('decision.refusal', caseId);
    expect(held).toMatchObject({ status: 'acknowledged' });
    expect(decisionRefusalBodySchema.parse(held!.body)).toMatchObject({
      decisionId: decision.id,
      decisionKind: 'decision',
      caseId,
      code: 'DECISION_WRONG_STEP',
      caseState: 'accepted',
    });
    expect(new ChangeRepo(s.db).refusals({ caseId, limit: 10 })[0]).toMatchObject({ record_state: 'acknowledged' });
    // Pulled again (a rebuilt feed): not returned twice.
    await s.p.platform.admin.resetFeed();
    await s.sync();
    await s.sync();
    expect(await s.records('decision.refusal', caseId)).toHaveLength(1);
  }, 60_000);
});
