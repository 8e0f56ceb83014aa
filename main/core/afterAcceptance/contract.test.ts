import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { faceCapture, intakeSignature } from '../cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../cases/testing/household';
import { OPINION, signedVisit, VISIT } from './testing/fixture';

/** The after-acceptance methods through the contract: wiring, permissions, the head-only local decision, the roster list. */
let now = new Date('2026-02-12T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
const head = { via: 'browser' as const, windowId: 'browser:head' };
const PASSWORD = 'Qiaotou#2026';

type Ok<T = Record<string, unknown>> = { ok: true; result: T };
async function ok<T = Record<string, unknown>>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as Ok<T> | { ok: false; error: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result;
}

/** Move the clock; the idle lock engages on every window, so each unlocks with its password. */
async function jump(to: Date, windows = [worker]) {
  now = to;
  for (const w of windows) await ok(core.invoke('session.unlock', { password: w === admin ? PASSWORD : 'Station#Counter9' }, w));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-aftercare-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'c'.repeat(64),
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
    ['head', '陈站长', ['head', 'caseworker'], head],
  ] as const) {
    await ok(core.invoke('accounts.create', { username, displayName, roles: [...roles], password: 'Temp#pass2026' }, admin));
    await ok(core.invoke('session.login', { username, password: 'Temp#pass2026' }, w));
    await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, w));
  }
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('after acceptance through the contract', () => {
  it('visit → opinion → 公示 over → the head decides where delegated (a caseworker may not) → on the roster', async () => {
    const saved = await ok<{ caseId: string; rev: number }>(
      core.invoke('intake.save', { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) }, worker),
    );
    await ok(core.invoke('intake.submit', { caseId: saved.caseId, rev: saved.rev }, worker));
    for (const p of [HUSBAND, WIFE])
      await ok(
        core.invoke(
          'intake.authorize',
          { caseId: saved.caseId, signerIdNumber: p.idNumber, signature: intakeSignature(saved.caseId, p), face: faceCapture() },
          worker,
        ),
      );
    await ok(core.invoke('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } }, worker));
    const caseId = saved.caseId;

    const bad = await core.invoke(
      'visits.record',
      { caseId, version: 2, visit: signedVisit(caseId, { ...VISIT, staff: ['王明'] }) },
      worker,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VISIT_STAFF_TOO_FEW', message: expect.stringContaining('2 名以上') } });
    expect(await ok(core.invoke('visits.record', { caseId, version: 2, visit: signedVisit(caseId) }, worker))).toEqual({
      caseId,
      state: 'investigating',
      version: 3,
    });
    await ok(core.invoke('publicity.opinion', { caseId, version: 3, opinion: OPINION }, worker));
    const early = await core.invoke('publicity.end', { caseId, version: 4 }, worker);
    expect(early).toMatchObject({ ok: false, error: { code: 'PUBLICITY_NOT_OVER' } });
    await jump(new Date(now.getTime() + 7 * 86_400_000), [worker, head, admin]);
    await ok(core.invoke('publicity.end', { caseId, version: 4 }, worker));

    const decision = { outcome: 'approved' as const, amountFen: 68000, startMonth: '2026-03' };
    expect(await core.invoke('decisions.local', { caseId, version: 5, decision }, head)).toMatchObject({
      ok: false,
      error: { code: 'DECISION_NOT_DELEGATED' },
    });
    const settings = await ok<{ settings: Record<string, unknown> }>(core.invoke('cases.settings', {}, worker));
    await ok(core.invoke('cases.setSettings', { settings: { ...settings.settings, decisionDelegated: true } }, admin));
    // Deciding needs case.decide (the head's): the dispatcher refuses a caseworker.
    expect(await core.invoke('decisions.local', { caseId, version: 5, decision }, worker)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ok(core.invoke('decisions.local', { caseId, version: 5, decision }, head))).toEqual({
      caseId,
      state: 'approved',
      version: 6,
    });

    const view = await ok<{
      visits: unknown[];
      opinions: Array<{ publicityTo: string }>;
      decisions: Array<{ source: string; linkedBenefits: Array<{ name: string }> }>;
    }>(core.invoke('visits.ofCase', { caseId }, worker));
    expect(view.visits).toHaveLength(1);
    expect(view.opinions[0]!.publicityTo).toBe('2026-02-18');
    expect(view.decisions[0]!.source).toBe('local');
    expect(view.decisions[0]!.linkedBenefits.map((b) => b.name)).toContain('医疗救助');

    const roster = await ok<{ rows: Array<{ caseId: string; nextReviewOn: string; due: string }>; counts: { active: number } }>(
      core.invoke('roster.list', { filter: 'all' }, worker),
    );
    expect(roster.counts.active).toBe(1);
    expect(roster.rows[0]).toMatchObject({ caseId, nextReviewOn: '2026-09-01', due: 'later' });
    // Seven months on, the review is due; after its date, overdue.
    await jump(new Date('2026-08-20T09:00:00+08:00'));
    expect(
      (await ok<{ rows: Array<{ due: string }> }>(core.invoke('roster.list', { filter: 'due' }, worker))).rows.map((r) => r.due),
    ).toEqual(['due']);
    await jump(new Date('2026-09-02T09:00:00+08:00'));
    expect(
      (await ok<{ rows: Array<{ due: string }> }>(core.invoke('roster.list', { filter: 'overdue' }, worker))).rows.map((r) => r.due),
    ).toEqual(['overdue']);
    expect(await core.invoke('warnings.list', {}, worker)).toMatchObject({ ok: true, result: { rows: [] } });
  }, 60_000);
});
