import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../../city-platform/platform';
import { describeStores } from '../../../../city-platform/testing/stores';
import { acceptedCase } from '../../afterAcceptance/testing/fixture';
import { syncThroughCuts, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { registerCasePullHandler } from '../pullHandler';
import { makeIdNumber } from '../demo/synthetic';
import { CHILD, DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../testing/household';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { applyVerificationItem } from './apply';
import { registerVerificationPullHandler } from './pullHandler';
import { VerificationRepo } from './repo';
import { platformVerify, verificationReport } from './testing/platformVerify';

const STATION = 'ST-VERIFY';

/**
 * 核对 results, end to end: `npm run platform -- verify` on the platform's store (SQLite and
 * PostgreSQL), the real engine's pull into a real encrypted station, the cases capability's
 * handler, and the case page's data — exactly once through cuts, duplicated requests and a rebuilt feed.
 */
describeStores('核对 report (platform verify → pull → case page)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: CaseService;
  let caseId: string;

  beforeEach(async () => {
    ps = await platformStation(store, { at: '2026-02-12T01:00:00Z' });
    ({ platform, f, cases: svc } = ps);
    ps.handlers(registerVerificationPullHandler(f.engine.pullHandlers, () => svc));
    await ps.register(STATION);
    // Submitted, the husband and the wife authorize, accepted; the sync takes it all to the platform.
    caseId = acceptedCase(svc, f.t.adminId);
    expect((await f.engine.run('manual')).outcome).toBe('ok');
  });
  afterEach(() => ps.close());

  const verify = (caseRef: string, body: unknown) => platformVerify(ps, caseRef, body);
  const caseNo = () => svc.repo.get(caseId)!.case_no!;
  const rows = () =>
    f.db().prepare('SELECT id, status, superseded_by FROM case_verification ORDER BY feed_seq').all() as Array<{
      id: string;
      status: string;
      superseded_by: string | null;
    }>;

  it('the CLI posts it by case number; one pull shows it on the case page per member and type with totals and the hint; a rebuilt feed changes nothing', async () => {
    const out = await verify(caseNo(), verificationReport('HD-2026-0001', '2026-02-11'));
    const made = JSON.parse(out.stdout) as { id: string; caseId: string; feedSeq: number };
    expect(made.caseId).toBe(caseId);
    expect(await platform.admin.verificationReports(caseId)).toEqual([
      expect.objectContaining({ id: made.id, stationId: STATION, reportNo: 'HD-2026-0001', feedSeq: made.feedSeq, supersededBy: null }),
    ]);

    expect((await f.engine.run('manual')).outcome).toBe('ok');
    const page = svc.views.detail(caseId);
    expect(page.verification).toMatchObject({
      reportId: made.id,
      reportNo: 'HD-2026-0001',
      centre: '綦江区社会救助家庭经济状况核对中心',
      issuedOn: '2026-02-11',
      members: [
        {
          idNumber: HUSBAND.idNumber,
          assetsFen: 4_250_000,
          incomeFen: 210_000,
          items: [
            { type: 'deposit', amountFen: 1_250_000, source: '人民银行重庆营业管理部', asOf: '2026-02-10', detail: '农业银行活期' },
            { type: 'vehicle' },
            { type: 'tax' },
          ],
        },
        { idNumber: WIFE.idNumber, assetsFen: 0, incomeFen: 150_000 },
        { idNumber: CHILD.idNumber, items: [] },
      ],
      totals: { depositsFen: 1_250_000, vehicleValueFen: 3_000_000, realEstateCount: 0, incomeFen: 360_000 },
      superseded: [],
    });
    // The hint names what the report found against the declaration (the household declared 1,200 元 of wages for the husband).
    expect(page.verification!.findings.join('\n')).toContain('全户核对月收入 3600.00 元');
    expect(page.verification!.findings.join('\n')).toContain('本县未设置财产限额');
    expect(page.timeline.map((e) => e.action)).toContain('verificationReceived');
    // The audit row names the report and counts, never an amount or an ID number.
    const audit = f.db().prepare("SELECT details FROM audit_log WHERE action = 'verification.received'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toEqual({ report: made.id, members: 3, items: 4 });
    expect(audit[0]).not.toContain(HUSBAND.idNumber);

    await platform.admin.resetFeed();
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(rows()).toEqual([{ id: made.id, status: 'applied', superseded_by: null }]);

    // The report lives only in the encrypted store: its number is not in the database file's bytes.
    f.db().pragma('wal_checkpoint(TRUNCATE)');
    const file = f.db().name;
    for (const p of [file, `${file}-wal`]) if (existsSync(p)) expect(readFileSync(p).includes(Buffer.from('HD-2026-0001'))).toBe(false);
  });

  it('the CLI refuses an unknown case, a case with no authorization on the platform, a stranger to the household and a bad item, naming the field; nothing reaches the feed', async () => {
    await expect(verify('500110-2026-09-99999', verificationReport('R1', '2026-02-11'))).rejects.toMatchObject({
      stderr: expect.stringContaining('（case）'),
    });
    // Submitted and synced, but nobody signed the 授权书 yet: the platform holds no authorization of it.
    const unsigned = svc.saveDraft(f.t.adminId, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
    svc.submit(f.t.adminId, unsigned.caseId, unsigned.rev);
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    await expect(verify(unsigned.caseId, verificationReport('R0', '2026-02-11'))).rejects.toMatchObject({
      stderr: expect.stringContaining('no 核对授权书 of this case'),
    });
    const stranger = makeIdNumber('500110', '1961-04-02', 77, '女');
    const withStranger = verificationReport('R2', '2026-02-11');
    withStranger.members[1] = { idNumber: stranger, name: '王某', items: [] };
    await expect(verify(caseId, withStranger)).rejects.toMatchObject({ stderr: expect.stringContaining('members.1.idNumber') });
    const bad = verificationReport('R3', '2026-02-11');
    (bad.members[0]!.items[0] as { amountFen: number }).amountFen = -5;
    await expect(verify(caseId, bad)).rejects.toMatchObject({ stderr: expect.stringContaining('members.0.items.0.amountFen') });
    const badType = verificationReport('R4', '2026-02-11');
    (badType.members[0]!.items[1] as { type: string }).type = 'yacht';
    await expect(verify(caseId, badType)).rejects.toMatchObject({ stderr: expect.stringContaining('members.0.items.1.type') });
    expect(await platform.admin.verificationReports(caseId)).toEqual([]);
  });

  it('a report of a case not here is kept as not applied with the reason; an item that does not read is refused naming the field', async () => {
    const repo = new VerificationRepo(f.db());
    const deps = { repo, cases: svc.repo, audit: (e: Parameters<CaseService['auditRead']>[0]) => svc.auditRead(e), now: () => svc.now() };
    const item = {
      kind: 'verification.report',
      feedSeq: 501,
      at: Date.now(),
      id: 'vr-elsewhere',
      body: { ...verificationReport('R9', '2026-02-11'), caseId: 'case-of-another-station', caseNo: '500110-2026-01-00007' },
    };
    expect(applyVerificationItem(deps, item)).toBeUndefined();
    expect(repo.notApplied()).toEqual([
      expect.objectContaining({ id: 'vr-elsewhere', status: 'notApplied', reason: expect.stringContaining('VERIFICATION_CASE_NOT_HERE') }),
    ]);
    expect(JSON.parse(repo.notApplied()[0]!.reason!).message).toContain('500110-2026-01-00007');

    const refused = applyVerificationItem(deps, { ...item, id: 'vr-bad', body: { ...item.body, caseId, issuedOn: 'last week' } });
    expect(refused).toMatchObject({ code: 'SYNC_PULL_ITEM_INVALID', details: { kind: 'verification.report', path: 'body.issuedOn' } });
    expect(repo.get('vr-bad')).toBeUndefined();
    expect(svc.views.detail(caseId).verification).toBeNull();

    // A report that came before its case: kept, then applied when the case arrives by pull.
    const offCases = registerCasePullHandler(f.engine.pullHandlers, () => svc);
    try {
      expect(
        applyVerificationItem(deps, { ...item, id: 'vr-late', feedSeq: 502, body: { ...item.body, caseId: 'case-late', caseNo: null } }),
      ).toBeUndefined();
      expect(repo.get('vr-late')).toMatchObject({ status: 'notApplied' });
      f.enqueueCase('case-late', 7);
      expect((await f.engine.run('manual')).outcome).toBe('ok');
      expect(repo.get('vr-late')).toMatchObject({ status: 'applied', reason: null, superseded_by: null });
      const late = svc.views.detail('case-late');
      expect(late.verification).toMatchObject({ reportId: 'vr-late', reportNo: 'R9' });
      expect(late.timeline.filter((e) => e.action === 'verificationReceived')).toHaveLength(1);
      expect(repo.notApplied().map((r) => r.id)).toEqual(['vr-elsewhere']);
    } finally {
      offCases();
    }
  });

  it('exactly once through cuts of the pull answers and duplicated requests; the later report supersedes the earlier', async () => {
    const first = await platform.admin.postVerification(caseId, verificationReport('HD-1', '2026-02-05'));
    const second = await platform.admin.postVerification(caseNo(), verificationReport('HD-2', '2026-02-11', 0));
    expect((await platform.admin.verificationReports(caseId)).map((r) => [r.id, r.supersededBy])).toEqual([
      [first.id, second.id],
      [second.id, null],
    ]);
    await syncThroughCuts(f, platform, 16_3);
    expect(rows()).toEqual([
      { id: first.id, status: 'applied', superseded_by: second.id },
      { id: second.id, status: 'applied', superseded_by: null },
    ]);
    const page = svc.views.detail(caseId);
    expect(page.verification).toMatchObject({
      reportId: second.id,
      reportNo: 'HD-2',
      superseded: [{ reportId: first.id, reportNo: 'HD-1', issuedOn: '2026-02-05' }],
    });
    expect(page.verification!.members[1]!.incomeFen).toBe(0);
  });
});
