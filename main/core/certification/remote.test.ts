import { afterEach, beforeEach, expect, it } from 'vitest';
import { chineseDateTime } from '../../../common/format/chineseDateHan';
import type { RunningPlatform } from '../../../city-platform/platform';
import { describeStores } from '../../../city-platform/testing/stores';
import { AfterAcceptanceRepo } from '../afterAcceptance/repo';
import { acceptedCase } from '../afterAcceptance/testing/fixture';
import type { CaseService } from '../cases/caseService';
import { makeIdNumber } from '../cases/demo/synthetic';
import { HUSBAND } from '../cases/testing/household';
import { platformStation, type PlatformStation } from '../cases/testing/platformStation';
import { syncThroughCuts, type EngineFixture } from '../sync/engine/testing/engineFixture';
import { registerCertificationPullHandler } from './pullHandler';
import { CertificationService } from './service';

const DAY = 86_400_000;
const STATION = 'ST-CERT';
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 资格认证 made on the phone, end to end: `npm run platform -- certify` on the platform's store,
 * the real engine's pull into a real encrypted station, the certification module's handler, and the
 * due list — on SQLite and PostgreSQL, through cuts, duplicated requests and a rebuilt feed.
 */
describeStores('remote certification (platform certify → pull → due list)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let f: EngineFixture;
  let svc: () => CertificationService;
  let cases: CaseService;

  beforeEach(async () => {
    ps = await platformStation(store);
    ({ platform, f, cases } = ps);
    svc = () => new CertificationService({ db: f.db(), clock: f.t.clock, audit: f.t.auth.audit() });
    ps.handlers(registerCertificationPullHandler(f.engine.pullHandlers, () => svc()));
    // The household reached the roster 11 months ago: its applicant is due now (12-month interval, 30-day window).
    enrol('roster-1', HUSBAND.idNumber, HUSBAND.name);
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  /** A household of one on the roster, enrolled 11 months ago. */
  const enrol = (id: string, idNumber: string, name: string) => {
    const enrolled = chinaDay(Date.now() - 340 * DAY);
    new AfterAcceptanceRepo(f.db()).insertRoster(
      {
        id,
        case_id: acceptedCase(cases, f.t.adminId),
        applicant_id_number: idNumber,
        applicant_name: name,
        category: 'dibao-urban',
        household_size: 1,
        amount_fen: 68000,
        monthly: 1,
        since_month: enrolled.slice(0, 7),
        enrolled_on: enrolled,
        review_basis: 'stable',
        review_months: 12,
        next_review_on: '2099-01-01',
        linked_benefits: '[]',
        status: 'active',
        stopped_on: null,
        updated_at: new Date().toISOString(),
      },
      [idNumber],
    );
  };
  const certify = (args: string[]) => ps.cli('certify', args);
  const due = () =>
    svc()
      .dueList('due', 100)
      .rows.map((r) => r.idNumber);
  const rows = () =>
    f
      .db()
      .prepare("SELECT method, certified_on, recorded_by FROM certification WHERE id_number = ? AND method = 'remote'")
      .all(HUSBAND.idNumber);

  it('the CLI records it for the station; one pull takes the person off the due list, the history says 手机认证 with the time; a second delivery changes nothing', async () => {
    expect(due()).toEqual([HUSBAND.idNumber]);
    const lastWeek = new Date(Date.now() - 7 * DAY).toISOString();
    const out = await certify(['--station', STATION, '--id-number', HUSBAND.idNumber, '--at', lastWeek, '--method', 'face', '--json']);
    const made = JSON.parse(out.stdout) as { id: string; feedSeq: number };
    expect(await platform.admin.remoteCertifications(STATION)).toEqual([
      expect.objectContaining({ id: made.id, idNumber: HUSBAND.idNumber, certifiedAt: lastWeek, method: 'face', feedSeq: made.feedSeq }),
    ]);

    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(due()).toEqual([]);
    expect(rows()).toEqual([{ method: 'remote', certified_on: chinaDay(Date.parse(lastWeek)), recorded_by: 'platform' }]);
    const view = svc().view(f.t.adminId, HUSBAND.idNumber);
    expect(view.person.status).toBe('later');
    expect(view.person.lastCertifiedOn).toBe(chinaDay(Date.parse(lastWeek)));
    expect(view.history[0]).toMatchObject({ method: 'remote', outcome: 'certified', remote: { method: 'face', certifiedAt: lastWeek } });
    const event = f.db().prepare("SELECT note FROM case_event WHERE action = 'certifiedRemotely'").all() as Array<{ note: string }>;
    expect(event).toEqual([
      {
        note: expect.stringContaining(
          `${HUSBAND.name} 手机认证（人脸识别），${chineseDateTime(new Date(Date.parse(lastWeek) + 8 * 3_600_000).toISOString())}`,
        ),
      },
    ]);

    // The feed rebuilt: every item comes again, and the certification is still there once.
    await platform.admin.resetFeed();
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(rows()).toHaveLength(1);
    expect(f.db().prepare('SELECT count(*) FROM certification_remote').pluck().get()).toBe(1);
  });

  it('the CLI refuses a bad ID number, a future time and an unknown station; nothing reaches the feed; the admin endpoint likewise', async () => {
    const bad = HUSBAND.idNumber.slice(0, 17) + (HUSBAND.idNumber[17] === '1' ? '2' : '1');
    await expect(certify(['--station', STATION, '--id-number', bad, '--at', new Date().toISOString()])).rejects.toMatchObject({
      stderr: expect.stringContaining('idNumber'),
    });
    await expect(
      certify(['--station', STATION, '--id-number', HUSBAND.idNumber, '--at', new Date(Date.now() + DAY).toISOString()]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('certifiedAt') });
    await expect(
      certify(['--station', 'ST-NOWHERE', '--id-number', HUSBAND.idNumber, '--at', new Date().toISOString()]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('stationId') });
    await expect(
      certify(['--station', STATION, '--id-number', HUSBAND.idNumber, '--at', new Date().toISOString(), '--method', 'sms']),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('--method') });
    expect(await platform.admin.remoteCertifications(STATION)).toEqual([]);

    // The admin endpoint takes the same input with the same checks.
    const post = (body: unknown) =>
      fetch(`${platform.url}/admin/remote-certifications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${platform.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await post({ stationId: STATION, idNumber: bad, certifiedAt: new Date().toISOString(), method: 'face' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe('INVALID_INPUT');
    const made = await post({ stationId: STATION, idNumber: HUSBAND.idNumber, certifiedAt: new Date().toISOString(), method: 'video' });
    expect(made.status).toBe(201);
    expect((await platform.admin.remoteCertifications(STATION)).map((r) => [r.idNumber, r.method])).toEqual([[HUSBAND.idNumber, 'video']]);
  });

  it('a person not on this roster is kept as not applied with the reason, recorded once she is on it; a bad item is refused by the handler naming the field and kept in pulled_item', async () => {
    const stranger = makeIdNumber('500110', '1961-04-02', 77, '女');
    await platform.admin.certifyRemote({
      stationId: STATION,
      idNumber: stranger,
      certifiedAt: new Date(Date.now() - DAY).toISOString(),
      method: 'video',
    });
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(svc().remoteKept()).toEqual([
      expect.objectContaining({
        idNumberMasked: `${stranger.slice(0, 6)}********${stranger.slice(14)}`,
        method: 'video',
        code: 'CERT_NOT_ON_ROSTER',
        message: expect.stringContaining('不在本站在册保障名单中'),
      }),
    ]);
    expect(f.db().prepare("SELECT count(*) FROM certification WHERE method = 'remote'").pluck().get()).toBe(0);

    // Her household reaches the roster later (an import): trying the kept ones again records hers, once.
    expect(svc().retryKept(f.t.adminId)).toEqual({ applied: 0, kept: 1 });
    enrol('roster-2', stranger, '钱秀英');
    expect(svc().retryKept(f.t.adminId)).toEqual({ applied: 1, kept: 0 });
    expect(svc().retryKept(f.t.adminId)).toEqual({ applied: 0, kept: 0 });
    expect(svc().remoteKept()).toEqual([]);
    expect(svc().view(f.t.adminId, stranger).history).toEqual([
      expect.objectContaining({ method: 'remote', remote: expect.objectContaining({ method: 'video' }) }),
    ]);
    expect(f.db().prepare("SELECT count(*) FROM certification WHERE method = 'remote'").pluck().get()).toBe(1);

    // An item whose body does not read, as the engine dispatches it: refused by the handler (the field named), kept in pulled_item, the person not certified.
    const bad = {
      kind: 'certification.remote',
      feedSeq: 99,
      at: Date.now(),
      id: 'rc-bad',
      body: { idNumber: HUSBAND.idNumber, certifiedAt: 'last tuesday', method: 'face' },
    };
    const refusal = f.db().transaction(() => f.engine.pullHandlers.apply(f.db(), bad, new Date().toISOString()))();
    expect(refusal).toMatchObject({ code: 'SYNC_PULL_ITEM_INVALID', details: { kind: 'certification.remote', path: 'body.certifiedAt' } });
    expect(refusal!.message).toContain('certification.remote body.certifiedAt');
    expect(f.db().prepare("SELECT item_key FROM pulled_item WHERE kind = 'certification.remote'").pluck().all()).toEqual(['rc-bad']);
    expect(f.db().prepare("SELECT count(*) FROM certification_remote WHERE id = 'rc-bad'").pluck().get()).toBe(0);
    expect(due()).toEqual([HUSBAND.idNumber]);
  });

  it('exactly once through cuts of the pull answers and duplicated requests', async () => {
    const certifiedAt = new Date(Date.now() - 3 * DAY).toISOString();
    for (let i = 0; i < 3; i++)
      await platform.admin.certifyRemote({ stationId: STATION, idNumber: HUSBAND.idNumber, certifiedAt, method: 'face' });
    await syncThroughCuts(f, platform, 16_4);
    // Three platform certifications, three rows (each id once), the due list empty.
    expect(rows()).toHaveLength(3);
    expect(f.db().prepare("SELECT count(*) FROM certification_remote WHERE status = 'applied'").pluck().get()).toBe(3);
    expect(due()).toEqual([]);
  });
});
