import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RunningPlatform } from '../../../city-platform/platform';
import { describeStores } from '../../../city-platform/testing/stores';
import type { CaseService } from '../cases/caseService';
import { faceCapture, intakeSignature } from '../cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, WIFE } from '../cases/testing/household';
import { platformStation, type PlatformStation } from '../cases/testing/platformStation';
import { stationCases } from '../cases/testing/station';
import { AttachmentStore } from '../kernel/store/attachments/attachmentStore';
import { syncThroughCuts, type EngineFixture } from '../sync/engine/testing/engineFixture';
import { registerOnlineApplicationsPullHandler } from './pullHandler';
import { OnlineApplicationsService } from './service';
import { onlineApplication } from './testing/application';
import { jpegWithExif } from '../kernel/store/testing/images';
import { stripJpegMetadata } from '../kernel/store/attachments/stripJpeg';
import { sha256Hex } from '../../../sync-protocol/blobCipher';

const DAY = 86_400_000;
const STATION = 'ST-ONLINE';
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Online applications, end to end: `npm run platform -- apply` (with its papers as files) on the
 * platform's store, the real engine's pull into a real encrypted station, the 待受理 queue, the
 * papers fetched as blobs into the encrypted attachment store, and the intake the counter completes
 * — on SQLite and PostgreSQL, through cuts, duplicated requests and a rebuilt feed.
 */
