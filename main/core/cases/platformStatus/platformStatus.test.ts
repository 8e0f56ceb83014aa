import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { describeStores } from '../../../../city-platform/testing/stores';
import { acceptedCase, afterAcceptance, OPINION, signedVisit } from '../../afterAcceptance/testing/fixture';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { engineFixture, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { HUSBAND, WIFE } from '../testing/household';
import { applyPlatformStatusItem, type PlatformStatusApplyDeps } from './apply';
import { PlatformStatusRepo } from './platformStatusRepo';
import { registerPlatformStatusPullHandler } from './pullHandler';
import { casePlatformStatus, platformStatusList } from './view';

const STATION = 'ST-STATUS';

/**
 * Per-case platform status, end to end: the reference platform (SQLite and PostgreSQL) emits a
 * `case.status` item whenever a case's status changes — its first upsert, the signed 授权书, the 核对
 * report, the case sent up for 审核确认, the county's decision — the real engine pulls them into a
 * real encrypted station, and the handler keeps each once, the newest by feed position current.
 */
describeStores('platform status (platform → pull → case page and sync centre)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: CaseService;
  let deps: PlatformStatusApplyDeps;
  let caseId: string;

  beforeEach(async () => {
    ps = await platformStation(store, { at: '2026-02-12T01:00:00Z' });
    ({ platform, f, cases: svc } = ps);
    deps = { repo: new PlatformStatusRepo(f.db()), audit: (e) => f.t.auth.audit().append(e), now: () => f.t.clock.now().toISOString() };
    ps.handlers(registerPlatformStatusPullHandler(f.engine.pullHandlers, (db) => ({ ...deps, repo: new PlatformStatusRepo(db) })));
    await ps.register(STATION);
    // Submitted, the husband and the wife authorize, accepted; one run takes it all to the platform.
    caseId = acceptedCase(svc, f.t.adminId);
    expect((await f.engine.run('manual')).outcome).toBe('ok');
  });
  afterEach(() => ps.close());

  const sync = async () => {
    const run = await f.engine.run('manual');
    expect(run.outcome).toBe('ok');
    // A second run pulls what the platform fed while the first one's records were applied.
    expect((await f.engine.run('manual')).outcome).toBe('ok');
  };
  const statuses = () => casePlatformStatus(deps.repo, caseId).history.map((h) => h.status);

  it('received, verifying, verified, awaiting-decision, decided: each once, in order, on the case and in the list', async () => {
    await sync();
    expect(statuses()).toEqual(['verifying', 'received']);
    const caseNo = svc.repo.get(caseId)!.case_no!;

    await platform.admin.postVerification(caseNo, {
      centre: '綦江区社会救助家庭经济状况核对中心',
      reportNo: 'HD-2026-0007',
      issuedOn: '2026-02-11',
      members: [
        { idNumber: HUSBAND.idNumber, name: HUSBAND.name, items: [] },
        { idNumber: WIFE.idNumber, name: WIFE.name, items: [] },
      ],
    });
    await sync();
    const verified = casePlatformStatus(deps.repo, caseId).current!;
    expect(verified).toMatchObject({ status: 'verified', known: true, note: '核对报告 HD-2026-0007' });

    // The station's 初审意见 proposes a refusal: the case goes up for 审核确认.
    const aa = afterAcceptance(svc, f.t.auth.audit(), f.t.clock);
    aa.recordVisit(f.t.adminId, caseId, 2, signedVisit(caseId));
    aa.giveOpinion(f.t.adminId, caseId, 3, { proposal: 'refuse', reasons: ['家庭人均收入高于低保标准'], community: OPINION.community });
    expect(svc.repo.get(caseId)!.state).toBe('awaiting_decision');
    await sync();
    expect(casePlatformStatus(deps.repo, caseId).current?.status).toBe('awaiting-decision');

    await platform.admin.decide({ caseId, outcome: 'refused', reasons: ['家庭人均收入高于低保标准'] });
    await sync();
    const view = casePlatformStatus(deps.repo, caseId);
    expect(view.history.map((h) => h.status)).toEqual(['decided', 'awaiting-decision', 'verified', 'verifying', 'received']);
    expect(view.current).toMatchObject({ status: 'decided', note: '县级民政部门决定不予批准' });
    // The platform's times, in feed order.
    const seqs = view.history.map((h) => h.feedSeq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(Number.isNaN(Date.parse(view.current!.at))).toBe(false);

    // The sync centre's list: the case once, at its latest status, the applicant masked; filtered by status.
    const all = platformStatusList(deps.repo, 'all', 50);
    expect(all.total).toBe(1);
    expect(all.rows[0]).toMatchObject({ caseId, caseNo, status: 'decided', held: true, applicantNameMasked: '张*国' });
    expect(platformStatusList(deps.repo, 'decided', 50).total).toBe(1);
    expect(platformStatusList(deps.repo, 'verifying', 50).total).toBe(0);

    // A rebuilt feed delivers every change again: nothing is kept twice, the current status stands.
    await platform.admin.resetFeed();
    await sync();
    expect(statuses()).toEqual(['decided', 'awaiting-decision', 'verified', 'verifying', 'received']);
    expect(f.db().prepare("SELECT count(*) FROM audit_log WHERE action = 'platform_status.received'").pluck().get()).toBe(5);
  });

  it('the same change twice is one row; an older change arriving late never displaces a newer one; an unknown status is kept and listed as such; a bad item is refused and kept', async () => {
    await sync();
    const item = (id: string, feedSeq: number, status: string) => ({
      kind: 'case.status',
      id,
      feedSeq,
      at: Date.parse('2026-02-12T02:00:00Z') + feedSeq,
      body: { caseId, caseNo: null, status },
    });
    const before = statuses();
    const top = casePlatformStatus(deps.repo, caseId).current!.feedSeq;
    expect(applyPlatformStatusItem(deps, item('x-new', top + 10, 'decided'))).toBeUndefined();
    expect(applyPlatformStatusItem(deps, item('x-new', top + 10, 'decided'))).toBeUndefined();
    expect(applyPlatformStatusItem(deps, item('x-old', top + 5, 'awaiting-decision'))).toBeUndefined();
    expect(statuses()).toEqual(['decided', 'awaiting-decision', ...before]);

    // A word this version does not know: kept as it came, current, and found by the filter 'unknown'.
    expect(applyPlatformStatusItem(deps, item('x-later', top + 20, 'escalated'))).toBeUndefined();
    expect(casePlatformStatus(deps.repo, caseId).current).toMatchObject({ status: 'escalated', known: false });
    expect(platformStatusList(deps.repo, 'unknown', 50).rows.map((r) => r.status)).toEqual(['escalated']);
    expect(platformStatusList(deps.repo, 'decided', 50).total).toBe(0);

    // A status of a case not here is kept; the list shows its number from the item and no name.
    const other = {
      ...item('x-other', top + 30, 'received'),
      body: { caseId: 'not-here', caseNo: '500110-2026-01-00009', status: 'received' },
    };
    expect(applyPlatformStatusItem(deps, other)).toBeUndefined();
    expect(platformStatusList(deps.repo, 'received', 50).rows[0]).toMatchObject({
      caseId: 'not-here',
      caseNo: '500110-2026-01-00009',
      held: false,
      applicantNameMasked: null,
    });

    // A body that does not read: refused naming the field, kept in pulled_item, nothing applied.
    const bad = { ...item('x-bad', top + 40, 'Decided!'), body: { caseId, caseNo: null, status: 'Decided!' } };
    const refused = f.db().transaction(() => f.engine.pullHandlers.apply(f.db(), bad, '2026-02-12T03:00:00Z'))();
    expect(refused?.code).toBe('SYNC_PULL_ITEM_INVALID');
    expect(refused?.message).toContain('status');
    expect(f.db().prepare("SELECT item_key FROM pulled_item WHERE kind = 'case.status'").pluck().all()).toEqual(['x-bad']);
    expect(casePlatformStatus(deps.repo, caseId).current?.status).toBe('escalated');
  });
});

it('a station case id whose last group holds a phone-like run of digits: the status is kept and audited, the pull not refused', () => {
  const f = engineFixture({ clock: new FakeClock(Date.parse('2026-02-12T01:00:00Z')) });
  try {
    const deps: PlatformStatusApplyDeps = {
      repo: new PlatformStatusRepo(f.db()),
      audit: (e) => f.t.auth.audit().append(e),
      now: () => f.t.clock.now().toISOString(),
    };
    const caseId = '0f8e2c1a-2b3c-4d5e-8f90-a13812345678';
    const item = {
      kind: 'case.status',
      id: `status-${caseId}-1`,
      feedSeq: 7,
      at: Date.parse('2026-02-12T02:00:00Z'),
      body: { caseId, caseNo: null, status: 'received' },
    };
    expect(f.db().transaction(() => applyPlatformStatusItem(deps, item))()).toBeUndefined();
    expect(casePlatformStatus(deps.repo, caseId).current?.status).toBe('received');
    const rows = f.db().prepare("SELECT target_id, details FROM audit_log WHERE action = 'platform_status.received'").all();
    expect(rows).toEqual([{ target_id: caseId, details: JSON.stringify({ feedSeq: 7, status: 'received' }) }]);
  } finally {
    f.cleanup();
  }
});
