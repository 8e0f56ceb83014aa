import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../common/contract/index';
import { SAMPLES } from '../documents/testing/fixtures';
import { acceptedThroughContract, ok, singlePersonDibao } from '../afterAcceptance/testing/contractCase';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { RATING_SWEEP_MS } from './capability';
import { ENQUIRY_VISIT_MS, RATING_TTL_MS } from './service';

/**
 * 好差评 through the contract on a real encrypted store: the question reaches the paired applicant
 * screen only after a service, the answer is kept with the service (never with the clerk), a 差评
 * reaches the head, a walk-away leaves no rating, and the statistics count per service and month.
 */
let now = new Date('2026-03-02T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const head = { via: 'browser' as const, windowId: 'browser:head' };
const screen = { via: 'browser' as const, windowId: 'browser:applicant-screen' };
const stranger = { via: 'browser' as const, windowId: 'browser:stranger' };
const print = { via: 'browser' as const, windowId: 'browser:print' };
const printScreen = { via: 'browser' as const, windowId: 'browser:print-screen' };
const PASSWORD = 'Qiaotou#2026';
const STAFF_PASSWORD = 'Station#Counter9';
const onScreen: CoreEvent[] = [];

type Envelope = {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; details?: { issues?: Array<{ path: string }> } };
};
const call = (method: string, input: Record<string, unknown>, ctx: typeof clerk) =>
  core.invoke(method as never, input as never, ctx) as Promise<Envelope>;
const errorOf = async (p: Promise<Envelope>) => (await p).error;
/** The station's audit rows of 好差评, oldest first (read by the head, who holds audit.read). */
const auditRows = async () =>
  (await ok<Array<{ actor: string | null; action: string; targetId: string | null }>>(call('audit.query', { limit: 500 }, head)))
    .filter((r) => r.action.startsWith('ratings.'))
    .reverse();
type Figures = {
  rows: Array<{ service: string; month: string; asked: number; unrated: number; dissatisfied: number; very_satisfied: number }>;
};
const figures = async () => (await ok<{ ratings: Figures }>(call('stats.overview', {}, head))).ratings;
const lastView = () =>
  onScreen.filter((e) => e.event === 'applicant.view').at(-1)?.payload as
    { view: { kind: string; viewId: string; service?: string; expiresAt?: string } | null } | undefined;

async function pairScreen() {
  const { code } = await ok<{ code: string }>(call('applicant.open', {}, clerk));
  await ok(call('applicant.pair', { code }, screen));
}

