import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../common/contract/registry';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { HUSBAND, WIFE } from '../cases/testing/household';
import { awaitingDecisionThroughContract } from './testing/contractFlow';
import { REDRESS } from './testing/fixture';
import { reviewSignature } from './testing/reviewFixture';

/**
 * Who may decide a change to a benefit, through the real dispatcher on a real encrypted station: a
 * caseworker's or clerk's stop is a proposal that changes nothing; only the head decides it, and
 * only where the county delegated 审核确认; a clerk calling the decision method is refused. The
 * approved amount and start month are on the case (cases.get, cases.adminShow; `cases show --json` in main/cli/caseBenefit.test.ts).
 */
let now = new Date('2026-02-12T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const head = { via: 'browser' as const, windowId: 'browser:head' };
const PASSWORD = 'Qiaotou#2026';
const STAFF_PASSWORD = 'Station#Counter9';
const makeCore = (dir: string) =>
  createCore({
    shell: 'browser',
    dataDir: dir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'e'.repeat(64),
  });

type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
const invoke = <T = Record<string, unknown>>(method: string, input: unknown, who: typeof admin) =>
  core.invoke(method as never, input as never, who) as Promise<Envelope<T>>;
async function ok<T = Record<string, unknown>>(method: string, input: unknown, who: typeof admin): Promise<T> {
  const r = await invoke<T>(method, input, who);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result;
}
async function jump(to: Date) {
  now = to;
  for (const w of [worker, clerk, head]) await ok('session.unlock', { password: STAFF_PASSWORD }, w);
  await ok('session.unlock', { password: PASSWORD }, admin);
}
async function setCaseSettings(change: Record<string, unknown>) {
  const current = await ok<{ settings: Record<string, unknown> }>('cases.settings', {}, worker);
  await ok('cases.setSettings', { settings: { ...current.settings, ...change } }, admin);
}

type Roster = MethodOutput<'roster.list'>;
type Detail = MethodOutput<'cases.get'>;
let caseId = '';
let rosterId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-changes-'));
  core = makeCore(dataDir);
  await ok(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王管理', password: PASSWORD } },
    admin,
  );
  await ok('session.login', { username: 'admin', password: PASSWORD }, admin);
  for (const [username, displayName, roles, w] of [
    ['worker', '刘经办', ['caseworker'], worker],
    ['clerk', '赵窗口', ['clerk'], clerk],
    ['head', '陈站长', ['head', 'caseworker'], head],
  ] as const) {
    await ok('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin);
    await ok('session.login', { username, password: 'Temp#pass2026' }, w);
    await ok('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: STAFF_PASSWORD }, w);
  }
  const settings = await ok<{ settings: { notice: Record<string, unknown> } }>('cases.settings', {}, worker);
  await setCaseSettings({ faceRequired: false, notice: { ...settings.settings.notice, redress: REDRESS } });
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('who may decide a change to a benefit (through the dispatcher)', () => {
  it('approval: only the head, only where delegated; the approved amount and start month are on the case', async () => {
    caseId = await awaitingDecisionThroughContract(ok, worker, () => jump(new Date(now.getTime() + 7 * 86_400_000)));
    expect((await ok<Detail>('cases.get', { caseId }, worker)).benefit).toBeNull();

    const decision = { outcome: 'approved' as const, amountFen: 68000, startMonth: '2026-03' };
    await setCaseSettings({ decisionDelegated: true });
    // Deciding is the head's permission (case.decide): a caseworker or clerk is refused by the dispatcher.
    for (const who of [worker, clerk])
      expect(await invoke('decisions.local', { caseId, version: 5, decision }, who)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await ok('decisions.local', { caseId, version: 5, decision }, head)).toEqual({ caseId, state: 'approved', version: 6 });

    const detail = await ok<Detail>('cases.get', { caseId }, worker);
    expect(detail.benefit).toEqual({
      approvedAmountFen: 68000,
      startMonth: '2026-03',
      decidedOn: '2026-02-19',
      decisionSource: 'local',
      currentAmountFen: 68000,
      status: 'active',
      stoppedOn: null,
    });
    const shown = await ok<Detail>('cases.adminShow', { caseRef: caseId }, admin);
    expect(shown.benefit).toMatchObject({ approvedAmountFen: 68000, startMonth: '2026-03' });
    rosterId = (await ok<Roster>('roster.list', { filter: 'all' }, worker)).rows[0]!.id;
  }, 60_000);

  it("a caseworker's stop at the review is a proposal: the roster, the amount and the notices stay as they were", async () => {
    await setCaseSettings({ decisionDelegated: false });
    await jump(new Date('2026-09-01T09:00:00+08:00'));
    const version = (await ok<Detail>('cases.get', { caseId }, worker)).version;
    let view = await ok<MethodOutput<'reviews.start'>>('reviews.start', { rosterId, caseVersion: version }, worker);
    const reviewId = view.review!.id;
    view = await ok(
      'reviews.recheck',
      {
        reviewId,
        version: view.review!.version,
        household: { ...view.household, income: [{ memberIdNumber: HUSBAND.idNumber, category: 'wages', monthlyFen: 400000 }] },
        findings: '入户核实，丈夫已稳定就业',
      },
      worker,
    );
    for (const signer of [HUSBAND, WIFE])
      view = await ok(
        'reviews.authorize',
        {
          reviewId,
          version: view.review!.version,
          signerIdNumber: signer.idNumber,
          signature: reviewSignature(reviewId, signer),
          face: null,
        },
        worker,
      );
    const before = await ok<Detail>('cases.get', { caseId }, worker);
    view = await ok(
      'reviews.conclude',
      {
        reviewId,
        version: view.review!.version,
        conclusion: { outcome: 'stop', reasons: ['家庭人均收入超过当地低保标准'], legalBasis: ['《最低生活保障审核确认办法》第三十一条'] },
      },
      worker,
    );

    expect(view.review).toMatchObject({ status: 'concluded', outcome: 'stop', notice: null });
    expect(view.change).toMatchObject({
      outcome: 'stop',
      status: 'proposed',
      previousAmountFen: 68000,
      effectiveMonth: '2026-10',
      proposedBy: '刘经办',
      decision: null,
      notice: null,
    });
    const roster = await ok<Roster>('roster.list', { filter: 'all' }, worker);
    expect(roster.rows[0]).toMatchObject({ id: rosterId, status: 'active', amountFen: 68000, pendingChange: { outcome: 'stop' } });
    const after = await ok<Detail>('cases.get', { caseId }, worker);
    expect(after.notices.map((n) => n.kind)).toEqual(before.notices.map((n) => n.kind));
    expect(after.notices.map((n) => n.kind)).not.toContain('termination');
    expect(after.benefit).toMatchObject({ status: 'active', currentAmountFen: 68000 });
    expect(after.timeline.at(-1)).toMatchObject({ action: 'changeProposed', actorName: '刘经办' });
    const listed = await ok<MethodOutput<'changes.list'>>('changes.list', {}, clerk);
    expect(listed).toMatchObject({ delegated: false, rows: [{ caseId, outcome: 'stop', status: 'proposed' }] });
    // No second review while the proposal waits.
    expect(await invoke('reviews.start', { rosterId, caseVersion: after.version }, worker)).toMatchObject({
      ok: false,
      error: { code: 'CHANGE_PROPOSAL_OPEN' },
    });
  }, 60_000);

  it('a clerk or caseworker calling the decision method directly is refused; the head only where delegated, with reasons to refuse; then the notice', async () => {
    const proposalId = (await ok<MethodOutput<'changes.list'>>('changes.list', {}, worker)).rows[0]!.id;
    for (const who of [clerk, worker])
      expect(await invoke('changes.decide', { proposalId, outcome: 'approved' }, who)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    const refusedHere = await invoke('changes.decide', { proposalId, outcome: 'approved' }, head);
    expect(refusedHere).toMatchObject({
      ok: false,
      error: { code: 'DECISION_NOT_DELEGATED', message: expect.stringContaining('县级部门') },
    });
    expect((await ok<Roster>('roster.list', { filter: 'all' }, worker)).rows[0]).toMatchObject({
      status: 'active',
      pendingChange: { id: proposalId },
    });

    await setCaseSettings({ decisionDelegated: true });
    expect(await invoke('changes.decide', { proposalId, outcome: 'refused' }, head)).toMatchObject({
      ok: false,
      error: { code: 'CHANGE_REFUSAL_REASONS' },
    });
    expect(await invoke('changes.decide', { proposalId: 'nope', outcome: 'approved' }, head)).toMatchObject({
      ok: false,
      error: { code: 'CHANGE_PROPOSAL_UNKNOWN' },
    });
    const decided = await ok<MethodOutput<'changes.decide'>>('changes.decide', { proposalId, outcome: 'approved' }, head);
    expect(decided).toMatchObject({
      status: 'approved',
      decision: { source: 'local', decidedOn: '2026-09-01', decidedBy: '陈站长' },
      notice: { kind: 'termination', state: 'pending' },
    });
    expect((await ok<Roster>('roster.list', { filter: 'all' }, worker)).rows[0]).toMatchObject({ status: 'stopped', pendingChange: null });
    const detail = await ok<Detail>('cases.get', { caseId }, worker);
    expect(detail.notices.map((n) => n.kind)).toContain('termination');
    expect(detail.benefit).toMatchObject({ approvedAmountFen: 68000, startMonth: '2026-03', status: 'stopped', stoppedOn: '2026-09-01' });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'reviewStop', actorName: '陈站长' });
    expect(await invoke('changes.decide', { proposalId, outcome: 'approved' }, head)).toMatchObject({
      ok: false,
      error: { code: 'CHANGE_ALREADY_DECIDED' },
    });
    const ofCase = await ok<MethodOutput<'visits.ofCase'>>('visits.ofCase', { caseId }, clerk);
    expect(ofCase.changes.map((c) => [c.outcome, c.status])).toEqual([['stop', 'approved']]);
  }, 60_000);
});
