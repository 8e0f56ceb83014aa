import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../city-platform/platform';
import { describeStores } from '../../../city-platform/testing/stores';
import { platformStation, type PlatformStation } from '../cases/testing/platformStation';
import { CertificationService } from '../certification/service';
import { syncThroughCuts, type EngineFixture } from '../sync/engine/testing/engineFixture';
import { registerRosterPullHandler } from './pullHandler';
import { applyPulledRecipient, recipientConflicts, type PulledDeps } from './pulled';
import { RosterImportService } from './service';
import { asRecipient as recipientOf } from './testing/recipient';
import { exportHouseholds, memberRowsWorkbook, type ExportHousehold } from './testing/rosterWorkbook';

const STATION = 'ST-PULL';
/** A household of the synthetic export as the platform's roster file names it, last certified 2026-03-15. */
const asRecipient = (h: ExportHousehold, amountFen: number) => recipientOf(h, amountFen, '2026-03-15');

/**
 * The platform's current recipients pulled: `npm run platform -- roster-load` on the platform's
 * store, the real engine's pull into a real encrypted station, the roster import's own writer, and
 * the `roster.imported` back that matches each on the platform — on SQLite and PostgreSQL.
 */
describeStores('roster recipients (platform roster-load → pull → roster)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let dataDir: string;
  let f: EngineFixture;
  let roster: RosterImportService;
  let deps: (db: ReturnType<EngineFixture['db']>) => PulledDeps;

  beforeEach(async () => {
    // Pages of four items: a roster of any size arrives over several pages.
    ps = await platformStation(store, { platform: { limits: { maxPullLimit: 4 } } });
    ({ platform, dataDir, f } = ps);
    const info = f.t.station.stationInfo()!;
    roster = new RosterImportService({
      db: f.db(),
      clock: f.t.clock,
      audit: f.t.auth.audit(),
      cases: ps.cases.repo,
      regionCode: info.regionCode,
    });
    deps = (db) => ({ db, clock: f.t.clock, audit: f.t.auth.audit(), service: roster });
    ps.handlers(registerRosterPullHandler(f.engine.pullHandlers, deps));
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  const load = (households: unknown[]) => {
    const file = join(dataDir, 'households.json');
    writeFileSync(file, JSON.stringify(households));
    return ps.cli('roster-load', ['--station', STATION, '--file', file, '--json']);
  };
  const rosterOf = (idNumber: string) =>
    f
      .db()
      .prepare(
        "SELECT r.id, r.case_id, r.amount_fen, r.since_month, r.next_review_on, r.enrolled_on FROM roster r WHERE r.applicant_id_number = ? AND r.status = 'active'",
      )
      .all(idNumber) as Array<{
      id: string;
      case_id: string;
      amount_fen: number;
      since_month: string;
      next_review_on: string;
      enrolled_on: string;
    }>;

  it('households new here go on the roster through the import’s writer and are matched on the platform; one already here is a conflict on both sides, nothing overwritten; a rebuilt feed changes nothing', async () => {
    const [here, b, c] = exportHouseholds(3) as [ExportHousehold, ExportHousehold, ExportHousehold];
    // The station imported `here` from its Excel export (城市低保, 680 元) and has not synced yet.
    const file = await memberRowsWorkbook([{ ...here, category: '城市低保', amount: '680.00', since: '2025-03' }]);
    roster.confirm(f.t.adminId, roster.preview(f.t.adminId, file).token, 'roster.xlsx', file);
    const mine = rosterOf(here.headIdNumber)[0]!;

    const out = await load([
      asRecipient(here, 72000),
      asRecipient(b, 68000),
      asRecipient(c, 70000),
      { ...asRecipient(c, 70000), sinceMonth: '2025-13' },
    ]);
    expect(JSON.parse(out.stdout)).toEqual({
      loaded: 3,
      refused: [{ index: 3, head: null, reason: 'roster.recipient sinceMonth：expected a month YYYY-MM' }],
    });

    expect((await f.engine.run('manual')).outcome).toBe('partial');
    // b and c: on the roster as the platform holds them, due for 资格认证 from the platform's last one.
    for (const [h, amount] of [
      [b, 68000],
      [c, 70000],
    ] as const) {
      expect(rosterOf(h.headIdNumber)).toEqual([
        expect.objectContaining({ amount_fen: amount, since_month: '2025-03', next_review_on: '2027-03-31', enrolled_on: '2026-03-15' }),
      ]);
    }
    const cert = new CertificationService({ db: f.db(), clock: f.t.clock, audit: f.t.auth.audit() });
    expect(cert.dueList('due', 100).rows.map((r) => r.idNumber)).not.toContain(b.headIdNumber);
    expect(cert.dueList('all', 100).rows.map((r) => r.idNumber)).toContain(b.headIdNumber);
    const note = f
      .db()
      .prepare("SELECT note FROM case_event WHERE case_id = ? AND action = 'rosterImported'")
      .pluck()
      .get(rosterOf(b.headIdNumber)[0]!.case_id);
    expect(note).toBe('从市级平台在册名单取得：城市低保，月保障金额 680.00 元，2025-03 起享受');
    // `here`: the station's row untouched, the platform's household listed as a conflict with the reason.
    expect(rosterOf(here.headIdNumber)).toEqual([mine]);
    expect(recipientConflicts(f.db())).toEqual([
      expect.objectContaining({ name: here.headName, code: 'ON_ROSTER', message: expect.stringContaining('已在本站在册对象名单中') }),
    ]);

    // The next sync sends b's and c's roster.imported: the platform matches its own recipients; `here` is refused naming both amounts.
    await f.engine.run('manual');
    const answers = f.db().prepare("SELECT case_id, state, reason FROM outbox WHERE kind = 'roster.imported'").all() as Array<{
      case_id: string;
      state: string;
      reason: string | null;
    }>;
    const byCase = new Map(answers.map((a) => [a.case_id, a]));
    expect(byCase.get(mine.case_id)).toMatchObject({
      state: 'rejected',
      reason: expect.stringContaining('月保障金额：平台 720.00 元，导入 680.00 元'),
    });
    for (const h of [b, c]) {
      const caseId = rosterOf(h.headIdNumber)[0]!.case_id;
      expect(byCase.get(caseId)).toMatchObject({ state: 'acknowledged' });
      expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ stationId: STATION, caseId, source: 'platform' });
    }

    // The feed rebuilt: every item comes again; the roster and the conflict list are as they were.
    const rows = f.db().prepare('SELECT count(*) FROM roster').pluck().get();
    await platform.admin.resetFeed();
    await f.engine.run('manual');
    expect(f.db().prepare('SELECT count(*) FROM roster').pluck().get()).toBe(rows);
    expect(recipientConflicts(f.db())).toHaveLength(1);
  });

  it('a bad item is refused by the handler naming the field; the CLI refuses another station’s household and loads nothing then', async () => {
    const [a] = exportHouseholds(1) as [ExportHousehold];
    const body = asRecipient(a, 68000);
    const refusal = applyPulledRecipient(deps(f.db()), {
      kind: 'roster.recipient',
      feedSeq: 9,
      at: Date.now(),
      id: a.headIdNumber,
      body: { ...body, members: [] },
    });
    expect(refusal).toMatchObject({ code: 'SYNC_PULL_ITEM_INVALID', details: { kind: 'roster.recipient', path: 'body.members' } });
    expect(rosterOf(a.headIdNumber)).toEqual([]);

    await platform.admin.createEnrolmentCode({ stationId: 'ST-ELSEWHERE', regionCode: '500110' });
    expect(await platform.admin.putRecipient({ idNumber: a.headIdNumber, stationId: 'ST-ELSEWHERE', body })).toBeTypeOf('number');
    await expect(load([body])).rejects.toMatchObject({ stdout: expect.stringContaining('平台上该户属于其他工作站') });
    expect(await platform.admin.recipient(a.headIdNumber)).toMatchObject({ stationId: 'ST-ELSEWHERE' });
  });

  it('exactly once, page by page, through cuts of the answers and duplicated pull requests', async () => {
    const households = exportHouseholds(10, 40);
    expect(JSON.parse((await load(households.map((h, i) => asRecipient(h, 60000 + i * 100)))).stdout)).toEqual({ loaded: 10, refused: [] });
    await syncThroughCuts(f, platform, 16_1, 10);
    // The next sync sends the roster.imported records the pulled households queued.
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    // Ten households, each on the roster once with its own amount, each matched on the platform.
    for (const [i, h] of households.entries()) {
      expect(rosterOf(h.headIdNumber).map((r) => r.amount_fen)).toEqual([60000 + i * 100]);
      expect(await platform.admin.recipient(h.headIdNumber)).toMatchObject({ caseId: rosterOf(h.headIdNumber)[0]!.case_id });
    }
    expect(f.db().prepare("SELECT count(*) FROM roster_recipient_pulled WHERE status = 'applied'").pluck().get()).toBe(10);
    expect(f.db().prepare("SELECT count(*) FROM outbox WHERE kind = 'roster.imported' AND state = 'acknowledged'").pluck().get()).toBe(10);
  });
});
