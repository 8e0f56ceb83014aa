import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../city-platform/platform';
import { describeStores } from '../../../city-platform/testing/stores';
import { afterAcceptance } from '../afterAcceptance/testing/fixture';
import type { CaseService } from '../cases/caseService';
import { PlatformStatusRepo } from '../cases/platformStatus/platformStatusRepo';
import { registerPlatformStatusPullHandler } from '../cases/platformStatus/pullHandler';
import { casePlatformStatus } from '../cases/platformStatus/view';
import { platformStation, type PlatformStation } from '../cases/testing/platformStation';
import { listQuarantine, resolveQuarantined } from '../sync/engine/quarantine';
import type { EngineFixture } from '../sync/engine/testing/engineFixture';
import { registerRosterPullHandler } from './pullHandler';
import { recipientConflicts } from './pulled';
import { RefusedImports } from './refusedImports';
import { RosterImportService } from './service';
import { asRecipient } from './testing/recipient';
import { exportHouseholds, memberRowsWorkbook, type ExportHousehold } from './testing/rosterWorkbook';

const STATION = 'ST-REFUSED';
/**
 * A refused `roster.imported` settled the way the county decided, on a real encrypted station and
 * the reference platform on loopback (SQLite and PostgreSQL): the platform was right (its values
 * taken here and sent again), the file was right (the county corrects the platform, the generic
 * resend then goes through), or the household is another station's (neither can succeed here).
 * And an accepted import gives its case the platform status 县级已作出决定.
 */
