import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, FakeClock, makeStation, tempDir } from '../../store/test-support/fixtures';
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

  it('refuses to enqueue outside a transaction', () => {
    const { outbox } = open();
    expect(() => outbox.enqueue({ kind: 'case.upsert', body: {} })).toThrow(/inside the transaction/);
  });

  it('writes records with a strictly increasing seq, in the change transaction', () => {
    const { db, outbox } = open();
    const records = db.transaction(() => [1, 2, 3].map((n) => outbox.enqueue({ kind: 'case.upsert', caseId: `case-${n}`, baseVersion: 0, body: { n } })))();
    expect(records.map((r) => (r.queued ? r.seq : 0))).toEqual([1, 2, 3]);
    expect(outbox.pending(10).map((r) => r.caseId)).toEqual(['case-1', 'case-2', 'case-3']);
  });

  it('loses the record when the change rolls back, and keeps nothing half-written', () => {
    const { db, outbox } = open();
    expect(() =>
      db.transaction(() => {
        outbox.enqueue({ kind: 'case.upsert', caseId: 'c', body: {} });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(outbox.pending(10)).toEqual([]);
  });

  it('tracks sent and answered records', () => {
    const { db, outbox } = open();
    const [a, b] = db.transaction(() => [outbox.enqueue({ kind: 'case.upsert', body: {} }), outbox.enqueue({ kind: 'notice.issued', body: {} })])();
    outbox.markSent([a!.id, b!.id], 'bundle-1');
    outbox.answer([{ id: a!.id, status: 'acknowledged' }, { id: b!.id, status: 'rejected', reason: '缺少必填字段' }]);
    expect(outbox.counts()).toEqual({ queued: 0, sent: 0, acknowledged: 1, rejected: 1, conflict: 0 });
    expect(outbox.pending(10)).toEqual([]);
  });
});
