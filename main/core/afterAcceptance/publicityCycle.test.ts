import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingDayCounter } from '../../../common/calendar/workingDays';
import { chinaDate } from '../../../common/cases/age';
import { createCore, type CoreApi } from '../core';
import { createStderrLogger } from '../kernel/logging/logger';
import { loadCaseResources } from '../cases/resources';
import { readPdf } from '../documents/testing/pdfText';
import { HUSBAND, threePersonDibao, DIBAO_MATERIALS_RECEIVED } from '../cases/testing/household';
import { acceptedThroughContract, ok, singlePersonDibao } from './testing/contractCase';
import { OPINION, signedVisit, VISIT } from './testing/fixture';

/**
 * The 公示 cycle through the real dispatcher (encrypted store, real calendar): an objection is
 * answered by 民主评议 or re-investigation and then a NEW 初审意见 and a new 公示 (审核确认办法
 * art. 19); a proposal to refuse is never posted; the county's own limits become deadlines on the
 * official calendar; the combined 公示 lists hold name, household size and amount only.
 */
let now = new Date('2026-03-02T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
const printer = { via: 'browser' as const, windowId: 'browser:printer' };
const PASSWORD = 'Qiaotou#2026';
const STAFF_PASSWORD = 'Station#Counter9';
const counter = workingDayCounter(loadCaseResources().calendar, { unknownYears: 'weekdays' });
const today = () => chinaDate(now);

type Step = { caseId: string; state: string; version: number };
type Deadline = { kind: string; dueDate: string; workingDays: number; fromDate: string; status: string; metAt: string | null };
type Detail = {
  state: string;
  version: number;
  deadlines: Deadline[];
  timeline: Array<{ action: string; note: string | null }>;
  notices: Array<{ kind: string }>;
};
type View = {
  opinions: Array<{
    round: number;
    proposal: string;
    posted: boolean;
    publicityFrom: string | null;
    publicityTo: string | null;
    endedOn: string | null;
  }>;
  objections: Array<{ round: number | null }>;
  reviews: Array<{ round: number | null; kind: string; outcome: string }>;
};
type Notice = { id: string; kind: string; caseId: string; label: string };

const call = (method: string, input: Record<string, unknown>, ctx = worker) => core.invoke(method as never, input as never, ctx);
const step = (method: string, input: Record<string, unknown>) => ok<Step>(call(method, input));
const errorOf = async (p: Promise<unknown>) => ((await p) as { ok: boolean; error?: { code: string; message: string } }).error;
const detail = (caseId: string) => ok<Detail>(call('cases.get', { caseId }));
const view = (caseId: string) => ok<View>(call('visits.ofCase', { caseId }));
const deadline = async (caseId: string, kind: string) => (await detail(caseId)).deadlines.find((d) => d.kind === kind);

/** Move the clock; the idle lock engages on every window, so each unlocks. */
async function jump(to: Date) {
  now = to;
  for (const [w, password] of [
    [worker, STAFF_PASSWORD],
    [admin, PASSWORD],
    [printer, STAFF_PASSWORD],
  ] as const)
    await ok(core.invoke('session.unlock', { password }, w));
}

async function setSettings(change: (s: Record<string, unknown>) => Record<string, unknown>) {
  const current = await ok<{ settings: Record<string, unknown> }>(call('cases.settings', {}));
  return core.invoke('cases.setSettings', { settings: change(current.settings) } as never, admin);
}

/** An accepted case visited once: investigating, version 3. */
async function investigated(application = threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED })): Promise<string> {
  const caseId = await acceptedThroughContract(core, worker, application, now);
  await step('visits.record', {
    caseId,
    version: 2,
    visit: signedVisit(caseId, { ...VISIT, visitedOn: today(), familyPresent: [application.applicant!.name] }),
  });
  return caseId;
}

