import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, FakeClock, makeStation, tempDir } from '../../kernel/store/testing/fixtures';
import type { Db } from '../../kernel/store/types';
import { PullHandlers, type PulledItem } from './pullHandlers';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A logged-in station (a real encrypted store) and its open database. */
function station(): Db {
  const { dir, cleanup } = tempDir('jiuzhu-pull-handlers-');
  const t = makeStation(dir, { clock: new FakeClock(Date.parse('2026-02-12T01:00:00Z')) });
  t.auth.login(ADMIN.username, ADMIN.password);
  cleanups.push(() => {
    t.station.close();
    cleanup();
  });
  return t.station.db;
}

const kept = (db: Db) =>
  (db.prepare('SELECT kind, item_key FROM pulled_item ORDER BY kind, item_key').all() as Array<{ kind: string; item_key: string }>).map(
    (r) => `${r.kind}/${r.item_key}`,
  );

const decision = (caseId: string, feedSeq: number): PulledItem => ({ kind: 'decision', caseId, feedSeq });
const reference = (table: string, feedSeq: number): PulledItem => ({ kind: 'reference', table, version: 1, data: {}, feedSeq });

describe('pull handlers: one registry per engine, no module state (real encrypted stores)', () => {
  it('a kind claimed in one registry is applied there only; the other keeps the item in pulled_item', () => {
    const dbA = station();
    const dbB = station();
    const a = new PullHandlers();
    const b = new PullHandlers();
    const applied: string[] = [];
    a.register('decision', (_db, item) => void applied.push(String((item as Record<string, unknown>)['caseId'])));

    const at = '2026-02-12T02:00:00Z';
    expect(dbA.transaction(() => a.apply(dbA, decision('C-A', 1), at))()).toBeNull();
    expect(dbB.transaction(() => b.apply(dbB, decision('C-B', 1), at))()).toBeNull();

    expect(applied).toEqual(['C-A']);
    expect(kept(dbA)).toEqual([]);
    expect(kept(dbB)).toEqual(['decision/C-B']);
  });

  it('a reference table claimed as reference:<table> goes to its own handler; other tables stay kept; giving up a claim keeps the item again', () => {
    const db = station();
    const handlers = new PullHandlers();
    const calendar: number[] = [];
    const off = handlers.register('reference:working-days', (_db, item) => void calendar.push(Number(item.feedSeq)));
    const at = '2026-02-12T02:00:00Z';

    db.transaction(() => {
      handlers.apply(db, reference('working-days', 1), at);
      handlers.apply(db, reference('standards', 2), at);
    })();
    expect(calendar).toEqual([1]);
    expect(kept(db)).toEqual(['reference/standards']);

    off();
    db.transaction(() => handlers.apply(db, reference('working-days', 3), at))();
    expect(calendar).toEqual([1]);
    expect(kept(db)).toEqual(['reference/standards', 'reference/working-days']);
  });

  it('a refused item is kept and its refusal returned; mustRefetch resets every claimant and empties pulled_item', () => {
    const db = station();
    const handlers = new PullHandlers();
    const resets: string[] = [];
    const refusal = Object.assign(new Error('refused'), { code: 'SYNC_PULL_ITEM_INVALID' }) as never;
    handlers.register('warning', () => refusal, { reset: () => void resets.push('warning') });
    handlers.register('decision', () => undefined, { reset: () => void resets.push('decision') });
    const at = '2026-02-12T02:00:00Z';

    expect(db.transaction(() => handlers.apply(db, { kind: 'warning', id: 'W-1', feedSeq: 4 }, at))()).toBe(refusal);
    db.transaction(() => handlers.apply(db, { kind: 'newer-kind', key: 'K-1', feedSeq: 5 }, at))();
    expect(kept(db)).toEqual(['newer-kind/K-1', 'warning/W-1']);

    db.transaction(() => handlers.reset(db))();
    expect(resets.sort()).toEqual(['decision', 'warning']);
    expect(kept(db)).toEqual([]);
  });
});
