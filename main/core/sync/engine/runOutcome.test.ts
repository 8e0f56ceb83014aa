import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { idNumber, tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { applicationSchema } from '../../../../common/cases/application';
import type { CaseState } from '../../../../common/cases/stateMachine';
import { caseUpsertRecord } from '../../../../sync-protocol/records/index';
import { conflictRows } from '../../../../common/i18n/syncConflict';
import { runOutcomeText } from '../../../../common/i18n/syncRun';
import { MACHINE_B } from '../../kernel/store/testing/fixtures';
import { Outbox } from '../outbox/outbox';
import { listQuarantine } from './quarantine';
import { syncStatus } from './status';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A case edit as the case service writes it: case number, state, the household with its income in fen. */
function edit(f: EngineFixture, caseId: string, baseVersion: number, incomeFen: number, action = 'startInvestigation'): string {
  const db = f.db();
  const person = (serial: number, name: string, sex: '男' | '女') => {
    const id = idNumber(serial);
    return { name, idNumber: id, sex, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
  };
  const applicant = person(31, '张建国', '男');
  const app = applicationSchema.parse({
    type: 'dibao',
    applicant,
    members: [
      { ...applicant, relationship: 'self' },
      { ...person(32, '李秀英', '女'), relationship: 'spouse' },
    ],
    income: [{ memberIdNumber: applicant.idNumber, category: 'wages', monthlyFen: incomeFen }],
  });
  const state: CaseState = 'investigating';
  const record = caseUpsertRecord({
    caseId,
    caseNo: '5001102026000123',
    baseVersion,
    state,
    action,
    at: '2026-03-02T02:00:00.000Z',
    app,
    content: 'household',
  });
  return db.transaction(() => new Outbox(db, f.t.clock).enqueue(record))().id;
}

describe('the outcome of a sync run, and conflicts in words', () => {
  it('a run in which every upload conflicted is not 成功; the conflict names the case number and agrees with the platform version', async () => {
    const p = await tempPlatform();
    cleanups.push(p.cleanup);
    const a = engineFixture();
    cleanups.push(a.cleanup);
    const b = engineFixture({ machineId: MACHINE_B });
    cleanups.push(b.cleanup);
    await registerWith(a, p.platform, 'ST-HALL');
    await registerWith(b, p.platform, 'ST-HALL');

    // Window 1 enters the case and edits it again; window 3 edits the version it saw (1) after both.
    const caseId = randomUUID();
    edit(a, caseId, 0, 120_000, 'submit');
    expect((await a.engine.run('test')).outcome).toBe('ok');
    expect((await b.engine.run('test')).outcome).toBe('ok');
    edit(a, caseId, 1, 150_000);
    expect((await a.engine.run('test')).summary.acknowledged).toBe(1);
    edit(b, caseId, 1, 120_000);
    // Window 3 also edits a case the platform has never seen (its earlier records never arrived).
    const absent = randomUUID();
    edit(b, absent, 2, 90_000);

    const run = await b.engine.run('test');
    expect(run.summary).toMatchObject({ pushed: 2, acknowledged: 0, conflicts: 2, rejected: 0 });
    expect(run.outcome).toBe('partial');
    expect(runOutcomeText(run)).toBe('有冲突（冲突 2 条，均未被平台接收）');
    const status = syncStatus(b.engine, b.t.clock);
    expect(status.runs[0]).toMatchObject({ outcome: 'partial', summary: { conflicts: 2 } });
    expect(status.outbox).toMatchObject({ conflict: 2, acknowledged: 0, queued: 0 });
    // The cycle finished: the station did reach the platform (no "not synced for N days" warning).
    expect(status.lastSuccessAt).not.toBeNull();

    const [newer, missing] = listQuarantine(b.db());
    expect(newer).toMatchObject({ status: 'conflict', caseNo: '5001102026000123', baseVersion: 1, theirs: { version: 2 } });
    expect(newer!.reason).toBe(
      '案件 5001102026000123 在平台上已是第 2 版，本机这次修改基于第 1 版：其间其他窗口修改了这个案件并已同步。本次修改没有覆盖平台上的内容。',
    );
    expect(missing).toMatchObject({ status: 'conflict', baseVersion: 2, theirs: { version: 0 } });
    expect(missing!.reason).toContain('平台上还没有案件 5001102026000123（平台版本 0）');
    expect(missing!.reason).not.toContain('其他窗口');
    for (const q of [newer!, missing!]) expect(q.reason).not.toMatch(UUID);

    // Side by side in words: the income in 元 with two decimals, the applicant's ID number masked, no field code.
    const { rows } = conflictRows(newer!.mine, newer!.theirs!.body);
    const income = rows.find((r) => r.field === '家庭月收入合计');
    expect(income).toEqual({ field: '家庭月收入合计', mine: '1,200.00元', theirs: '1,500.00元', differs: true });
    expect(rows.find((r) => r.field === '案件编号')).toMatchObject({ mine: '5001102026000123', differs: false });
    expect(rows.find((r) => r.field === '申请人身份证号码')!.mine).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(rows.find((r) => r.field === '办理事项')).toMatchObject({ mine: '开始入户调查', theirs: '开始入户调查' });
    const words = rows.flatMap((r) => [r.field, r.mine, r.theirs]).join(' ');
    expect(words).not.toMatch(UUID);
    expect(words).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('a code this version has no word for reads 其他, and content the rows do not show is said to differ, never dumped', () => {
    const mine = {
      caseNo: 'N-1',
      action: 'someFutureStep',
      state: 'approved',
      decision: { outcome: 'approved', amountFen: 68_000 },
      application: { reasonText: '因病致贫' },
    };
    const theirs = {
      caseNo: 'N-1',
      action: 'approve',
      state: 'approved',
      decision: { outcome: 'approved', amountFen: 68_000 },
      application: { reasonText: '因病' },
    };
    const { rows, otherDiffers } = conflictRows(mine, theirs);
    expect(rows.find((r) => r.field === '办理事项')).toMatchObject({ mine: '其他', theirs: '批准', differs: true });
    expect(rows.find((r) => r.field === '批准保障金额（每月）')).toMatchObject({ mine: '680.00元', differs: false });
    expect(rows.find((r) => r.field === '审核确认结果')).toMatchObject({ mine: '批准' });
    expect(otherDiffers).toBe(true);
    expect(conflictRows(mine, { ...mine, action: 'approve', at: 'x' }).otherDiffers).toBe(false);
  });

  it('a run whose records were only partly taken says 部分完成 with the counts', () => {
    expect(
      runOutcomeText({ outcome: 'partial', summary: { pushed: 3, acknowledged: 2, rejected: 1, conflicts: 0, blobsDeferred: 0 } }),
    ).toBe('部分完成（平台接收 2 条，退回 1 条）');
    expect(
      runOutcomeText({ outcome: 'partial', summary: { pushed: 1, acknowledged: 0, rejected: 1, conflicts: 0, blobsDeferred: 0 } }),
    ).toBe('被退回（退回 1 条，均未被平台接收）');
    expect(
      runOutcomeText({ outcome: 'partial', summary: { pushed: 0, acknowledged: 0, rejected: 0, conflicts: 0, blobsDeferred: 2 } }),
    ).toBe('部分完成（附件暂缓 2 个）');
    expect(runOutcomeText({ outcome: 'ok', summary: { pushed: 1, acknowledged: 1, rejected: 0, conflicts: 0, blobsDeferred: 0 } })).toBe(
      '成功',
    );
  });
});
