import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../city-platform/platform';
import { describeStores } from '../../../city-platform/testing/stores';
import { afterAcceptance } from '../afterAcceptance/testing/fixture';
import type { CaseService } from '../cases/caseService';
import { platformStation, type PlatformStation, type Workstation } from '../cases/testing/platformStation';
import { FakeClock } from '../kernel/store/testing/fixtures';
import { listQuarantine } from '../sync/engine/quarantine';
import type { EngineFixture } from '../sync/engine/testing/engineFixture';
import { RosterImportService } from './service';
import { exportHouseholds, memberRowsWorkbook } from './testing/rosterWorkbook';

const STATION = 'ST-ROSTER';
/** The roster import of a workstation, on its case store. */
const rosterImport = ({ f, cases }: Workstation) =>
  new RosterImportService({
    db: f.db(),
    clock: f.t.clock,
    audit: f.t.auth.audit(),
    cases: cases.repo,
    regionCode: f.t.station.stationInfo()!.regionCode,
  });

/**
 * Imported households meet the platform: a real encrypted station imports a real .xlsx, starts a
 * review on one household and syncs with the reference platform on loopback (SQLite and PostgreSQL).
 */
describeStores('roster import → platform', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let cases: CaseService;
  let roster: RosterImportService;

  beforeEach(async () => {
    ps = await platformStation(store);
    ({ platform, f, cases } = ps);
    roster = rosterImport(ps);
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  const importFile = async (n: number) => {
    const file = await memberRowsWorkbook(exportHouseholds(n));
    return roster.confirm(f.t.adminId, roster.preview(f.t.adminId, file).token, 'roster.xlsx', file);
  };
  const rosterRows = () =>
    f.db().prepare('SELECT id, case_id, applicant_id_number FROM roster ORDER BY applicant_id_number').all() as Array<{
      id: string;
      case_id: string;
      applicant_id_number: string;
    }>;
  const outbox = () =>
    f.db().prepare('SELECT kind, case_id, state, reason FROM outbox ORDER BY seq').all() as Array<{
      kind: string;
      case_id: string;
      state: string;
      reason: string | null;
    }>;

  it('import → sync → review → sync: each household is one roster.imported record, the platform holds its case at version 1, and the review step applies without a conflict', async () => {
    const report = await importFile(3);
    const households = rosterRows();
    expect(outbox().map((r) => r.kind)).toEqual(['roster.imported', 'roster.imported', 'roster.imported']);
    expect(new Set(outbox().map((r) => r.case_id))).toEqual(new Set(households.map((h) => h.case_id)));
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(outbox().map((r) => r.state)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);

    const first = households[0]!;
    const held = await platform.admin.getCase(first.case_id);
    expect(held).toMatchObject({
      stationId: STATION,
      version: 1,
      body: { state: 'approved', importId: report.id, applicant: { idNumber: first.applicant_id_number } },
    });
    expect(await platform.admin.recipient(first.applicant_id_number)).toMatchObject({
      stationId: STATION,
      caseId: first.case_id,
      source: 'station',
    });

    afterAcceptance(cases, f.t.auth.audit(), f.t.clock).startReview(f.t.adminId, first.id, 1);
    const outcome = (await f.engine.run('manual')).outcome;
    const review = outbox().filter((r) => r.kind === 'case.upsert');
    expect(review).toEqual([{ kind: 'case.upsert', case_id: first.case_id, state: 'acknowledged', reason: null }]);
    expect(outcome).toBe('ok');
    expect((await platform.admin.getCase(first.case_id))?.version).toBe(2);
  });

  it('a household the platform holds under another station is refused with the reason the sync centre shows; the other station keeps it', async () => {
    await importFile(2);
    expect((await f.engine.run('manual')).outcome).toBe('ok');

    // A second station imports the same export.
    const second = ps.workstation({ clock: new FakeClock(Date.now()), machineId: 'other-station-machine' });
    const other = second.f;
    const otherRoster = rosterImport(second);
    const file = await memberRowsWorkbook(exportHouseholds(2));
    otherRoster.confirm(other.t.adminId, otherRoster.preview(other.t.adminId, file).token, 'roster.xlsx', file);
    await ps.register('ST-OTHER', second);
    await other.engine.run('manual');
    const answered = other.db().prepare('SELECT kind, case_id, state, reason FROM outbox ORDER BY seq').all() as Array<{
      kind: string;
      case_id: string;
      state: string;
      reason: string;
    }>;
    expect(answered.map((r) => [r.kind, r.state])).toEqual([
      ['roster.imported', 'rejected'],
      ['roster.imported', 'rejected'],
    ]);
    expect(answered[0]!.reason).toMatch(
      /^导入的在册户（案件 .+）平台未接收：户主 \d{6}\*{8}\d{3}[\dX] 在平台上是其他工作站（ST-ROSTER）的在册对象。/,
    );
    // The sync centre's list of what the platform refused carries the same words.
    expect(listQuarantine(other.db()).map((q) => [q.kind, q.status, q.reason])).toEqual(
      answered.map((r) => ['roster.imported', 'rejected', r.reason]),
    );
    for (const r of answered) expect(await platform.admin.getCase(r.case_id)).toBeUndefined();
    // The first station's households stay matched to its own cases.
    for (const h of rosterRows())
      expect(await platform.admin.recipient(h.applicant_id_number)).toMatchObject({ stationId: STATION, caseId: h.case_id });
  });

  it('the platform’s own recipient of the station is matched by the head’s ID number; one whose amount differs is refused naming both amounts, neither taken', async () => {
    const [same, differs] = exportHouseholds(2);
    const held = (h: typeof same, amountFen: number) => ({
      idNumber: h!.headIdNumber,
      stationId: STATION,
      body: {
        type: 'dibao' as const,
        subtype: (h === same ? 'urban' : 'rural') as 'urban' | 'rural',
        applicant: { idNumber: h!.headIdNumber, name: h!.headName },
        members: [{ idNumber: h!.headIdNumber, name: h!.headName, relationship: 'self' as const }],
        amountFen,
        monthly: true,
        sinceMonth: h!.since,
        nextReviewOn: '2027-06-30',
        lastCertifiedOn: null,
      },
    });
    expect(await platform.admin.putRecipient(held(same, 68000))).toBeTypeOf('number');
    expect(await platform.admin.putRecipient(held(differs, 80000))).toBeTypeOf('number');
    await importFile(2);
    expect((await f.engine.run('manual')).outcome).toBe('partial');
    const byHead = new Map(rosterRows().map((r) => [r.applicant_id_number, r]));
    const answered = new Map(outbox().map((r) => [r.case_id, r]));
    const matched = byHead.get(same!.headIdNumber)!;
    expect(answered.get(matched.case_id)).toMatchObject({ state: 'acknowledged' });
    expect(await platform.admin.recipient(same!.headIdNumber)).toMatchObject({
      caseId: matched.case_id,
      source: 'platform',
      body: { amountFen: 68000 },
    });
    const refused = byHead.get(differs!.headIdNumber)!;
    expect(answered.get(refused.case_id)).toMatchObject({
      state: 'rejected',
      reason: expect.stringContaining('平台在册信息与导入不一致（月保障金额：平台 800.00 元，导入 690.00 元）'),
    });
    expect(await platform.admin.recipient(differs!.headIdNumber)).toMatchObject({ caseId: null, body: { amountFen: 80000 } });
    expect(await platform.admin.getCase(refused.case_id)).toBeUndefined();
    // The station keeps its roster row as imported.
    expect(f.db().prepare('SELECT amount_fen FROM roster WHERE case_id = ?').pluck().get(refused.case_id)).toBe(69000);
  });
});