async function pdfText(requestId: string, ctx = worker): Promise<string> {
  const pdf = await ok<{ pdfBase64: string }>(call('documents.preview', { requestId }, ctx));
  return (await readPdf(Buffer.from(pdf.pdfBase64, 'base64')))
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, '');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-publicity-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: createStderrLogger('error'),
    deviceId: async () => 'd'.repeat(64),
  });
  await ok(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
      },
      admin,
    ),
  );
  await ok(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  for (const [username, displayName, roles, w] of [
    ['worker', '刘经办', ['caseworker'], worker],
    ['printer', '赵打印', ['print'], printer],
  ] as const) {
    await ok(core.invoke('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin));
    await ok(core.invoke('session.login', { username, password: 'Temp#pass2026' }, w));
    await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: STAFF_PASSWORD }, w));
  }
  // The signatures here are bound on the pad; the face at authorization is not what these tests are about.
  await ok(setSettings((s) => ({ ...s, faceRequired: false })));
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the 公示 cycle through the contract', () => {
  it('an objection is answered by 民主评议, then a NEW 初审意见 and a second 公示 — never straight to the decision; rounds numbered on the timeline', async () => {
    await jump(new Date('2026-03-02T09:00:00+08:00'));
    const caseId = await investigated();
    await step('publicity.opinion', { caseId, version: 3, opinion: OPINION });
    const firstTo = '2026-03-08';

    // Objections outside the period (before it, or a date not yet come) are refused; nothing changes.
    for (const receivedOn of ['2026-03-01', '2026-03-03']) {
      const refused = await errorOf(
        call('publicity.object', { caseId, version: 4, objection: { objector: '邻居赵某', content: '有经营收入', receivedOn } }),
      );
      expect(refused).toMatchObject({ code: 'PUBLICITY_OBJECTION_OUT_OF_PERIOD', message: expect.stringContaining('公示期') });
    }
    expect((await detail(caseId)).state).toBe('publicity');
    await step('publicity.object', {
      caseId,
      version: 4,
      objection: { objector: '邻居赵某', content: '反映其家中有经营收入', receivedOn: '2026-03-02' },
    });
    // The county's limit for the new 初审意见 runs from the objection: 15 working days by default.
    expect(await deadline(caseId, 'reopinion')).toMatchObject({
      workingDays: 15,
      fromDate: '2026-03-02',
      dueDate: counter.addWorkingDays('2026-03-02', 15),
      metAt: null,
    });

    // A new opinion before the objection is answered is refused.
    expect(await errorOf(call('publicity.opinion', { caseId, version: 5, opinion: OPINION }))).toMatchObject({
      code: 'OPINION_DISPUTE_UNRESOLVED',
    });
    // 民主评议 upholding the opinion: recorded, the case stays disputed (it does not go up).
    const review = {
      kind: 'review',
      heldOn: '2026-03-04',
      participants: ['村委会主任', '居民代表甲'],
      outcome: 'uphold',
      summary: '经评议，收入情况属实',
    };
    expect(await errorOf(call('publicity.resolve', { caseId, version: 5, resolution: review }))).toMatchObject({
      code: 'REVIEW_PARTICIPANTS_TOO_FEW',
    });
    expect(
      await step('publicity.resolve', {
        caseId,
        version: 5,
        resolution: { ...review, participants: [...review.participants, '居民代表乙'] },
      }),
    ).toMatchObject({ state: 'disputed', version: 6 });
    expect(await errorOf(call('publicity.end', { caseId, version: 6 }))).toMatchObject({ code: 'CASE_ILLEGAL_TRANSITION' });
    // A second 民主评议 answer cannot be "uphold → up" either: only the new opinion moves the case.
    await jump(new Date('2026-03-05T09:00:00+08:00'));
    expect(
      await step('publicity.opinion', {
        caseId,
        version: 6,
        opinion: { ...OPINION, amountFen: 52000, reasons: ['经民主评议，核减经营收入后重新核定'] },
      }),
    ).toMatchObject({ state: 'publicity', version: 7 });
    expect((await deadline(caseId, 'reopinion'))!.metAt).not.toBeNull();

    const v = await view(caseId);
    expect(v.opinions.map((o) => [o.round, o.posted, o.publicityFrom, o.publicityTo])).toEqual([
      [1, true, '2026-03-02', firstTo],
      [2, true, '2026-03-05', '2026-03-11'],
    ]);
    expect(v.objections.map((o) => o.round)).toEqual([1]);
    expect(v.reviews.map((r) => [r.round, r.kind, r.outcome])).toEqual([[1, 'review', 'uphold']]);
    const timeline = (await detail(caseId)).timeline;
    expect(timeline.filter((e) => e.action === 'giveOpinion').map((e) => e.note)).toEqual([
      expect.stringContaining('第 1 次公示：2026-03-02 至 2026-03-08'),
      expect.stringContaining('第 2 次公示：2026-03-05 至 2026-03-11'),
    ]);
    expect(timeline.map((e) => e.action)).toContain('democraticReview');

    // The second 公示 notice says which time it is, and shows only name, size and amount.
    const lists = await ok<Notice[]>(call('printQueue.list', { caseId, kind: 'publicity' }));
    expect(lists).toHaveLength(2);
    const second = await pdfText(lists[1]!.id);
    expect(second).toContain('公示（第2次）');
    expect(second).toContain('重新公示');
    expect(second).toContain('1张建国3520.00');
    expect(second).not.toMatch(/\d{17}[\dX]|\d{6}\*+\d{3}/);

    // Ended only after the second period's last day; then up, with the county's decision limit (10 working days).
    await jump(new Date('2026-03-11T09:00:00+08:00'));
    expect(await errorOf(call('publicity.end', { caseId, version: 7 }))).toMatchObject({ code: 'PUBLICITY_NOT_OVER' });
    await jump(new Date('2026-03-12T09:00:00+08:00'));
    expect(await step('publicity.end', { caseId, version: 7 })).toMatchObject({ state: 'awaiting_decision' });
    expect(await deadline(caseId, 'county_decision')).toMatchObject({
      workingDays: 10,
      fromDate: '2026-03-12',
      dueDate: counter.addWorkingDays('2026-03-12', 10),
      metAt: null,
    });
    expect((await view(caseId)).opinions.map((o) => o.endedOn)).toEqual([null, '2026-03-12']);
  }, 60_000);

  it('re-investigation after an objection needs a new home visit before the new 初审意见', async () => {
    await jump(new Date('2026-04-07T09:00:00+08:00'));
    const caseId = await investigated();
    await step('publicity.opinion', { caseId, version: 3, opinion: OPINION });
    await step('publicity.object', {
      caseId,
      version: 4,
      objection: { objector: '村民钱某', content: '其子女有稳定工作', receivedOn: today() },
    });
    expect(
      await step('publicity.resolve', { caseId, version: 5, resolution: { kind: 'reinvestigate', reason: '核实子女赡养能力' } }),
    ).toMatchObject({ state: 'investigating', version: 6 });
    // The first visit (before the 公示) does not count as the re-investigation.
    expect(await errorOf(call('publicity.opinion', { caseId, version: 6, opinion: OPINION }))).toMatchObject({
      code: 'OPINION_REINVESTIGATION_VISIT_MISSING',
      message: expect.stringContaining('第 1 次公示'),
    });
    await step('visits.record', {
      caseId,
      version: 6,
      visit: signedVisit(caseId, { ...VISIT, visitedOn: today(), findings: '子女在外务工，收入不稳定' }),
    });
    expect(await step('publicity.opinion', { caseId, version: 7, opinion: OPINION })).toMatchObject({ state: 'publicity', version: 8 });
    expect((await view(caseId)).opinions.map((o) => o.round)).toEqual([1, 2]);
    // 民主评议 is for a disputed case only.
    expect(
      await errorOf(call('publicity.resolve', { caseId, version: 8, resolution: { kind: 'reinvestigate', reason: 'x' } })),
    ).toMatchObject({ code: 'PUBLICITY_REVIEW_WRONG_STEP' });
  }, 60_000);

  it('a proposal to refuse is never posted: the 初审意见告知书 goes to the applicant with the reasons, and the case goes up', async () => {
    await jump(new Date('2026-05-11T09:00:00+08:00'));
    const caseId = await investigated();
    const refuse = { proposal: 'refuse', reasons: ['家庭人均收入高于当地低保标准'], community: '桥头镇新街社区' };
    expect(await step('publicity.opinion', { caseId, version: 3, opinion: refuse })).toMatchObject({
      state: 'awaiting_decision',
      version: 4,
    });
    const d = await detail(caseId);
    expect(d.notices.map((n) => n.kind)).toEqual(['acceptance', 'visit-form', 'opinion-notice']);
    expect(await ok<Notice[]>(call('printQueue.list', { caseId, kind: 'publicity' }))).toEqual([]);
    expect((await view(caseId)).opinions).toEqual([
      expect.objectContaining({ round: 1, proposal: 'refuse', posted: false, publicityFrom: null, publicityTo: null }),
    ]);
    expect(d.deadlines.find((x) => x.kind === 'county_decision')).toMatchObject({
      fromDate: '2026-05-11',
      dueDate: counter.addWorkingDays('2026-05-11', 10),
    });
    const [notice] = await ok<Notice[]>(call('printQueue.list', { caseId, kind: 'opinion-notice' }));
    const text = await pdfText(notice!.id);
    expect(text).toContain('初审意见告知书');
    expect(text).toContain('拟不予确认');
    expect(text).toContain('家庭人均收入高于当地低保标准');
    expect(text).toContain('不予公示');
    expect(text).toContain(HUSBAND.name);
    // Not on any 公示 list of the period.
    expect(await ok<{ rows: unknown[] }>(call('publicity.lists', { stage: 'initial', from: '2026-05-11', to: '2026-05-17' }))).toEqual({
      rows: [],
    });
    // Nothing to object to: no 公示.
    expect(
      await errorOf(call('publicity.object', { caseId, version: 4, objection: { objector: '某人', content: 'x', receivedOn: today() } })),
    ).toMatchObject({ code: 'PUBLICITY_NO_OPINION' });
  }, 60_000);

  it("the county's limits: from submission to 受理 where set, the shorter limit where delegated, on the official calendar; shown in the deadline lists", async () => {
    await jump(new Date('2026-06-01T09:00:00+08:00'));
    // A limit outside what the law allows is refused at the boundary.
    expect(await setSettings((s) => ({ ...s, limits: { ...(s['limits'] as object), delegatedDecisionWorkingDays: 31 } }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await ok(
      setSettings((s) => ({
        ...s,
        decisionDelegated: true,
        limits: { delegatedDecisionWorkingDays: 15, reopinionWorkingDays: 10, countyDecisionWorkingDays: 7, acceptanceWorkingDays: 2 },
      })),
    );
    const saved = await ok<{ caseId: string; rev: number }>(call('intake.save', { application: singlePersonDibao('王秀兰', 61) }));
    await ok(call('intake.submit', { caseId: saved.caseId, rev: saved.rev }));
    expect(await deadline(saved.caseId, 'acceptance')).toMatchObject({
      workingDays: 2,
      fromDate: '2026-06-01',
      dueDate: counter.addWorkingDays('2026-06-01', 2),
      metAt: null,
    });
    // Two working days later the acceptance limit is due today: on the home page's due-soon list.
    await jump(new Date(Date.parse('2026-06-03T09:00:00+08:00')));
    const lists = await ok<{ dueSoon: Array<{ id: string; nextDeadline: { kind: string } }>; overdue: unknown[] }>(
      call('cases.deadlines', {}),
    );
    expect(lists.dueSoon.find((c) => c.id === saved.caseId)?.nextDeadline.kind).toBe('acceptance');
    // 补正 answers the submission: the acceptance limit is met (a resubmission starts it again).
    await ok(call('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'supplement', missing: [{ item: '户口簿' }] } }));
    expect((await deadline(saved.caseId, 'acceptance'))!.metAt).not.toBeNull();

    // Delegated: the decision limit is the county's 15 working days, not a national 20.
    const caseId = await acceptedThroughContract(core, worker, singlePersonDibao('孙桂芳', 63), now);
    expect(await deadline(caseId, 'decision')).toMatchObject({ workingDays: 15, dueDate: counter.addWorkingDays(today(), 15) });
    expect((await deadline(caseId, 'acceptance'))!.metAt).not.toBeNull();
    await step('visits.record', {
      caseId,
      version: 2,
      visit: signedVisit(caseId, { ...VISIT, visitedOn: today(), familyPresent: ['孙桂芳'] }),
    });
    await step('publicity.opinion', { caseId, version: 3, opinion: OPINION });
    await step('publicity.object', { caseId, version: 4, objection: { objector: '邻居', content: '有异议', receivedOn: today() } });
    expect(await deadline(caseId, 'reopinion')).toMatchObject({ workingDays: 10, dueDate: counter.addWorkingDays(today(), 10) });
    // Eleven working days on, the new 初审意见 is overdue: on the overdue list.
    await jump(new Date(`${counter.addWorkingDays(today(), 11)}T09:00:00+08:00`));
    const later = await ok<{ overdue: Array<{ id: string; nextDeadline: { kind: string; status: string } }> }>(call('cases.deadlines', {}));
    expect(later.overdue.find((c) => c.id === caseId)?.nextDeadline).toMatchObject({ kind: 'reopinion', status: 'overdue' });
    await ok(
      setSettings((s) => ({
        ...s,
        decisionDelegated: false,
        limits: { delegatedDecisionWorkingDays: 20, reopinionWorkingDays: 15, countyDecisionWorkingDays: 10, acceptanceWorkingDays: null },
      })),
    );
  }, 60_000);

  it('the combined 公示 list of a village/community for a period, and the post-approval list: name (masked per setting), size and amount only; print staff queue and print them', async () => {
    await jump(new Date('2026-07-06T09:00:00+08:00'));
    await ok(
      setSettings((s) => ({ ...s, decisionDelegated: true, notice: { ...(s['notice'] as object), publicityNameMask: 'surname-only' } })),
    );
    const community = '桥头镇河西村';
    const a = await investigated(singlePersonDibao('周玉珍', 71));
    await step('publicity.opinion', { caseId: a, version: 3, opinion: { ...OPINION, amountFen: 61000, community } });
    const b = await investigated(singlePersonDibao('吴淑华', 73));
    await step('publicity.opinion', { caseId: b, version: 3, opinion: { ...OPINION, amountFen: 45050, community } });
    const c = await investigated(singlePersonDibao('郑美兰', 75));
    await step('publicity.opinion', { caseId: c, version: 3, opinion: { ...OPINION, amountFen: 70000, community: '桥头镇东溪社区' } });
    const refused = await investigated(singlePersonDibao('冯秀英', 77));
    await step('publicity.opinion', { caseId: refused, version: 3, opinion: { proposal: 'refuse', reasons: ['不符合条件'], community } });

    const period = { stage: 'initial', from: '2026-07-01', to: '2026-07-31' };
    expect(
      (await ok<{ rows: Array<{ community: string; households: number }> }>(call('publicity.lists', period, printer))).rows.sort((x, y) =>
        x.community.localeCompare(y.community),
      ),
    ).toEqual([
      { community: '桥头镇东溪社区', households: 1, people: 1 },
      { community, households: 2, people: 2 },
    ]);
    // A role without document.print may not queue lists; a period over a quarter is refused.
    expect(await errorOf(call('publicity.queueLists', { ...period, community }, admin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(call('publicity.queueLists', { ...period, to: '2026-12-31' }, printer))).toMatchObject({
      code: 'PUBLICITY_LIST_PERIOD',
    });
    expect(await errorOf(call('publicity.queueLists', { ...period, community: '不存在村' }, printer))).toMatchObject({
      code: 'PUBLICITY_LIST_EMPTY',
    });

    const queued = await ok<{ requests: Notice[] }>(call('publicity.queueLists', { ...period, community }, printer));
    expect(queued.requests.map((r) => [r.kind, r.label])).toEqual([['publicity-list', community]]);
    expect((await ok<Notice[]>(call('printQueue.list', { kind: 'publicity-list' }, printer))).map((n) => n.id)).toEqual([
      queued.requests[0]!.id,
    ]);
    const text = await pdfText(queued.requests[0]!.id, printer);
    expect(text).toContain(`${community}社会救助初审公示名单`);
    expect(text).toContain('共2户2人');
    // Surname only, per the county's setting; size and amount; no full name, ID number, address or income.
    expect(text).toContain('1周**1610.00');
    expect(text).toContain('2吴**1450.50');
    for (const hidden of ['周玉珍', '吴淑华', '冯秀英', '冯*', '郑*', '新街8号', '13900001111']) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/\d{17}[\dX]|\d{6}\*+\d{3}/);
    // Issued and printed from the queue like any notice (the batch path uses the same two steps).
    const issued = await ok<{ id: string; kind: string }>(call('printQueue.issue', { requestId: queued.requests[0]!.id }, printer));
    expect(issued.kind).toBe('publicity-list');

    // Post-approval list (审核确认办法 art. 24): after 公示, the head approves household A; only A is listed.
    await jump(new Date('2026-07-14T09:00:00+08:00'));
    const head = { via: 'browser' as const, windowId: 'browser:head' };
    await ok(
      core.invoke(
        'accounts.create',
        { username: 'head', displayName: '陈站长', roles: ['head', 'caseworker'], password: 'Temp#pass2026' },
        admin,
      ),
    );
    await ok(core.invoke('session.login', { username: 'head', password: 'Temp#pass2026' }, head));
    await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: STAFF_PASSWORD }, head));
    await step('publicity.end', { caseId: a, version: 4 });
    const decided = await core.invoke(
      'decisions.local',
      { caseId: a, version: 5, decision: { outcome: 'approved', amountFen: 61000, startMonth: '2026-08', legalBasis: [] } },
      head,
    );
    expect(decided).toMatchObject({ ok: true });
    const approval = await ok<{ requests: Notice[] }>(
      call('publicity.queueLists', { stage: 'approval', from: '2026-07-01', to: '2026-07-31' }, printer),
    );
    expect(approval.requests.map((r) => r.label)).toEqual([community]);
    const approvalText = await pdfText(approval.requests[0]!.id, printer);
    expect(approvalText).toContain(`${community}社会救助对象公布名单`);
    expect(approvalText).toContain('第二十四条');
    expect(approvalText).toContain('1周**1610.00');
    expect(approvalText).not.toContain('吴**');
  }, 90_000);
});