let caseId = '';
let seq = 40;
const newCase = async (name: string) => acceptedThroughContract(core, clerk, singlePersonDibao(name, seq++), now);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-ratings-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'e'.repeat(64),
  });
  core.onEvent((e) => onScreen.push(e), screen.windowId);
  await ok(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王管理', password: PASSWORD },
      },
      admin,
    ),
  );
  await ok(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  for (const [username, displayName, roles, w] of [
    ['clerk', '李受理', ['clerk'], clerk],
    ['head', '陈站长', ['head'], head],
    ['printer', '赵打印', ['print'], print],
  ] as const) {
    await ok(core.invoke('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin));
    await ok(core.invoke('session.login', { username, password: 'Temp#pass2026' }, w));
    await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: STAFF_PASSWORD }, w));
  }
  const current = await ok<{ settings: Record<string, unknown> }>(call('cases.settings', {}, admin));
  await ok(call('cases.setSettings', { settings: { ...current.settings, faceRequired: false } }, admin));
  caseId = await newCase('周淑芬');
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('好差评 through the contract', () => {
  it('without a paired screen nothing is asked and nothing is counted; an unknown service is refused', async () => {
    expect(await ok(call('ratings.ask', { service: 'intake', caseId }, clerk))).toEqual({ asked: false, requestId: null, expiresAt: null });
    expect(await errorOf(call('ratings.ask', { service: 'intake', caseId: 'case-that-does-not-exist' }, clerk))).toMatchObject({
      code: 'RATING_SERVICE_NOT_FOUND',
      message: expect.stringContaining('案件已提交'),
    });
    expect(await errorOf(call('ratings.ask', { service: 'certification', certificationId: 'nope' }, clerk))).toMatchObject({
      code: 'RATING_SERVICE_NOT_FOUND',
    });
    expect((await figures()).rows).toEqual([]);
  });

  it('after 受理 the screen asks; a 差评 needs its reason; the answer is kept with the service and queued without any staff', async () => {
    await pairScreen();
    const asked = await ok<{ asked: boolean; requestId: string; expiresAt: string }>(
      call('ratings.ask', { service: 'intake', caseId }, clerk),
    );
    expect(asked.asked).toBe(true);
    const view = lastView()!.view!;
    expect(view).toMatchObject({ kind: 'rating', service: 'intake', expiresAt: asked.expiresAt, idleSeconds: 60 });
    expect(JSON.stringify(view)).not.toMatch(/李受理|clerk|周淑芬/);

    // The clerk's window cannot answer for the applicant; nor can a window that is not the paired screen.
    expect(await errorOf(call('ratings.submit', { viewId: view.viewId, level: 'very_satisfied' }, clerk))).toMatchObject({
      code: 'APPLICANT_NOT_PAIRED',
    });
    expect(await errorOf(call('ratings.submit', { viewId: view.viewId, level: 'very_satisfied' }, stranger))).toMatchObject({
      code: 'APPLICANT_NOT_PAIRED',
    });
    // A 差评 without a reason, or with a reason not offered at that level, is refused on the reasons field.
    const noReason = await errorOf(call('ratings.submit', { viewId: view.viewId, level: 'dissatisfied', reasons: [] }, screen));
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('请选择不满意的原因') });
    expect(noReason?.details?.issues?.[0]?.path).toBe('reasons');
    expect(
      await errorOf(call('ratings.submit', { viewId: view.viewId, level: 'very_dissatisfied', reasons: ['fast'] }, screen)),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('所选原因与评价不符') });

    now = new Date(now.getTime() + 20_000);
    expect(
      await ok(
        call(
          'ratings.submit',
          { viewId: view.viewId, level: 'dissatisfied', reasons: ['waited', 'unclear'], comment: '排队一个多小时' },
          screen,
        ),
      ),
    ).toEqual({ received: true });
    // The screen goes back to the notices; answering again is refused.
    expect(lastView()!.view).toMatchObject({ kind: 'idle' });
    expect(await errorOf(call('ratings.submit', { viewId: view.viewId, level: 'satisfied' }, screen))).toMatchObject({
      code: 'RATING_VIEW_STALE',
    });

    const month = '2026-03';
    expect((await figures()).rows).toEqual([expect.objectContaining({ service: 'intake', month, asked: 1, dissatisfied: 1, unrated: 0 })]);
    const audit = await auditRows();
    expect(audit.map((r) => r.action)).toEqual(['ratings.ask', 'ratings.submit']);
    expect(audit[1]!.actor).toBe('anonymous');
    expect(audit[0]!.actor).not.toBe('anonymous');
  });

  it('the head sees the 差评 with its reason and who served, records 回访 then 整改 and closes it; a clerk may not', async () => {
    expect(await errorOf(call('ratings.flagged', {}, clerk))).toMatchObject({ code: 'FORBIDDEN' });
    const list = await ok<{
      open: number;
      rows: Array<{ ratingId: string; reasons: string[]; comment: string; servedByName: string; caseNo: string; status: string }>;
    }>(call('ratings.flagged', {}, head));
    expect(list.open).toBe(1);
    expect(list.rows).toHaveLength(1);
    const r = list.rows[0]!;
    expect(r).toMatchObject({
      reasons: ['waited', 'unclear'],
      comment: '排队一个多小时',
      servedByName: '李受理',
      status: 'open',
      caseNo: expect.stringMatching(/^500110-/),
    });

    expect(await errorOf(call('ratings.followUp', { ratingId: r.ratingId, action: 'callback', note: '   ' }, head))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await errorOf(call('ratings.followUp', { ratingId: r.ratingId, action: 'callback', note: '已回访' }, clerk))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await ok(call('ratings.followUp', { ratingId: r.ratingId, action: 'callback', note: '已电话回访，说明了等候原因' }, head));
    const closed = await ok<{ status: string; followUps: Array<{ action: string; byName: string; closed: boolean }> }>(
      call('ratings.followUp', { ratingId: r.ratingId, action: 'rectify', note: '上午增开一个窗口', close: true }, head),
    );
    expect(closed).toMatchObject({
      status: 'done',
      followUps: [
        { action: 'callback', byName: '陈站长', closed: false },
        { action: 'rectify', byName: '陈站长', closed: true },
      ],
    });
    expect(await errorOf(call('ratings.followUp', { ratingId: r.ratingId, action: 'callback', note: '再次回访' }, head))).toMatchObject({
      code: 'RATING_FOLLOW_UP_DONE',
    });
    expect((await ok<{ open: number; rows: unknown[] }>(call('ratings.flagged', {}, head))).open).toBe(0);
    expect((await auditRows()).map((x) => x.action).filter((a) => a === 'ratings.flagged' || a === 'ratings.follow_up')).toEqual([
      'ratings.flagged',
      'ratings.follow_up',
      'ratings.follow_up',
      'ratings.flagged',
    ]);
    expect((await auditRows()).filter((x) => x.action === 'ratings.follow_up').every((x) => x.targetId === r.ratingId)).toBe(true);
  });

  it('a walk-away leaves no rating: the screen times out, or the question lapses; the clerk going on never waits', async () => {
    const second = await newCase('吴桂兰');
    await ok(call('ratings.ask', { service: 'intake', caseId: second }, clerk));
    const timedOut = lastView()!.view!;
    // The clerk starts the next applicant: the notices go back, but the question stays until it lapses.
    const shown = await ok<{ viewId: string }>(call('applicant.show', { view: { kind: 'idle' } }, clerk));
    expect(shown.viewId).toBe(timedOut.viewId);
    expect(lastView()!.view).toMatchObject({ kind: 'rating', viewId: timedOut.viewId });
    expect(await ok(call('ratings.dismiss', { viewId: timedOut.viewId, why: 'timeout' }, screen))).toEqual({ dismissed: true });
    expect(lastView()!.view).toMatchObject({ kind: 'idle' });

    // An enquiry asked, never answered, the screen gone: after it lapses it is 未评价, and the screen is not asked again.
    await ok(call('ratings.ask', { service: 'enquiry', caseId: second }, clerk));
    const lapsed = lastView()!.view!;
    now = new Date(now.getTime() + 3 * 60_000 + 1);
    expect(await errorOf(call('ratings.submit', { viewId: lapsed.viewId, level: 'satisfied' }, screen))).toMatchObject({
      code: 'RATING_VIEW_STALE',
    });
    expect((await ok<{ view: { kind: string } }>(call('applicant.current', {}, screen))).view.kind).toBe('idle');
    // Nothing is invented: one rating (the first), two questions counted 未评价.
    expect((await figures()).rows).toEqual([
      expect.objectContaining({ service: 'enquiry', asked: 1, unrated: 1, very_satisfied: 0, dissatisfied: 0 }),
      expect.objectContaining({ service: 'intake', asked: 2, unrated: 1, dissatisfied: 1 }),
    ]);
    expect((await auditRows()).filter((r) => r.action === 'ratings.submit')).toHaveLength(1);
  });

  it('an enquiry that found no case is rated without a case; 暂不评价 is 未评价', async () => {
    await ok(call('ratings.ask', { service: 'enquiry' }, clerk));
    const v = lastView()!.view!;
    await ok(call('ratings.submit', { viewId: v.viewId, level: 'very_satisfied', reasons: ['fast', 'friendly'] }, screen));
    now = new Date(now.getTime() + ENQUIRY_VISIT_MS + 1);
    await ok(call('ratings.ask', { service: 'enquiry' }, clerk));
    expect(await ok(call('ratings.dismiss', { viewId: lastView()!.view!.viewId, why: 'skipped' }, screen))).toEqual({ dismissed: true });
    expect((await figures()).rows.find((r) => r.service === 'enquiry')).toMatchObject({ asked: 3, unrated: 2, very_satisfied: 1 });
  });

  it('several lookups of one 进度查询 visit ask once: the standing question is not replaced, an answered one not asked again', async () => {
    now = new Date(now.getTime() + ENQUIRY_VISIT_MS + 1);
    const before = (await figures()).rows.find((r) => r.service === 'enquiry')!.asked;
    const first = await ok<{ asked: boolean; requestId: string }>(call('ratings.ask', { service: 'enquiry', caseId }, clerk));
    expect(first.asked).toBe(true);
    const question = lastView()!.view!;
    // The clerk looks up the spouse, then a number that finds nothing: the same visit, the same question on the screen.
    now = new Date(now.getTime() + 20_000);
    expect(await ok(call('ratings.ask', { service: 'enquiry' }, clerk))).toEqual({ asked: false, requestId: null, expiresAt: null });
    expect(await ok(call('ratings.ask', { service: 'enquiry', caseId }, clerk))).toEqual({
      asked: false,
      requestId: null,
      expiresAt: null,
    });
    expect(lastView()!.view).toMatchObject({ kind: 'rating', viewId: question.viewId });
    await ok(call('ratings.submit', { viewId: question.viewId, level: 'satisfied', reasons: [] }, screen));
    // Answered, and a lookup a minute later: still that visit, nothing asked.
    now = new Date(now.getTime() + 60_000);
    expect(await ok(call('ratings.ask', { service: 'enquiry', caseId }, clerk))).toMatchObject({ asked: false });
    expect(lastView()!.view).toMatchObject({ kind: 'idle' });
    // Another service of that visit (a 受理) still asks.
    expect(await ok<{ asked: boolean }>(call('ratings.ask', { service: 'intake', caseId }, clerk))).toMatchObject({ asked: true });
    await ok(call('ratings.dismiss', { viewId: lastView()!.view!.viewId, why: 'skipped' }, screen));
    // A later visit asks again.
    now = new Date(now.getTime() + ENQUIRY_VISIT_MS);
    expect(await ok<{ asked: boolean }>(call('ratings.ask', { service: 'enquiry', caseId }, clerk))).toMatchObject({ asked: true });
    await ok(call('ratings.dismiss', { viewId: lastView()!.view!.viewId, why: 'skipped' }, screen));
    expect((await figures()).rows.find((r) => r.service === 'enquiry')!.asked).toBe(before + 2);
  });

  it('a question that lapses unanswered is 未评价 at its expiry, before any other question is asked', async () => {
    const third = await newCase('孙玉兰');
    const asked = await ok<{ asked: boolean; requestId: string }>(call('ratings.ask', { service: 'intake', caseId: third }, clerk));
    expect(asked.asked).toBe(true);
    const row = async () => (await figures()).rows.find((r) => r.service === 'intake' && r.month === '2026-03')!;
    const before = await row();
    // The screen went away (nobody dismisses); core's clock passes the question's expiry.
    now = new Date(now.getTime() + RATING_TTL_MS + 1);
    await vi.waitFor(async () => expect((await row()).unrated).toBe(before.unrated + 1), { timeout: RATING_SWEEP_MS * 3, interval: 200 });
    expect((await row()).asked).toBe(before.asked);
  });

  it('print staff pair a screen for 好差评 only: a printed 救助证明 asks; the record and signing views stay with case.write', async () => {
    const seen: CoreEvent[] = [];
    core.onEvent((e) => seen.push(e), printScreen.windowId);
    // Idle since the morning by core's clock: the print window's session locked; its owner unlocks it.
    await ok(call('session.unlock', { password: STAFF_PASSWORD }, print));

    const { code } = await ok<{ code: string }>(call('applicant.open', {}, print));
    await ok(call('applicant.pair', { code }, printScreen));
    expect(await errorOf(call('applicant.show', { view: { kind: 'idle' } }, print))).toMatchObject({ code: 'FORBIDDEN' });

    const request = await ok<{ id: string }>(call('printQueue.add', { caseId, kind: 'certificate', data: SAMPLES.certificate }, clerk));
    const doc = await ok<{ id: string }>(call('printQueue.issue', { requestId: request.id }, print));
    await ok(call('printQueue.markPrinted', { requestId: request.id, documentId: doc.id }, print));
    const asked = await ok<{ asked: boolean }>(call('ratings.ask', { service: 'certificate', noticeRequestId: request.id }, print));
    expect(asked.asked).toBe(true);
    const view = (
      seen.filter((e) => e.event === 'applicant.view').at(-1)?.payload as { view: { kind: string; viewId: string; service: string } }
    ).view;
    expect(view).toMatchObject({ kind: 'rating', service: 'certificate' });
    expect(await ok(call('ratings.submit', { viewId: view.viewId, level: 'very_satisfied', reasons: ['fast'] }, printScreen))).toEqual({
      received: true,
    });
    expect((await figures()).rows.find((r) => r.service === 'certificate')).toMatchObject({ asked: 1, very_satisfied: 1, unrated: 0 });
    expect(await ok(call('applicant.close', {}, print))).toEqual({ closed: true });
  });
});
