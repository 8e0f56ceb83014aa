import { afterEach, describe, expect, it } from 'vitest';
import { loggedInStation } from '../../kernel/store/testing/fixtures';
import { PrintBatchRepo } from './printBatchRepo';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

function open() {
  const s = loggedInStation();
  cleanup = s.cleanup;
  const t = s.t;
  return new PrintBatchRepo(t.station.db);
}

describe('PrintBatchRepo over the encrypted store', () => {
  it('keeps a batch in the order given and hands out only the items left, in order', () => {
    const repo = open();
    repo.insert({ id: 'b1', requestIds: ['n-c', 'n-a', 'n-b'], at: '2026-12-07T01:00:00.000Z', by: 'u1' });
    expect(repo.get('b1')).toMatchObject({ state: 'running', total: 3, last_error: null, created_at: '2026-12-07T01:00:00.000Z' });
    expect(repo.nextItems('b1', 10).map((i) => [i.seq, i.request_id, i.state])).toEqual([
      [0, 'n-c', 'pending'],
      [1, 'n-a', 'pending'],
      [2, 'n-b', 'pending'],
    ]);
    repo.setItemState('b1', 0, 'printed');
    repo.setItemState('b1', 1, 'sent');
    expect(repo.nextItems('b1', 1).map((i) => i.request_id)).toEqual(['n-a']);
    expect([repo.printedCount('b1'), repo.leftCount('b1')]).toEqual([1, 2]);
    repo.cancelLeft('b1');
    expect(repo.nextItems('b1', 10)).toEqual([]);
    expect(repo.item('b1', 0)?.state).toBe('printed');
    expect(repo.item('b1', 2)?.state).toBe('cancelled');
    expect(repo.item('b1', 3)).toBeUndefined();
  });

  it('lists only unfinished batches, oldest first, and keeps the last error', () => {
    const repo = open();
    repo.insert({ id: 'late', requestIds: ['x'], at: '2026-12-07T03:00:00.000Z', by: 'u1' });
    repo.insert({ id: 'early', requestIds: ['y'], at: '2026-12-07T02:00:00.000Z', by: 'u1' });
    repo.insert({ id: 'gone', requestIds: ['z'], at: '2026-12-07T01:00:00.000Z', by: 'u1' });
    repo.setState('gone', 'done', null, '2026-12-07T04:00:00.000Z');
    repo.setState('late', 'error', '缺纸', '2026-12-07T04:00:00.000Z');
    expect(repo.openIds()).toEqual(['early', 'late']);
    expect(repo.get('late')).toMatchObject({ state: 'error', last_error: '缺纸' });
    expect(repo.get('nothing')).toBeUndefined();
  });
});
