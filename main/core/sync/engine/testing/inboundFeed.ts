import { createHash, randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { ReferenceTable } from '../../../../../common/cases/referenceTables';
import { expect } from 'vitest';
import type { RunningPlatform } from '../../../../../city-platform/platform';
import { idNumber } from '../../../../../city-platform/testClient/fixtures';
import { caseAuthorizationRecord, type RosterHousehold } from '../../../../../sync-protocol/records/index';
import { ChangeRepo } from '../../../afterAcceptance/changeRepo';
import { afterAcceptance, REDRESS } from '../../../afterAcceptance/testing/fixture';
import { enrolledHousehold } from '../../../afterAcceptance/testing/reviewFixture';
import { WIFE } from '../../../cases/testing/household';
import { CaseService } from '../../../cases/caseService';
import { registerCalendarPullHandler } from '../../../cases/calendar/pullHandler';
import { registerReferencePullHandlers } from '../../../cases/reference/pullHandler';
import { registerPolicyPullHandler } from '../../../cases/countyPolicy/pullHandler';
import { PublishedCalendarRepo } from '../../../cases/calendar/publishedCalendarRepo';
import { registerCasePullHandler } from '../../../cases/pullHandler';
import { PlatformStatusRepo } from '../../../cases/platformStatus/platformStatusRepo';
import { registerPlatformStatusPullHandler } from '../../../cases/platformStatus/pullHandler';
import { loadCaseResources, type CaseResources } from '../../../cases/resources';
import { registerVerificationPullHandler } from '../../../cases/verification/pullHandler';
import { registerCertificationPullHandler } from '../../../certification/pullHandler';
import { CertificationService } from '../../../certification/service';
import { AttachmentStore } from '../../../kernel/store/attachments/attachmentStore';
import type { Db } from '../../../kernel/store/types';
import { registerOnlineApplicationsPullHandler } from '../../../onlineApplications/pullHandler';
import { OnlineApplicationsService } from '../../../onlineApplications/service';
import { onlineApplication } from '../../../onlineApplications/testing/application';
import { registerRosterPullHandler } from '../../../rosterImport/pullHandler';
import { RosterImportService } from '../../../rosterImport/service';
import { exportHouseholds } from '../../../rosterImport/testing/rosterWorkbook';
import { Outbox } from '../../outbox/outbox';
import type { EngineFixture } from './engineFixture';

const DAY = 86_400_000;
/** The county's single parameters (`policy` items), each once. */
const COUNTY_PARAMETERS = { 'limits.acceptanceWorkingDays': 5, 'relief.advanceLimitYuan': 2000 };

/** The county's reference tables as the platform publishes them, each at REFERENCE_VERSION. */
const REFERENCE_VERSION = 2;
const COUNTY_TABLES: Record<ReferenceTable, unknown> = {
  standards: { standards: [{ regionPrefix: '5001', residence: 'urban', monthlyFen: 80_000, effectiveFrom: '2026-01-01' }] },
  materials: {
    effectiveFrom: '2027-01-01',
    source: '綦江区低保申请材料清单（2027年版）',
    types: { dibao: [{ code: 'application_form', label: '最低生活保障申请书', required: true }] },
  },
  'policy-texts': { effectiveFrom: '2026-12-01', notices: [{ title: '低保政策', body: '家庭人均收入低于当地低保标准可申请。' }] },
};
const RELATION: Record<string, RosterHousehold['members'][number]['relationship']> = { 本人: 'self', 配偶: 'spouse', 子女: 'child' };
let resources: CaseResources | undefined;

/** The station's services over one store connection (the handlers get the pull page's), built once per connection. */
export function stationServices(f: EngineFixture, db: Db = f.db()) {
  resources ??= loadCaseResources();
  const info = f.t.station.stationInfo()!;
  const base = { db, clock: f.t.clock, audit: f.t.auth.audit() };
  const cases = new CaseService({ ...base, resources, station: { name: info.name, regionCode: info.regionCode } });
  return {
    cases,
    aa: afterAcceptance(cases, base.audit, f.t.clock),
    certification: new CertificationService(base),
    online: new OnlineApplicationsService({ cases, clock: f.t.clock, audit: base.audit }),
    roster: new RosterImportService({ ...base, cases: cases.repo, regionCode: info.regionCode }),
  };
}

/**
 * Claim every inbound kind with its capability's real handler in the engine's registry, as the
 * running app does: station `case` items, the platform's status of each case, 核对 reports, the
 * published working-day calendar and the county's reference tables (standards, materials, policy
 * texts) and single parameters (`policy`), remote 资格认证, online applications, the platform's roster and the county's decisions on the
 * station's change proposals (`change-decision`, applied by the after-acceptance service as its pull
 * handler does). Decisions and warnings stay unclaimed (kept in pulled_item). A new inbound kind joins
 * here, in `seedInboundFeed` and in `expectInboundOnce`. Returns the unregister function.
 */
export function claimInboundKinds(f: EngineFixture): () => void {
  const built = new WeakMap<Db, ReturnType<typeof stationServices>>();
  const svc = (db: Db) => built.get(db) ?? built.set(db, stationServices(f, db)).get(db)!;
  const handlers = f.engine.pullHandlers;
  const off = [
    registerCasePullHandler(handlers, (db) => svc(db).cases),
    registerPlatformStatusPullHandler(handlers, (db) => ({
      repo: new PlatformStatusRepo(db),
      audit: (e) => f.t.auth.audit().append(e),
      now: () => f.t.clock.now().toISOString(),
    })),
    registerVerificationPullHandler(handlers, (db) => svc(db).cases),
    registerCalendarPullHandler(handlers, (db) => svc(db).cases),
    registerReferencePullHandlers(handlers, (db) => svc(db).cases),
    registerPolicyPullHandler(handlers, (db) => svc(db).cases),
    registerCertificationPullHandler(handlers, (db) => svc(db).certification),
    registerOnlineApplicationsPullHandler(handlers, (db) => svc(db).online),
    registerRosterPullHandler(handlers, (db) => ({ db, clock: f.t.clock, audit: f.t.auth.audit(), service: svc(db).roster })),
    handlers.register('change-decision', (db, item) => {
      const r = svc(db).aa.pulledChangeDecision(item);
      return r instanceof JiuzhuError ? r : undefined;
    }),
  ];
  return () => off.forEach((u) => u());
}

/** What `seedInboundFeed` put in the station's feed, to check against afterwards. */
export interface InboundFeed {
  stationId: string;
  roster: RosterHousehold[];
  application: { id: string; blobs: Array<{ sha256: string; size: number }> };
  certification: { id: string; idNumber: string; certifiedOn: string };
  verification: { caseId: string; signer: { idNumber: string; name: string }; id: string | null; lastRefusal?: string };
  change: ProposedChange;
  calendarVersion: number;
}

/** A household on the station's roster whose benefit the station proposes to stop; `decisionId` once the county has decided. */
export interface ProposedChange {
  caseId: string;
  rosterId: string;
  proposalId: string;
  decisionId: string | null;
  lastRefusal?: string;
}

/** The platform's current recipients of the station as the county loads them (`roster-load`). */
export function rosterRecipients(count: number, start = 0): RosterHousehold[] {
  return exportHouseholds(count, start).map((h, i) => ({
    type: 'dibao',
    subtype: 'urban',
    applicant: { idNumber: h.headIdNumber, name: h.headName },
    members: h.members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationship: RELATION[m.relationship]! })),
    amountFen: 60_000 + i * 1_000,
    monthly: true,
    sinceMonth: '2025-03',
    nextReviewOn: '2027-03-31',
    lastCertifiedOn: '2026-03-15',
  }));
}