describeStores('refused roster import → settled', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let cases: CaseService;
  let roster: RosterImportService;
  let refused: RefusedImports;
  const [h] = exportHouseholds(1) as [ExportHousehold];

  beforeEach(async () => {
    ps = await platformStation(store);
    ({ platform, f, cases } = ps);
    const info = f.t.station.stationInfo()!;
    const deps = { db: f.db(), clock: f.t.clock, audit: f.t.auth.audit(), cases: cases.repo };
    roster = new RosterImportService({ ...deps, regionCode: info.regionCode });
    refused = new RefusedImports(deps);
    const status = { audit: (e: Parameters<ReturnType<typeof f.t.auth.audit>['append']>[0]) => f.t.auth.audit().append(e) };
    ps.handlers(
      registerRosterPullHandler(f.engine.pullHandlers, (db) => ({ db, clock: f.t.clock, audit: f.t.auth.audit(), service: roster })),
      registerPlatformStatusPullHandler(f.engine.pullHandlers, (db) => ({
        ...status,
        repo: new PlatformStatusRepo(db),
        now: () => f.t.clock.now().toISOString(),
      })),
    );
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  /** The station imports `h` from its file at 680 元 (城市低保, 2025-03). */
  const importFile = async () => {
    const file = await memberRowsWorkbook([{ ...h, category: '城市低保', amount: '680.00', since: '2025-03' }]);
    roster.confirm(f.t.adminId, roster.preview(f.t.adminId, file).token, 'roster.xlsx', file);
  };
  const rosterRow = () =>
    f.db().prepare("SELECT id, case_id, category, amount_fen, since_month, next_review_on FROM roster WHERE status = 'active'").get() as {
      id: string;
      case_id: string;
      category: string;
      amount_fen: number;
      since_month: string;
      next_review_on: string;
    };
  const imports = () =>
    f.db().prepare("SELECT id, state, reason FROM outbox WHERE kind = 'roster.imported' ORDER BY seq").all() as Array<{
      id: string;
      state: string;
      reason: string | null;
    }>;
  const statusOf = (caseId: string) => casePlatformStatus(new PlatformStatusRepo(f.db()), caseId).current;

  it('an imported household the platform accepts shows 县级已作出决定 after one sync', async () => {
    await importFile();
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(statusOf(rosterRow().case_id)).toMatchObject({ status: 'decided', note: '在册对象（原系统导入）' });
  });

  it('the platform was right: its values are taken here in one audited step, sent again, accepted and matched; a later review applies without a conflict', async () => {
    expect(await platform.admin.putRecipient({ idNumber: h.headIdNumber, stationId: STATION, body: asRecipient(h, 72000) })).toBeTypeOf(
      'number',
    );
    await importFile();
    await f.engine.run('manual');
    const { case_id: caseId } = rosterRow();
    expect(imports()).toEqual([
      expect.objectContaining({ state: 'rejected', reason: expect.stringContaining('平台 720.00 元，导入 680.00 元') }),
    ]);
    expect(statusOf(caseId)).toBeNull();
    const [row] = refused.list();
    expect(row).toMatchObject({
      refusal: 'differs',
      station: { category: 'dibao-urban', amountFen: 68000 },
      platform: { category: 'dibao-urban', amountFen: 72000, nextReviewOn: '2027-03-31' },
      adopt: { ok: true },
    });
    expect(recipientConflicts(f.db())).toHaveLength(1);

    const { newRecordId } = refused.adopt(f.t.adminId, row!.recordId);
    expect(rosterRow()).toMatchObject({ amount_fen: 72000, since_month: '2025-03', next_review_on: '2027-03-31' });
    expect(f.db().prepare('SELECT amount_fen, start_month FROM case_decision WHERE id = ?').get(`import:${caseId}`)).toEqual({
      amount_fen: 72000,
      start_month: '2025-03',
    });
    expect(cases.repo.get(caseId)).toMatchObject({ version: 2 });
    expect(cases.repo.events(caseId).at(-1)).toMatchObject({
      action: 'rosterAdopted',
      note: '经区县核实以市级平台在册信息为准：城市低保，月保障金额 720.00 元，2025-03 起享受（原导入为 城市低保，月保障金额 680.00 元，2025-03 起享受），已重新提交平台',
    });
    expect(f.db().prepare('SELECT action, actor, new_record_id FROM sync_resolution WHERE record_id = ?').get(row!.recordId)).toEqual({
      action: 'adopt-platform',
      actor: f.t.adminId,
      new_record_id: newRecordId,
    });
    expect(f.t.auth.audit().query({ action: 'roster-import.adopt_platform' })).toEqual([
      expect.objectContaining({ actor: f.t.adminId, targetType: 'case', targetId: caseId }),
    ]);
    expect(listQuarantine(f.db())).toEqual([]);
    expect(recipientConflicts(f.db())).toEqual([]);
    expect(refused.list()).toEqual([]);

    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(imports().map((r) => r.state)).toEqual(['rejected', 'acknowledged']);
    expect(await platform.admin.getCase(caseId)).toMatchObject({ version: 2, body: { amountFen: 72000 } });
    expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ caseId, source: 'platform', body: { amountFen: 72000 } });
    expect(statusOf(caseId)).toMatchObject({ status: 'decided' });

    afterAcceptance(cases, f.t.auth.audit(), f.t.clock).startReview(f.t.adminId, rosterRow().id, 2);
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(f.db().prepare("SELECT state FROM outbox WHERE kind = 'case.upsert'").pluck().all()).toEqual(['acknowledged']);
    expect((await platform.admin.getCase(caseId))?.version).toBe(3);
  });

  it('a case the platform half-created from a step sent again before the import was settled is taken over by the settled import: matched, at the station’s version', async () => {
    await platform.admin.putRecipient({ idNumber: h.headIdNumber, stationId: STATION, body: asRecipient(h, 72000) });
    await importFile();
    await f.engine.run('manual');
    const { id: rosterId, case_id: caseId } = rosterRow();
    // A review started before the county settled it: the platform has no case, so it comes back as a conflict…
    afterAcceptance(cases, f.t.auth.audit(), f.t.clock).startReview(f.t.adminId, rosterId, 1);
    await f.engine.run('manual');
    const [conflict] = listQuarantine(f.db()).filter((q) => q.kind === 'case.upsert');
    expect(conflict).toMatchObject({ status: 'conflict', theirs: { version: 0 } });
    // …and sent again on the platform's version 0, it makes the case there without its household matched.
    resolveQuarantined(f.db(), f.t.clock, { recordId: conflict!.recordId, action: 'resend', actor: f.t.adminId });
    await f.engine.run('manual');
    expect(await platform.admin.getCase(caseId)).toMatchObject({ version: 1 });
    expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ caseId: null });

    const [row] = refused.list();
    refused.adopt(f.t.adminId, row!.recordId);
    expect(cases.repo.get(caseId)).toMatchObject({ version: 3 });
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(imports().map((r) => r.state)).toEqual(['rejected', 'acknowledged']);
    expect(await platform.admin.getCase(caseId)).toMatchObject({ version: 3, body: { amountFen: 72000, action: 'rosterImported' } });
    expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ caseId });
  });

  it('the file was right: the county loads the file’s amount onto the platform, and 重新提交 is accepted and matched', async () => {
    await platform.admin.putRecipient({ idNumber: h.headIdNumber, stationId: STATION, body: asRecipient(h, 72000) });
    await importFile();
    await f.engine.run('manual');
    const { case_id: caseId } = rosterRow();
    const [first] = imports();
    expect(first).toMatchObject({ state: 'rejected' });

    await platform.admin.putRecipient({ idNumber: h.headIdNumber, stationId: STATION, body: asRecipient(h, 68000) });
    await f.engine.run('manual');
    // The platform's values now agree with the file: nothing to take from it, resend instead.
    expect(refused.list()).toEqual([expect.objectContaining({ adopt: expect.objectContaining({ ok: false, code: 'ROSTER_ADOPT_SAME' }) })]);
    expect(() => refused.adopt(f.t.adminId, first!.id)).toThrow(expect.objectContaining({ code: 'ROSTER_ADOPT_SAME' }));

    resolveQuarantined(f.db(), f.t.clock, { recordId: first!.id, action: 'resend', actor: f.t.adminId });
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(imports().map((r) => r.state)).toEqual(['rejected', 'acknowledged']);
    expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ caseId, body: { amountFen: 68000 } });
    expect(rosterRow()).toMatchObject({ amount_fen: 68000 });
    expect(statusOf(caseId)).toMatchObject({ status: 'decided' });
  });

  it('another station’s household: the platform’s values cannot be taken here, the reason says the county must transfer it; 忽略 keeps who and when', async () => {
    await platform.admin.createEnrolmentCode({ stationId: 'ST-ELSEWHERE', regionCode: '500110' });
    await platform.admin.putRecipient({ idNumber: h.headIdNumber, stationId: 'ST-ELSEWHERE', body: asRecipient(h, 68000) });
    await importFile();
    await f.engine.run('manual');
    const [row] = refused.list();
    expect(row).toMatchObject({
      refusal: 'other-station',
      otherStation: 'ST-ELSEWHERE',
      platform: null,
      adopt: { ok: false, code: 'ROSTER_ADOPT_OTHER_STATION' },
    });
    expect(() => refused.adopt(f.t.adminId, row!.recordId)).toThrow(
      expect.objectContaining({
        code: 'ROSTER_ADOPT_OTHER_STATION',
        message: expect.stringContaining('须由区县民政部门核实后把该户转移到本站'),
      }),
    );
    expect(rosterRow()).toMatchObject({ amount_fen: 68000 });
    expect(f.db().prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);

    resolveQuarantined(f.db(), f.t.clock, { recordId: row!.recordId, action: 'dismiss', actor: f.t.adminId });
    expect(f.db().prepare('SELECT action, actor, at FROM sync_resolution').all()).toEqual([
      { action: 'dismiss', actor: f.t.adminId, at: f.t.clock.now().toISOString() },
    ]);
    expect(refused.list()).toEqual([]);
  });
});
