import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../city-platform/testClient/fixtures';
import type { MethodOutput } from '../../../common/contract/registry';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { HUSBAND, WIFE } from '../cases/testing/household';
import { tempDir } from '../kernel/store/testing/fixtures';
import { awaitingDecisionThroughContract } from './testing/contractFlow';
import { REDRESS } from './testing/fixture';

/**
 * Working a monitoring warning and applying again a county decision the station could not apply are
 * the caseworker's (DOMAIN.md: the caseworker "handles warnings"), not the counter's: the dispatcher
 * refuses a clerk with the missing permission in words, and nothing moves; a caseworker does the same
 * calls. A warning is assigned only to an account that can work it. On a real encrypted station synced
 * with the REAL reference platform on 127.0.0.1.
 */
let now = new Date('2026-02-12T09:00:00+08:00');
const STATION = 'ST-0001';
const PASSWORD = 'Qiaotou#2026';
const STAFF_PASSWORD = 'Station#Counter9';
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
type Who = typeof admin;
type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

const cleanups: Array<() => unknown> = [];
let core: CoreApi;
let platform: Awaited<ReturnType<typeof tempPlatform>>['platform'];

const invoke = <T>(method: string, input: unknown, who: Who) => core.invoke(method, input, who) as Promise<Envelope<T>>;
async function ok<T = Record<string, unknown>>(method: string, input: unknown, who: Who): Promise<T> {
  const r = await invoke<T>(method, input, who);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result;
}
/** The clerk is refused by the dispatcher for the caseworker's permission, said in words. */
async function refusedToClerk(method: string, input: unknown) {
  const r = await invoke(method, input, clerk);
  expect(r, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { permission: 'case.casework' } } });
  if (!r.ok) {
    expect(r.error.message, method).toContain('预警核查、重新执行决定');
    expect(r.error.message, method).not.toMatch(/[a-z]/i);
  }
}
async function syncNow() {
  const run = await ok<{ outcome: string }>('sync.now', { wait: true }, admin);
  expect(run.outcome).toBe('ok');
}
async function jump(to: Date) {
  now = to;
  for (const w of [worker, clerk]) await ok('session.unlock', { password: STAFF_PASSWORD }, w);
  await ok('session.unlock', { password: PASSWORD }, admin);
}

