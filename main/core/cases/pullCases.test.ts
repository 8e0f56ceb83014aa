import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../city-platform/testClient/fixtures';
import { searchInputSchema } from '../../../common/contract/methods/cases';
import type { CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { FakeClock, MACHINE_B } from '../kernel/store/testing/fixtures';
import { noLogger, type Db } from '../kernel/store/types';
import { listQuarantine } from '../sync/engine/quarantine';
import { engineFixture, registerWith, type EngineFixture } from '../sync/engine/testing/engineFixture';
import { casesCapability } from './capability';
import { CaseService } from './caseService';
import { registerCasePullHandler } from './pullHandler';
import { loadCaseResources } from './resources';
import { HUSBAND, WIFE, threePersonDibao } from './testing/household';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const HOUR = 3_600_000;

function workstation(clock: FakeClock, machineId?: string) {
  const f = engineFixture({ clock, ...(machineId ? { machineId } : {}) });
  cleanups.push(f.cleanup);
  const info = f.t.station.stationInfo()!;
  const svc = new CaseService({
    db: f.db(),
    clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return { f, svc };
}

/** The cases capability of one workstation, called as its handlers are (parsed input, a session). */
function capabilityOf(f: EngineFixture, clock: FakeClock) {
  const deps = {
    clock,
    logger: noLogger,
    emit: () => undefined,
    services: async () => ({ station: f.t.station, auth: f.t.auth, accounts: f.t.accounts, config: f.t.config }),
    // As core.ts does: the capability claims its kinds in the registry the workstation's engine pulls with.
    pullHandlers: f.engine.pullHandlers,
  } as unknown as CoreDeps;
  const cap = casesCapability(deps);
  cleanups.push(() => cap.close?.());
  const ctx = { session: { userId: f.t.adminId, roles: ['admin'], sessionId: 's' } } as unknown as SessionCallContext;
  return {
    search: (query: string) => cap.handlers['cases.search'](searchInputSchema.parse({ query }), ctx),
    lookup: (idNumber: string) => cap.handlers['cases.lookup']({ idNumber }, ctx),
  };
}

const submitted = (svc: CaseService, actor: string) => {
  const saved = svc.saveDraft(actor, { application: threePersonDibao() });
  svc.submit(actor, saved.caseId, saved.rev);
  return saved.caseId;
};

const outboxCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

describe('the station’s cases pulled from the REAL reference platform on 127.0.0.1', () => {
  it('A submits, B finds the applicant by ID number, name, initials and 进度查询; A edits again, B follows; B’s stale edit gives the visible conflict', async () => {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const a = workstation(clock);
    const b = workstation(clock, MACHINE_B);
    await registerWith(a.f, p.platform, 'ST-HALL');
    await registerWith(b.f, p.platform, 'ST-HALL');
    const capB = capabilityOf(b.f, clock);
    // Each workstation's engine applies its pulled cases with its own handlers.
    cleanups.push(registerCasePullHandler(a.f.engine.pullHandlers, () => a.svc));
    cleanups.push(registerCasePullHandler(b.f.engine.pullHandlers, () => b.svc));

    const caseId = submitted(a.svc, a.f.t.adminId);
    const caseNo = a.svc.mustGet(caseId).case_no!;
    expect((await a.f.engine.run('test')).summary.acknowledged).toBe(1);
    expect(a.svc.mustGet(caseId).version).toBe(1);

    // Before B syncs, counter 3 does not know the applicant.
    expect((await capB.search(HUSBAND.idNumber)).total).toBe(0);
    clock.advance(HOUR);
    const rb = await b.f.engine.run('test');
    expect(rb.outcome).toBe('ok');
    expect(outboxCount(b.f.db())).toBe(0); // nothing echoed back
    expect(b.f.db().prepare("SELECT count(*) AS n FROM pulled_item WHERE kind = 'case'").get()).toEqual({ n: 0 });

    const byId = await capB.search(HUSBAND.idNumber);
    expect(byId.queryKind).toBe('idNumber');
    expect(byId.rows.map((r) => [r.id, r.caseNo, r.state, r.version, r.applicantName, r.householdSize])).toEqual([
      [caseId, caseNo, 'submitted', 1, HUSBAND.name, 3],
    ]);
    expect((await capB.search(HUSBAND.name)).rows.map((r) => r.id)).toEqual([caseId]);
    expect((await capB.search('zjg')).rows.map((r) => r.id)).toEqual([caseId]);
    // 进度查询 for the wife (a member) shows where the case stands and what comes next.
    const [progress] = await capB.lookup(WIFE.idNumber);
    expect(progress).toMatchObject({ id: caseId, role: 'member', state: 'submitted', nextStepKey: expect.any(String) });
    const pulledRow = b.svc.mustGet(caseId);
    expect(pulledRow).toMatchObject({ created_by: 'platform', updated_by: 'platform', version: 1, case_no: caseNo });
    expect(b.svc.repo.events(caseId).map((e) => [e.action, e.actor_id, e.to_state])).toEqual([['submit', 'platform', 'submitted']]);

    // A asks for supplements (v2); both sync; B follows.
    a.svc.decide(a.f.t.adminId, caseId, 1, { kind: 'supplement', missing: [{ item: '户口簿' }] });
    await a.f.engine.run('test');
    await b.f.engine.run('test');
    expect(b.svc.mustGet(caseId)).toMatchObject({ state: 'needs_supplement', version: 2 });
    expect((await capB.lookup(HUSBAND.idNumber))[0]).toMatchObject({ state: 'needs_supplement', version: 2 });
    expect(outboxCount(b.f.db())).toBe(0);

    // Both withdraw version 2 without syncing: A's arrives first, B's is the engine's visible conflict.
    a.svc.act(a.f.t.adminId, caseId, 2, 'withdraw', null);
    clock.advance(HOUR);
    b.svc.act(b.f.t.adminId, caseId, 2, 'withdraw', null);
    const bWithdrewAt = b.svc.mustGet(caseId).updated_at;
    expect((await a.f.engine.run('test')).summary.acknowledged).toBe(1);
    const conflicted = await b.f.engine.run('test');
    expect(conflicted.summary.conflicts).toBe(1);
    const [conflict] = listQuarantine(b.f.db());
    expect(conflict).toMatchObject({ status: 'conflict', caseId, baseVersion: 2, theirs: { version: 3 } });
    expect(conflict!.theirs!.body['at']).not.toBe(bWithdrewAt);
    expect(conflict!.mine['at']).toBe(bWithdrewAt);
    expect((await p.platform.admin.getCase(caseId))!.body['at']).not.toBe(bWithdrewAt); // A's stands, not overwritten
    // B's local edit is kept (not replaced by the pulled version 3); the pulled one is set aside and audited.
    expect(b.svc.mustGet(caseId)).toMatchObject({ version: 3, updated_at: bWithdrewAt, updated_by: b.f.t.adminId });
    const kept = b.f.db().prepare("SELECT version FROM pulled_item WHERE kind = 'case' AND item_key = ?").get(caseId);
    expect(kept).toEqual({ version: 3 });
    const audited = b.f
      .db()
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'cases.pull_deferred' AND target_id = ?")
      .get(caseId);
    expect(audited).toEqual({ n: 1 });
  }, 30_000);

  it('recovery: a workstation newly enrolled for the station pulls the station’s cases through the cases capability', async () => {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const a = workstation(clock);
    await registerWith(a.f, p.platform, 'ST-HALL');
    const first = submitted(a.svc, a.f.t.adminId);
    a.svc.decide(a.f.t.adminId, first, 1, { kind: 'supplement', missing: [{ item: '户口簿' }] });
    expect((await a.f.engine.run('test')).summary.acknowledged).toBe(2);

    const c = workstation(clock, MACHINE_B);
    const capC = capabilityOf(c.f, clock); // registers the 'case' pull handler of this workstation
    await registerWith(c.f, p.platform, 'ST-HALL');
    expect((await c.f.engine.run('test')).outcome).toBe('ok');
    const found = await capC.search(HUSBAND.idNumber);
    expect(found.rows.map((r) => [r.id, r.state, r.version])).toEqual([[first, 'needs_supplement', 2]]);
    expect(c.svc.repo.events(first).map((e) => e.action)).toEqual(['submit', 'requestSupplement']);
    expect(outboxCount(c.f.db())).toBe(0);

    // The recovered workstation continues the case on the platform's version: acknowledged, no conflict.
    c.svc.act(c.f.t.adminId, first, 2, 'withdraw', null);
    const r = await c.f.engine.run('test');
    expect(r.summary).toMatchObject({ acknowledged: 1, conflicts: 0 });
    expect((await p.platform.admin.getCase(first))!.version).toBe(3);
    // Its own push coming back in the feed changes nothing.
    expect(c.svc.mustGet(first)).toMatchObject({ version: 3, state: 'withdrawn', updated_by: c.f.t.adminId });
  }, 30_000);
});
