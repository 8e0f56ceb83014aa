import { describe, expect, it } from 'vitest';
import { caseStatusChanges } from './caseStatus';

/** The platform's status rules (docs/sync-protocol.md §7.5), pure: which changes each event makes from each status. */
describe('case status changes', () => {
  const upsert = (state: string, authorizations = false) => ({ kind: 'upsert' as const, state, authorizations });
  const to = (...r: ReturnType<typeof caseStatusChanges>) => r.map((c) => c.status);

  it('a first upsert is received; with its 授权书 it is received and then verifying', () => {
    expect(to(...caseStatusChanges(null, upsert('submitted')))).toEqual(['received']);
    expect(to(...caseStatusChanges(null, upsert('submitted', true)))).toEqual(['received', 'verifying']);
    expect(caseStatusChanges('received', upsert('accepted'))).toEqual([]);
  });

  it('a 授权书 makes it verifying, a report verified (with the report number), unless the case went up already', () => {
    expect(to(...caseStatusChanges('received', { kind: 'authorization' }))).toEqual(['verifying']);
    expect(caseStatusChanges('verifying', { kind: 'authorization' })).toEqual([]);
    expect(caseStatusChanges('verifying', { kind: 'report', reportNo: 'HD-1' })).toEqual([{ status: 'verified', note: '核对报告 HD-1' }]);
    expect(caseStatusChanges('awaiting-decision', { kind: 'report', reportNo: 'HD-1' })).toEqual([]);
    expect(caseStatusChanges('decided', { kind: 'report', reportNo: 'HD-1' })).toEqual([]);
  });

  it('sent up for 审核确认 is awaiting-decision; a decision (the county’s or a delegated one) is decided, and a decided case stays decided', () => {
    expect(to(...caseStatusChanges('verified', upsert('awaiting_decision')))).toEqual(['awaiting-decision']);
    expect(caseStatusChanges('decided', upsert('awaiting_decision'))).toEqual([]);
    expect(caseStatusChanges('awaiting-decision', { kind: 'decision', outcome: 'approved' })).toEqual([
      { status: 'decided', note: '县级民政部门决定批准' },
    ]);
    expect(caseStatusChanges('decided', { kind: 'decision', outcome: 'refused' })).toEqual([]);
    expect(to(...caseStatusChanges('awaiting-decision', upsert('approved')))).toEqual(['decided']);
  });

  it('an accepted roster.imported is decided at once, the note saying where the household came from; nothing more on a decided case', () => {
    expect(caseStatusChanges(null, { kind: 'imported', from: 'file' })).toEqual([{ status: 'decided', note: '在册对象（原系统导入）' }]);
    expect(caseStatusChanges(null, { kind: 'imported', from: 'platform' })).toEqual([
      { status: 'decided', note: '在册对象（市级平台在册名单）' },
    ]);
    expect(caseStatusChanges('decided', { kind: 'imported', from: 'file' })).toEqual([]);
  });
});