beforeAll(async () => {
  const dir = tempDir('jiuzhu-casework-perm-');
  cleanups.push(dir.cleanup);
  const p = await tempPlatform({ now: () => now.getTime() });
  cleanups.push(p.cleanup);
  platform = p.platform;
  core = createCore({
    shell: 'browser',
    dataDir: dir.dir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'd'.repeat(64),
  });
  cleanups.push(() => core.close());
  await ok(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王管理', password: PASSWORD } },
    admin,
  );
  await ok('session.login', { username: 'admin', password: PASSWORD }, admin);
  for (const [username, displayName, roles, w] of [
    ['clerk', '赵窗口', ['clerk'], clerk],
    ['worker', '刘经办', ['caseworker'], worker],
  ] as const) {
    await ok('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin);
    await ok('session.login', { username, password: 'Temp#pass2026' }, w);
    await ok('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: STAFF_PASSWORD }, w);
  }
  const settings = await ok<{ settings: { notice: Record<string, unknown> } }>('cases.settings', {}, worker);
  await ok('cases.setSettings', { settings: { ...settings.settings, notice: { ...settings.settings.notice, redress: REDRESS } } }, admin);
  const slip = await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
  await ok('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint }, admin);
}, 60_000);
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("the caseworker's work after acceptance, refused to the counter", () => {
  let caseId = '';

  it('decisions.retry: the county’s approval pulled during 公示 is kept as not applied; the clerk cannot apply it again, the caseworker can', async () => {
    caseId = await awaitingDecisionThroughContract(ok, worker, async () => {
      // The county's approval arrives while the case is still in 公示: recorded, not applied.
      const found = await ok<MethodOutput<'cases.search'>>('cases.search', { query: HUSBAND.idNumber }, worker);
      await platform.admin.decide({
        caseId: found.rows[0]!.id,
        outcome: 'approved',
        amountFen: 68000,
        startMonth: '2026-03',
        stationId: STATION,
      });
      await syncNow();
      await jump(new Date(now.getTime() + 7 * 86_400_000));
    });
    const view = await ok<MethodOutput<'visits.ofCase'>>('visits.ofCase', { caseId }, worker);
    const early = view.decisions.find((d) => d.source === 'platform');
    expect(early).toMatchObject({ outcome: 'approved', status: 'refused' });

    await refusedToClerk('decisions.retry', { decisionId: early!.id });
    expect(await ok('cases.get', { caseId }, clerk)).toMatchObject({ state: 'awaiting_decision', version: 5 });

    expect(await ok('decisions.retry', { decisionId: early!.id }, worker)).toMatchObject({ caseId, state: 'approved' });
    const roster = await ok<MethodOutput<'roster.list'>>('roster.list', { filter: 'all' }, worker);
    expect(roster.rows.filter((r) => r.caseId === caseId).map((r) => r.status)).toEqual(['active']);
  });

  it('warnings.assign / verify / close: refused to the clerk, nothing changes; the caseworker assigns, verifies and closes', async () => {
    expect(caseId).not.toBe('');
    await platform.admin.warn({ idNumber: WIFE.idNumber, type: 'death', stationId: STATION });
    await syncNow();
    type Warnings = MethodOutput<'warnings.list'>;
    const list = await ok<Warnings>('warnings.list', {}, clerk);
    const warning = list.rows.find((w) => w.caseId === caseId)!;
    expect(warning).toMatchObject({ type: 'death', status: 'open', assignedTo: null });
    const workerId = list.staff.find((s) => s.name === '刘经办')!.id;

    const verification = { verifiedOn: '2026-02-24', method: '入户核实', findings: '经核实李秀英健在，死亡信息系比对错误' };
    await refusedToClerk('warnings.assign', { warningId: warning.id, accountId: workerId });
    await refusedToClerk('warnings.verify', { warningId: warning.id, ...verification });
    await refusedToClerk('warnings.close', { warningId: warning.id, close: { outcome: 'no_change' } });
    const unchanged = (await ok<Warnings>('warnings.list', {}, clerk)).rows.find((w) => w.id === warning.id);
    expect(unchanged).toMatchObject({ status: 'open', assignedTo: null, verification: null, outcome: null });

    expect(await ok('warnings.assign', { warningId: warning.id, accountId: workerId }, worker)).toMatchObject({
      assignedTo: workerId,
      assigneeName: '刘经办',
    });
    expect(await ok('warnings.verify', { warningId: warning.id, ...verification }, worker)).toMatchObject({
      status: 'verified',
      verification,
    });
    expect(await ok('warnings.close', { warningId: warning.id, close: { outcome: 'no_change' } }, worker)).toMatchObject({
      status: 'closed',
      outcome: 'no_change',
    });
  });

  it('warnings.assign: the clerk and the admin-only account are refused as assignees in words, nothing changes; the caseworker is taken; the picker lists only the caseworker', async () => {
    await platform.admin.warn({ idNumber: HUSBAND.idNumber, type: 'detention', stationId: STATION });
    await syncNow();
    type Warnings = MethodOutput<'warnings.list'>;
    const list = await ok<Warnings>('warnings.list', {}, worker);
    const warning = list.rows.find((w) => w.caseId === caseId && w.type === 'detention')!;
    expect(warning).toMatchObject({ status: 'open', assignedTo: null });
    const accounts = await ok<MethodOutput<'accounts.list'>>('accounts.list', {}, admin);
    const idOf = (username: string) => accounts.find((a) => a.username === username)!.id;
    expect(list.staff).toEqual([{ id: idOf('worker'), name: '刘经办' }]);

    for (const [username, words] of [
      ['clerk', '赵窗口的岗位是受理员'],
      ['admin', '王管理的岗位是管理员'],
    ] as const) {
      const r = await invoke('warnings.assign', { warningId: warning.id, accountId: idOf(username) }, worker);
      expect(r, username).toMatchObject({
        ok: false,
        error: { code: 'WARNING_ASSIGNEE_NOT_CASEWORK', message: expect.stringContaining(words) },
      });
      if (!r.ok) expect(r.error.message).toContain('请改派给经办人或站长');
    }
    expect((await ok<Warnings>('warnings.list', {}, worker)).rows.find((w) => w.id === warning.id)).toMatchObject({
      assignedTo: null,
      assigneeName: null,
    });
    expect(await ok('warnings.assign', { warningId: warning.id, accountId: idOf('worker') }, worker)).toMatchObject({
      assignedTo: idOf('worker'),
      assigneeName: '刘经办',
    });
  });
});
