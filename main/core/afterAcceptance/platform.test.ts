import { afterEach, describe, expect, it } from 'vitest';
import { approvalSchema } from '../../../common/documents/approval';
import { terminationSchema } from '../../../common/documents/termination';
import { WIFE } from '../cases/testing/household';
import { platformStation } from './testing/platformStation';
import { acceptedCase, caseworkerOn, OPINION, REDRESS, signedVisit } from './testing/fixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const DAY = 86_400_000;

describe('after acceptance against the REAL reference platform on 127.0.0.1', () => {
  it('accepted → visit, opinion, 公示 over → synced → platform approves → pulled: approved, notice, roster → death warning → verified → stop proposed → county decides → stopped with the 终止通知书, synced back', async () => {
    const { clock, p, f, db, cases, aa, actor } = await platformStation(cleanups);
    const caseId = acceptedCase(cases, actor);
    aa.recordVisit(actor, caseId, 2, signedVisit(caseId));
    aa.giveOpinion(actor, caseId, 3, OPINION);
    clock.advance(7 * DAY);
    aa.endPublicity(actor, caseId, 4);
    expect(cases.mustGet(caseId)).toMatchObject({ state: 'awaiting_decision', version: 5 });

    // Every step reaches the platform (the case records carry the applicant the platform checks).
    const first = await f.engine.run('test');
    expect(first.outcome).toBe('ok');
    expect(first.summary.rejected).toBe(0);
    expect((await p.platform.admin.getCase(caseId))?.version).toBe(5);

    // The county approves on the platform; the next pull applies it in the page's transaction.
    await p.platform.admin.decide({ caseId, outcome: 'approved', amountFen: 68000, startMonth: '2026-03' });
    clock.advance(DAY);
    const second = await f.engine.run('test');
    expect(second.outcome).toBe('ok');
    expect(cases.mustGet(caseId).state).toBe('approved');
    const approval = db.prepare("SELECT data FROM notice_request WHERE case_id = ? AND kind = 'approval'").get(caseId) as { data: string };
    const data = JSON.parse(approval.data) as Record<string, unknown>;
    expect(approvalSchema.parse(data)).toMatchObject({ monthlyAmountFen: 68000, startMonth: '2026-03' });
    expect((data['linkedBenefits'] as Array<{ name: string }>).map((b) => b.name)).toContain('医疗救助');
    expect(aa.work.repo.rosterOfCase(caseId)).toMatchObject({ status: 'active', amount_fen: 68000 });
    // The approval (with its linked benefits) went back up in the same run's push or the next one.
    await f.engine.run('test');
    const held = await p.platform.admin.getCase(caseId);
    expect(held?.version).toBe(6);
    expect(held?.body).toMatchObject({ state: 'approved', decision: { amountFen: 68000 } });

    // A death warning for the wife, and one for someone not on the roster.
    await p.platform.admin.warn({ idNumber: WIFE.idNumber, type: 'death', stationId: 'ST-0001' });
    await p.platform.admin.warn({ idNumber: '500115196001010013', type: 'detention', stationId: 'ST-0001' });
    await f.engine.run('test');
    const warnings = aa.work.repo.warnings();
    expect(warnings.map((w) => [w.type, w.status]).sort()).toEqual([
      ['death', 'open'],
      ['detention', 'not_on_roster'],
    ]);
    const death = warnings.find((w) => w.type === 'death')!;
    aa.assignWarning(actor, death.id, caseworkerOn(f.t));
    aa.verifyWarning(actor, death.id, { verifiedOn: '2026-02-23', method: '入户核实', findings: '经核实李秀英已死亡，有死亡医学证明' });
    aa.closeWarning(actor, death.id, {
      outcome: 'stop',
      reasons: ['家庭成员死亡，保障条件发生变化'],
      legalBasis: ['《社会救助暂行办法》第十三条'],
    });
    // A proposal, decided by the county on the platform and pulled (changePlatform.test.ts has the details).
    expect(aa.work.repo.rosterOfCase(caseId)?.status).toBe('active');
    await f.engine.run('test');
    const proposal = (await p.platform.admin.records()).find((r) => r.kind === 'change.proposal' && r.caseId === caseId)!;
    await p.platform.admin.decideChange({ caseId, proposalId: String(proposal.body!['proposalId']), outcome: 'approved' });
    await f.engine.run('test');
    expect(aa.work.repo.rosterOfCase(caseId)?.status).toBe('stopped');
    const t = db.prepare("SELECT data FROM notice_request WHERE case_id = ? AND kind = 'termination'").get(caseId) as { data: string };
    expect(terminationSchema.parse(JSON.parse(t.data))).toMatchObject({
      action: 'terminate',
      previousAmountFen: 68000,
      redress: { court: REDRESS.court },
    });

    const last = await f.engine.run('test');
    expect(last.summary.rejected).toBe(0);
    const final = await p.platform.admin.getCase(caseId);
    expect(final?.version).toBe(8);
    expect(final?.body).toMatchObject({
      action: 'warningStop',
      warning: { type: 'death', outcome: 'stop' },
      roster: { status: 'stopped' },
    });
  }, 30_000);
});
