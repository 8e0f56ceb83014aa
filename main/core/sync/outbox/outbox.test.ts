import { afterEach, describe, expect, it } from 'vitest';
import { caseStep } from '../../../../city-platform/testClient/fixtures';
import { decisionRefusalRecord } from '../../../../sync-protocol/records/index';
import { ADMIN, FakeClock, makeStation, tempDir } from '../../kernel/store/testing/fixtures';
import { Outbox } from './outbox';

describe('transactional outbox (encrypted store)', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

  const open = () => {
    const { dir, cleanup } = tempDir('jiuzhu-outbox-');
    dirs.push(cleanup);
    const clock = new FakeClock(Date.parse('2026-11-30T01:00:00Z'));
    const t = makeStation(dir, { clock });
    t.auth.login(ADMIN.username, ADMIN.password);
    return { t, db: t.station.db, outbox: new Outbox(t.station.db, clock) };
  };
  const refusal = (caseId: string) =>
    decisionRefusalRecord({
      decisionId: 'dec-1',
      decisionKind: 'decision',
      caseId,
      code: 'DECISION_WRONG_STEP',
      reason: '案件当前状态为“已受理”，不是待审核确认，不能办理审批决定。',
      receivedAt: '2026-11-30T01:00:00Z',
    });

  it('refuses to enqueue outside a transaction', () => {
    const { outbox } = open();
    expect(() => outbox.enqueue(caseStep('c', 1))).toThrow(/inside the transaction/);
  });

  it('writes records with a strictly increasing seq, in the change transaction, the body as the builder made it', () => {
    const { db, outbox } = open();
    const records = db.transaction(() => [1, 2, 3].map((n) => outbox.enqueue(caseStep(`case-${n}`, n))))();
    expect(records.map((r) => (r.queued ? r.seq : 0))).toEqual([1, 2, 3]);
    expect(outbox.pending(10).map((r) => r.caseId)).toEqual(['case-1', 'case-2', 'case-3']);
    expect(outbox.pending(10)[0]!.body).toEqual(caseStep('case-1', 1).body);
  });

  it('loses the record when the change rolls back, and keeps nothing half-written', () => {
    const { db, outbox } = open();
    expect(() =>
      db.transaction(() => {
        outbox.enqueue(caseStep('c', 1));
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(outbox.pending(10)).toEqual([]);
  });

  it('tracks sent and answered records', () => {
    const { db, outbox } = open();
    const [a, b] = db.transaction(() => [outbox.enqueue(caseStep('c', 1)), outbox.enqueue(refusal('c'))])();
    outbox.markSent([a!.id, b!.id], 'bundle-1');
    outbox.answer([
      { id: a!.id, status: 'acknowledged' },
      { id: b!.id, status: 'rejected', reason: '缺少必填字段' },
    ]);
    expect(outbox.counts()).toEqual({ queued: 0, sent: 0, acknowledged: 1, rejected: 1, conflict: 0 });
    expect(outbox.pending(10)).toEqual([]);
  });

  it('takes a record only as its kind is built: the two enqueues below do not compile (npm test typechecks; an unused @ts-expect-error fails it)', () => {
    const { outbox } = open();
    // Kept on one line each (prettier-ignore): an @ts-expect-error covers only the line below it.
    // prettier-ignore
    const attempts = [
      // @ts-expect-error a case.upsert body without its case, version, state, step and time
      () => outbox.enqueue({ kind: 'case.upsert', caseId: 'c', baseVersion: 0, body: { applicant: { idNumber: '500115196001010018', name: '王小文' } } }),
      // @ts-expect-error a kind no builder makes (notice.issued was declared once and never written)
      () => outbox.enqueue({ kind: 'notice.issued', caseId: 'c', body: {} }),
      // @ts-expect-error a change.proposal without its outcome and reasons
      () => outbox.enqueue({ kind: 'change.proposal', caseId: 'c', body: { proposalId: 'p', caseId: 'c' } }),
    ];
    expect(attempts.map((f) => typeof f)).toEqual(['function', 'function', 'function']);
  });

  it('requeues a held record under a new id and seq, on the version given, the body byte for byte', () => {
    const { db, outbox } = open();
    const first = db.transaction(() => outbox.enqueue({ ...caseStep('c', 1, { baseVersion: 2 }), blobs: ['a'.repeat(64)] }))();
    const original = outbox.byId(first.id)!;
    const again = db.transaction(() => outbox.requeue(original, 5))();
    const copy = outbox.byId(again.id)!;
    expect(copy).toMatchObject({ kind: 'case.upsert', caseId: 'c', baseVersion: 5, blobs: ['a'.repeat(64)], state: 'queued' });
    expect(copy.seq).toBeGreaterThan(original.seq);
    expect(JSON.stringify(copy.body)).toBe(JSON.stringify(original.body));
  });
});