/**
 * One item of every inbound kind in the station's feed, made with the platform's admin functions
 * as the CLI commands make them: `roster-load` (`households` recipients), `apply` (an application
 * with its papers and signature as blobs), `certify` (the head of the first household loaded, after
 * the load), the `working-days` calendar and the county's tables published at a version. The 核对 report (`verify`) needs
 * its case's 授权书 on the platform first: `verifiableCase` queues them, `postVerificationOnce` posts it.
 */
export async function seedInboundFeed(
  platform: RunningPlatform,
  stationId: string,
  o: { verifiable: InboundFeed['verification']; change: ProposedChange; households: number; now: number },
): Promise<InboundFeed> {
  const roster = rosterRecipients(o.households);
  const loaded = await platform.admin.loadRoster({ stationId, households: roster });
  expect(loaded).toEqual({ loaded: roster.length, refused: [] });

  const filed = onlineApplication(new Date(o.now - 2 * DAY).toISOString());
  const application = await platform.admin.fileApplication({ stationId, body: filed.body, blobs: filed.files });

  const head = roster[0]!.applicant.idNumber;
  const certifiedAt = new Date(o.now - 3 * DAY).toISOString();
  const certification = await platform.admin.certifyRemote({ stationId, idNumber: head, certifiedAt, method: 'face' });

  const calendarVersion = 3;
  await platform.admin.publishReference({
    table: 'working-days',
    version: calendarVersion,
    data: { source: '国务院办公厅关于2027年部分节假日安排的通知', years: [2027], holidays: ['2027-01-01'], workdays: ['2027-01-02'] },
  });
  for (const [table, data] of Object.entries(COUNTY_TABLES))
    await platform.admin.publishReference({ table, version: REFERENCE_VERSION, data, publishedBy: '綦江区民政局' });
  for (const [key, value] of Object.entries(COUNTY_PARAMETERS))
    await platform.admin.setPolicy({ key, value, effectiveFrom: '2026-01-01', publishedBy: '綦江区民政局' });

  return {
    stationId,
    roster,
    application: {
      id: application.id,
      blobs: filed.files.map((b) => ({ sha256: createHash('sha256').update(b).digest('hex'), size: b.length })),
    },
    certification: {
      id: certification.id,
      idNumber: head,
      certifiedOn: new Date(Date.parse(certifiedAt) + 8 * 3_600_000).toISOString().slice(0, 10),
    },
    verification: o.verifiable,
    change: o.change,
    calendarVersion,
  };
}