describeStores('online applications (platform apply → pull → 待受理 queue → intake)', (store) => {
  let ps: PlatformStation;
  let platform: RunningPlatform;
  let work: string;
  let f: EngineFixture;
  let cases: () => CaseService;
  let svc: () => OnlineApplicationsService;

  beforeEach(async () => {
    ps = await platformStation(store);
    ({ platform, f } = ps);
    work = ps.folder('jiuzhu-online-files-');
    cases = () => stationCases(f.t);
    svc = () => new OnlineApplicationsService({ cases: cases(), clock: f.t.clock, audit: f.t.auth.audit() });
    ps.handlers(registerOnlineApplicationsPullHandler(f.engine.pullHandlers, () => svc()));
    await ps.register(STATION);
  });
  afterEach(() => ps.close());

  const apply = (args: string[]) => ps.cli('apply', args);
  const kept = () => f.db().prepare('SELECT count(*) FROM online_application').pluck().get();

  it('the CLI files it with its papers; one pull puts it in the queue once, the papers come down encrypted, the counter completes it into a case whose acceptance limit counts from the online submission', async () => {
    const submittedAt = new Date(Date.now() - 3 * DAY).toISOString();
    const filed = onlineApplication(submittedAt);
    const { file, blobs } = filed.write(work);
    const out = await apply(['--station', STATION, '--file', file, ...blobs.flatMap((b) => ['--blob', b]), '--json']);
    const made = JSON.parse(out.stdout) as { id: string; feedSeq: number };
    expect(await platform.admin.onlineApplications(STATION)).toEqual([
      expect.objectContaining({ id: made.id, submittedAt, type: 'dibao', applicantIdNumber: HUSBAND.idNumber, feedSeq: made.feedSeq }),
    ]);

    // The county sets 10 working days from submission to 受理.
    const c = cases();
    c.setSettings(f.t.adminId, { ...c.settings(), limits: { ...c.settings().limits, acceptanceWorkingDays: 10 } });

    expect((await f.engine.run('manual')).outcome).toBe('ok');
    const { rows, acceptanceWorkingDays } = svc().list(f.t.adminId, 'waiting');
    expect(acceptanceWorkingDays).toBe(10);
    const due = c.withCalendar((k) => k.addWorkingDays(chinaDay(Date.parse(submittedAt)), 10));
    expect(rows).toEqual([
      expect.objectContaining({
        id: made.id,
        submittedAt,
        source: 'miniProgram',
        type: 'dibao',
        applicantName: HUSBAND.name,
        applicantIdNumberMasked: `${HUSBAND.idNumber.slice(0, 6)}********${HUSBAND.idNumber.slice(14)}`,
        householdSize: 3,
        paperCount: 2,
        deadline: expect.objectContaining({ dueDate: due, met: false }),
        caseId: null,
        caseState: null,
      }),
    ]);

    // The papers and the signature: referenced under the application id, fetched into the encrypted store with the bytes filed.
    for (const [i, bytes] of filed.files.entries()) {
      const sha256 = [...filed.body.papers!, ...filed.body.signatures!][i]!.sha256;
      const got = await f.engine.fetchBlob(made.id, sha256);
      expect(got.state).toBe('stored');
      if (got.state === 'stored') expect(new AttachmentStore(f.db(), f.t.clock).get(got.attachmentId).equals(bytes)).toBe(true);
    }
    const detail = svc().get(f.t.adminId, made.id);
    expect(detail.members.map((m) => m.name)).toEqual(filed.body.members.map((m) => m.name));
    expect(detail.papers.map((p) => [p.material, p.materialLabel, p.page])).toEqual([
      ['hukou', '户口簿', 1],
      ['hukou', '户口簿', 2],
    ]);
    expect(detail.signatures).toEqual([expect.objectContaining({ name: HUSBAND.name, signedAt: submittedAt })]);

    // At the counter: the intake draft prefilled from the online application, once.
    const started = svc().startIntake(f.t.adminId, made.id);
    expect(started.created).toBe(true);
    expect(svc().startIntake(f.t.adminId, made.id)).toEqual({ caseId: started.caseId, created: false });
    const draft = c.mustGet(started.caseId);
    const app = c.application(draft);
    expect(app.channel).toEqual({ kind: 'online', reference: made.id, submittedOn: chinaDay(Date.parse(submittedAt)) });
    expect(app.members.map((m) => m.idNumber)).toEqual(filed.body.members.map((m) => m.idNumber));
    expect(app.applicant?.name).toBe(HUSBAND.name);
    // The two pages fetched above are the draft's scans of 户口簿; the signature is not an authorization and stays out.
    expect(c.repo.attachments(started.caseId).map((a) => [a.role, a.ref, a.page])).toEqual([
      ['material', 'hukou', 0],
      ['material', 'hukou', 1],
    ]);

    // The clerk completes it (papers checked in, income recorded), submits, the household signs, 受理.
    const saved = c.saveDraft(f.t.adminId, {
      caseId: started.caseId,
      rev: draft.draft_rev,
      application: {
        ...app,
        materials: DIBAO_MATERIALS_RECEIVED,
        income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 120000 }],
      },
    });
    c.submit(f.t.adminId, started.caseId, saved.rev);
    expect(c.repo.deadlines(started.caseId)).toEqual([
      expect.objectContaining({ kind: 'acceptance', from_date: chinaDay(Date.parse(submittedAt)), due_date: due, met_at: null }),
    ]);
    c.authorize(f.t.adminId, started.caseId, HUSBAND.idNumber, intakeSignature(started.caseId, HUSBAND), faceCapture());
    c.authorize(f.t.adminId, started.caseId, WIFE.idNumber, intakeSignature(started.caseId, WIFE), faceCapture());
    c.decide(f.t.adminId, started.caseId, 1, { kind: 'accept' });
    expect(svc().list(f.t.adminId, 'waiting').rows).toEqual([]);
    expect(svc().list(f.t.adminId, 'all').rows).toEqual([
      expect.objectContaining({
        id: made.id,
        caseId: started.caseId,
        caseState: 'accepted',
        deadline: expect.objectContaining({ met: true }),
      }),
    ]);
    const audited = f.db().prepare('SELECT action FROM audit_log WHERE target_id = ? ORDER BY seq').pluck().all(made.id);
    expect(audited).toEqual(
      expect.arrayContaining(['online-application.received', 'online-application.view', 'online-application.start_intake']),
    );

    // The feed rebuilt: every item comes again, and the application is still there once, still linked.
    await platform.admin.resetFeed();
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    expect(kept()).toBe(1);
    expect(svc().list(f.t.adminId, 'all').rows[0]).toMatchObject({ caseId: started.caseId });
  });

  it('a phone photo with its metadata (EXIF with the place and the camera) comes down checked against the platform’s hash and is kept without it; the intake takes the clean page', async () => {
    const submittedAt = new Date(Date.now() - DAY).toISOString();
    const filed = onlineApplication(submittedAt);
    const photo = jpegWithExif('GPS 29.56N 106.55E Canon EOS serial 12345');
    const papers = [{ ...filed.body.papers![0]!, sha256: sha256Hex(photo), size: photo.length }];
    const body = { ...filed.body, papers };
    const { id } = await platform.admin.fileApplication({ stationId: STATION, body, blobs: [photo, filed.files[2]!] });
    expect((await f.engine.run('manual')).outcome).toBe('ok');

    const got = await f.engine.fetchBlob(id, sha256Hex(photo));
    expect(got).toMatchObject({ state: 'stored' });
    if (got.state !== 'stored') return;
    const kept = new AttachmentStore(f.db(), f.t.clock).get(got.attachmentId);
    expect(kept.equals(stripJpegMetadata(photo))).toBe(true);
    expect(kept.includes(Buffer.from('GPS'))).toBe(false);
    expect(kept.includes(Buffer.from('Exif'))).toBe(false);

    const { caseId } = svc().startIntake(f.t.adminId, id);
    const linked = f.db().prepare("SELECT attachment_id FROM case_attachment WHERE case_id = ? AND role = 'material'").pluck().all(caseId);
    expect(linked).toEqual([got.attachmentId]);
  });

  it('the CLI refuses a bad body naming the field, a paper without its file, and an unknown station; nothing reaches the feed', async () => {
    const filed = onlineApplication(new Date(Date.now() - DAY).toISOString());
    const { blobs } = filed.write(work);
    const bad = (body: unknown) => {
      const path = join(work, `bad-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify(body));
      return path;
    };
    const wrongId = HUSBAND.idNumber.slice(0, 17) + (HUSBAND.idNumber[17] === '1' ? '2' : '1');
    await expect(
      apply([
        '--station',
        STATION,
        '--file',
        bad({ ...filed.body, members: filed.body.members.map((m, i) => (i === 1 ? { ...m, idNumber: wrongId } : m)) }),
        ...blobs.flatMap((b) => ['--blob', b]),
      ]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('body.members.1.idNumber') });
    await expect(
      apply(['--station', STATION, '--file', bad({ ...filed.body, source: 'fax' }), ...blobs.flatMap((b) => ['--blob', b])]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('body.source') });
    await expect(apply(['--station', STATION, '--file', bad(filed.body), '--blob', blobs[0]!])).rejects.toMatchObject({
      stderr: expect.stringContaining('body.papers.1.sha256'),
    });
    await expect(
      apply(['--station', 'ST-NOWHERE', '--file', bad(filed.body), ...blobs.flatMap((b) => ['--blob', b])]),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('stationId') });
    expect(await platform.admin.onlineApplications(STATION)).toEqual([]);
  });

  it('a bad item is refused by the handler naming the field and kept aside; the queue stays empty', async () => {
    const filed = onlineApplication(new Date(Date.now() - DAY).toISOString());
    const refusal = svc().pulled({
      kind: 'application.online',
      feedSeq: 7,
      at: Date.now(),
      id: 'oa-bad',
      body: { ...filed.body, members: [{ ...filed.body.members[0]!, relationship: 'cousin' }] },
    });
    expect(refusal).toMatchObject({
      code: 'SYNC_PULL_ITEM_INVALID',
      details: { kind: 'application.online', path: 'body.members.0.relationship' },
    });
    const noSelf = svc().pulled({
      kind: 'application.online',
      feedSeq: 8,
      at: Date.now(),
      id: 'oa-bad2',
      body: { ...filed.body, members: filed.body.members.slice(1) },
    });
    expect(noSelf).toMatchObject({ code: 'SYNC_PULL_ITEM_INVALID', details: { path: 'body.members' } });
    expect(kept()).toBe(0);
  });

  it('exactly once through cuts of the pull answers and duplicated requests', async () => {
    const filed = onlineApplication(new Date(Date.now() - 2 * DAY).toISOString());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await platform.admin.fileApplication({ stationId: STATION, body: filed.body, blobs: filed.files })).id);
    await syncThroughCuts(f, platform, 16_2);
    // Three platform applications, three queue entries (each id once), their blob references each once.
    expect(
      svc()
        .list(f.t.adminId, 'waiting')
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(
      f
        .db()
        .prepare('SELECT count(*) FROM sync_remote_blob WHERE case_id IN (?, ?, ?)')
        .pluck()
        .get(...ids),
    ).toBe(9);
  });
});
