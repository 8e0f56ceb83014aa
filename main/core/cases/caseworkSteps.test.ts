import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { faceCapture, intakeSignature } from './testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from './testing/household';
import { OPINION, signedVisit } from '../afterAcceptance/testing/fixture';

/**
 * Who does what after the counter (DOMAIN.md): the clerk receives and registers; the home visit, starting the
 * investigation, the 初审意见, ending 公示, answering an objection and extending the time limit are the
 * caseworker's. Through the contract on a real encrypted station, as the UI calls it.
 */
const now = new Date('2026-02-12T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
const PASSWORD = 'Qiaotou#2026';

type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
async function ok<T = Record<string, unknown>>(method: string, input: unknown, who: typeof admin): Promise<T> {
  const r = (await core.invoke(method, input, who)) as Envelope<T>;
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result;
}
async function refusal(method: string, input: unknown, who: typeof admin) {
  const r = (await core.invoke(method, input, who)) as Envelope<unknown>;
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-casework-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'c'.repeat(64),
  });
  await ok(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await ok('session.login', { username: 'admin', password: PASSWORD }, admin);
  for (const [username, displayName, roles, w] of [
    ['clerk', '赵窗口', ['clerk'], clerk],
    ['worker', '刘经办', ['caseworker'], worker],
  ] as const) {
    await ok('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin);
    await ok('session.login', { username, password: 'Temp#pass2026' }, w);
    await ok('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, w);
  }
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The clerk takes the three-person household in and accepts it: version 2. */
async function acceptedByClerk(): Promise<string> {
  const saved = await ok<{ caseId: string; rev: number }>(
    'intake.save',
    { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) },
    clerk,
  );
  await ok('intake.submit', { caseId: saved.caseId, rev: saved.rev }, clerk);
  for (const p of [HUSBAND, WIFE])
    await ok(
      'intake.authorize',
      { caseId: saved.caseId, signerIdNumber: p.idNumber, signature: intakeSignature(saved.caseId, p), face: faceCapture() },
      clerk,
    );
  await ok('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } }, clerk);
  return saved.caseId;
}

describe('the caseworker’s steps', () => {
  it('core refuses the clerk the visit, the investigation, the 初审意见, 公示 and the extension, in words; the caseworker takes them', async () => {
    const caseId = await acceptedByClerk();
    const casework = [
      ['visits.record', { caseId, version: 2, visit: signedVisit(caseId) }],
      ['cases.act', { caseId, version: 2, action: 'startInvestigation' }],
      ['cases.extendDecision', { caseId, version: 2, reason: '申请人户籍与居住地分离，需异地调查' }],
      ['publicity.opinion', { caseId, version: 2, opinion: OPINION }],
      ['publicity.end', { caseId, version: 2 }],
      ['publicity.resolve', { caseId, version: 2, resolution: { kind: 'reinvestigate', reason: '核实子女赡养能力' } }],
    ] as const;
    for (const [method, input] of casework) {
      const error = await refusal(method, input, clerk);
      expect(error, method).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'case.casework' } });
      // The clerk reads what is missing in words, never the permission's code.
      expect(error.message, method).toContain('经办（入户调查、初审意见、公示、延长办理时限、预警核查、重新执行决定）');
      expect(error.message, method).not.toMatch(/[a-z]/i);
    }
    // Nothing moved.
    expect(await ok('cases.get', { caseId }, clerk)).toMatchObject({ state: 'accepted', version: 2 });

    expect(await ok('cases.extendDecision', { caseId, version: 2, reason: '申请人户籍与居住地分离，需异地调查' }, worker)).toMatchObject({
      version: 3,
    });
    expect(await ok('visits.record', { caseId, version: 3, visit: signedVisit(caseId) }, worker)).toEqual({
      caseId,
      state: 'investigating',
      version: 4,
    });
    expect(await ok('publicity.opinion', { caseId, version: 4, opinion: OPINION }, worker)).toMatchObject({
      state: 'publicity',
      version: 5,
    });
    expect(await refusal('publicity.end', { caseId, version: 5 }, clerk)).toMatchObject({ code: 'FORBIDDEN' });
    // The counter still withdraws an application when the applicant asks.
    expect(await ok('cases.act', { caseId, version: 5, action: 'withdraw', note: '申请人撤回' }, clerk)).toMatchObject({
      state: 'withdrawn',
    });
  });

  it('cases.act takes only the steps without their own method: approving or 初审 through it is refused for everyone', async () => {
    const caseId = await acceptedByClerk();
    for (const action of ['giveOpinion', 'proposeRefusal', 'endPublicity', 'accept']) {
      expect(await refusal('cases.act', { caseId, version: 2, action }, worker), action).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await ok('cases.act', { caseId, version: 2, action: 'startInvestigation' }, worker)).toMatchObject({
      state: 'investigating',
      version: 3,
    });
    await ok('visits.record', { caseId, version: 3, visit: signedVisit(caseId) }, worker);
    const refuse = { proposal: 'refuse', reasons: ['家庭人均收入高于当地低保标准'], community: OPINION.community };
    expect(await ok('publicity.opinion', { caseId, version: 4, opinion: refuse }, worker)).toMatchObject({
      state: 'awaiting_decision',
      version: 5,
    });
    // The decision is the county's (or the head's where delegated, through decisions.local): nobody approves it as a case step.
    for (const who of [clerk, worker]) {
      for (const action of ['approve', 'refuse'])
        expect(await refusal('cases.act', { caseId, version: 5, action }, who), action).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await ok('cases.get', { caseId }, clerk)).toMatchObject({ state: 'awaiting_decision', version: 5 });
  });
});