/**
 * A household on the roster at 680 yuan (an accepted case approved by a county decision) whose
 * benefit the station proposes to stop: a death warning of a member verified and closed with 终止,
 * so its `change.proposal` waits in the outbox with the case's records. The county's redress route
 * is set (the 终止通知书 names it). `decideChangeOnce` decides it once the platform holds it.
 */
export function proposedChange(f: EngineFixture, now: number): ProposedChange {
  const { cases, aa } = stationServices(f);
  const actor = f.t.adminId;
  cases.setSettings(actor, { ...cases.settings(), notice: { ...cases.settings().notice, redress: REDRESS } });
  const { caseId, rosterId } = enrolledHousehold(cases, aa, actor);
  // A UUID: a warning id of another form whose digits happen to look like a phone number is refused by the audit guard.
  aa.pulledWarning({ kind: 'warning', feedSeq: 1, at: now, id: randomUUID(), idNumber: WIFE.idNumber, type: 'death' });
  const warning = aa.work.repo.warnings().find((w) => w.status === 'open')!;
  const today = new Date(f.t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  aa.verifyWarning(actor, warning.id, { verifiedOn: today, method: '入户核实', findings: '经核实李秀英已死亡，有死亡医学证明' });
  aa.closeWarning(actor, warning.id, {
    outcome: 'stop',
    reasons: ['家庭成员死亡，保障条件发生变化'],
    legalBasis: ['《社会救助暂行办法》第十三条'],
  });
  const [proposal] = new ChangeRepo(f.db()).ofCase(caseId);
  return { caseId, rosterId, proposalId: proposal!.id, decisionId: null };
}

/**
 * The county approves the feed's proposal once the platform holds it (`decide-change`); answers
 * whether it is decided. Until the push has taken the proposal there, the platform refuses (kept in
 * `change.lastRefusal`) and this answers false.
 */
export async function decideChangeOnce(platform: RunningPlatform, feed: InboundFeed): Promise<boolean> {
  const c = feed.change;
  if (c.decisionId) return true;
  try {
    c.decisionId = (await platform.admin.decideChange({ caseId: c.caseId, proposalId: c.proposalId, outcome: 'approved' })).id;
    return true;
  } catch (e) {
    c.lastRefusal = (e as Error).message;
    return false;
  }
}

/**
 * A case the platform can post a 核对 report on, queued in the outbox as a station pushes it: a
 * household of one submitted (`case.upsert`) and its applicant's 授权书 signed on the pad
 * (`case.authorization`, with its signature blob).
 */
export function verifiableCase(f: EngineFixture, caseId: string, serial: number, now: number): InboundFeed['verification'] {
  const signer = { idNumber: idNumber(serial), name: '王小文' };
  const signature = f.putBlob(3_000);
  f.enqueueCase(caseId, serial, { name: signer.name });
  const at = new Date(now).toISOString();
  const db = f.db();
  db.transaction(() =>
    new Outbox(db, f.t.clock).enqueue(
      caseAuthorizationRecord({
        authorizationId: `auth-${caseId}`,
        caseId,
        caseNo: null,
        signer: { ...signer, role: 'member' },
        route: 'pad',
        paper: null,
        statement: { version: 1, sha256: createHash('sha256').update(`核对授权书 ${caseId}`).digest('hex') },
        signature: { sha256: signature, padSha256: signature },
        face: null,
        faceRequired: false,
        signedAt: at,
        recordedAt: at,
        amendment: null,
      }),
    ),
  )();
  return { caseId, signer, id: null };
}

/**
 * Post the 核对 report of the feed's case once the platform holds its 授权书 (`verify`); answers
 * whether it is posted. Until the push has taken the case there, the platform refuses it and this
 * answers false (the refusal kept in `verification.lastRefusal`).
 */
export async function postVerificationOnce(platform: RunningPlatform, feed: InboundFeed, now: number): Promise<boolean> {
  const v = feed.verification;
  if (v.id) return true;
  const issuedOn = new Date(now + 8 * 3_600_000 - DAY).toISOString().slice(0, 10);
  try {
    const made = await platform.admin.postVerification(v.caseId, {
      centre: '綦江区社会救助家庭经济状况核对中心',
      reportNo: `HD-${v.caseId}`,
      issuedOn,
      members: [{ ...v.signer, items: [{ type: 'deposit', amountFen: 1_250_000, source: '人民银行重庆营业管理部', asOf: issuedOn }] }],
    });
    v.id = made.id;
    return true;
  } catch (e) {
    v.lastRefusal = (e as Error).message;
    return false;
  }
}

/** What is still to come of the inbound items: the application's blobs not yet whole here, the 核对 report or the change decision not yet applied. */
export function inboundPending(f: EngineFixture, feed: InboundFeed): number {
  const db = f.db();
  const blobs = db
    .prepare("SELECT count(*) FROM sync_remote_blob WHERE case_id = ? AND state <> 'stored'")
    .pluck()
    .get(feed.application.id) as number;
  const report = feed.verification.id
    ? (db.prepare('SELECT count(*) FROM case_verification WHERE id = ?').pluck().get(feed.verification.id) as number)
    : 0;
  const decided = feed.change.decisionId ? new ChangeRepo(db).byDecision(feed.change.decisionId) : undefined;
  return blobs + (report ? 0 : 1) + (decided ? 0 : 1);
}

/**
 * Every inbound item applied exactly once in the station's own tables: each roster household on the
 * roster once (no household or person twice) and matched on the platform by one `roster.imported`;
 * the application once in the 待受理 queue with every blob whole (SHA-256 and size as the platform
 * stored them); the 核对 report once on its case; the remote certification once on the roster
 * head's record; the calendar once at its version; the county's change decision once: the proposal
 * decided by it, the household's roster row stopped, one 终止通知书 and one timeline line.
 */
export async function expectInboundOnce(f: EngineFixture, platform: RunningPlatform, feed: InboundFeed): Promise<void> {
  const db = f.db();
  const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const heads = feed.roster.map((h) => h.applicant.idNumber).sort();
  const persons = feed.roster.flatMap((h) => h.members.map((m) => m.idNumber)).sort();
  const rosterRows = all<{ applicant_id_number: string }>(
    "SELECT applicant_id_number FROM roster WHERE status = 'active' AND applicant_id_number IN (SELECT value FROM json_each(?))",
    JSON.stringify(heads),
  );
  expect(rosterRows.map((r) => r.applicant_id_number).sort()).toEqual(heads);
  const members = all<{ id_number: string }>(
    'SELECT id_number FROM roster_member WHERE id_number IN (SELECT value FROM json_each(?))',
    JSON.stringify(persons),
  );
  expect(members.map((m) => m.id_number).sort()).toEqual(persons);
  const caseIds = all<{ n: number }>(
    'SELECT count(*) AS n FROM case_file WHERE applicant_id_number IN (SELECT value FROM json_each(?)) GROUP BY applicant_id_number',
    JSON.stringify(heads),
  );
  expect(caseIds.map((c) => c.n)).toEqual(heads.map(() => 1));
  const deviceId = f.engine.state().registration()!.deviceId;
  const imported = (await platform.admin.records()).filter((r) => r.deviceId === deviceId && r.kind === 'roster.imported');
  expect(imported.length).toBe(heads.length);
  for (const head of heads) expect((await platform.admin.recipient(head))?.caseId).toBeTruthy();

  const s = stationServices(f);
  expect(all('SELECT id FROM online_application')).toEqual([{ id: feed.application.id }]);
  expect(s.online.list(f.t.adminId, 'waiting').rows.map((r) => r.id)).toEqual([feed.application.id]);
  const refs = all<{ sha256: string; size: number; state: string; attachment_id: string }>(
    'SELECT sha256, size, state, attachment_id FROM sync_remote_blob WHERE case_id = ? ORDER BY sha256',
    feed.application.id,
  );
  const filed = [...feed.application.blobs].sort((a, b) => a.sha256.localeCompare(b.sha256));
  expect(refs.map((r) => ({ sha256: r.sha256, size: r.size, state: r.state }))).toEqual(filed.map((b) => ({ ...b, state: 'stored' })));
  const stored = new Map((await platform.admin.blobs()).map((b) => [b.sha256, b.size]));
  const attachments = new AttachmentStore(db, f.t.clock);
  for (const r of refs) {
    const bytes = attachments.get(r.attachment_id);
    expect({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }).toEqual({
      sha256: r.sha256,
      size: stored.get(r.sha256),
    });
  }
  expect(
    all(
      'SELECT count(*) AS n FROM sync_download_chunk WHERE sha256 IN (SELECT sha256 FROM sync_remote_blob WHERE case_id = ?)',
      feed.application.id,
    ),
  ).toEqual([{ n: 0 }]);

  expect(feed.verification.id, `the 核对 report was not posted: ${feed.verification.lastRefusal ?? ''}`).toBeTruthy();
  expect(all('SELECT id, case_id, status FROM case_verification')).toEqual([
    { id: feed.verification.id, case_id: feed.verification.caseId, status: 'applied' },
  ]);

  expect(all('SELECT id, status FROM certification_remote')).toEqual([{ id: feed.certification.id, status: 'applied' }]);
  expect(all("SELECT id_number, certified_on FROM certification WHERE method = 'remote'")).toEqual([
    { id_number: feed.certification.idNumber, certified_on: feed.certification.certifiedOn },
  ]);
  expect(s.certification.view(f.t.adminId, feed.certification.idNumber).person.lastCertifiedOn).toBe(feed.certification.certifiedOn);

  expect(new PublishedCalendarRepo(db).version()).toBe(feed.calendarVersion);
  expect(all('SELECT ref_table AS "table", version, published_by AS "by" FROM published_reference ORDER BY ref_table')).toEqual(
    Object.keys(COUNTY_TABLES)
      .sort()
      .map((table) => ({ table, version: REFERENCE_VERSION, by: '綦江区民政局' })),
  );
  expect(all("SELECT count(*) AS n FROM audit_log WHERE action = 'calendar.received'")).toEqual([{ n: 1 }]);
  expect(all('SELECT policy_key AS key, value, refusal FROM county_policy ORDER BY policy_key')).toEqual(
    Object.entries(COUNTY_PARAMETERS)
      .sort()
      .map(([key, value]) => ({ key, value: JSON.stringify(value), refusal: null })),
  );

  const c = feed.change;
  expect(c.decisionId, `the change was not decided: ${c.lastRefusal ?? ''}`).toBeTruthy();
  expect(all('SELECT id, status, decision_id, decision_source FROM benefit_change WHERE case_id = ?', c.caseId)).toEqual([
    { id: c.proposalId, status: 'approved', decision_id: c.decisionId, decision_source: 'platform' },
  ]);
  expect(all('SELECT id, status, amount_fen FROM roster WHERE case_id = ?', c.caseId)).toEqual([
    { id: c.rosterId, status: 'stopped', amount_fen: 68000 },
  ]);
  expect(all("SELECT count(*) AS n FROM notice_request WHERE case_id = ? AND kind = 'termination'", c.caseId)).toEqual([{ n: 1 }]);
  expect(all("SELECT count(*) AS n FROM case_event WHERE case_id = ? AND action = 'warningStop'", c.caseId)).toEqual([{ n: 1 }]);
  expect(all('SELECT count(*) AS n FROM decision_refusal WHERE decision_id = ?', c.decisionId)).toEqual([{ n: 0 }]);
}
