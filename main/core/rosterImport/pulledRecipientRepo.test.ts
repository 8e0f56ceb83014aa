import { afterEach, describe, expect, it } from 'vitest';
import { loggedInStation } from '../kernel/store/testing/fixtures';
import { PulledRecipientRepo } from './pulledRecipientRepo';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

const keep = (repo: PulledRecipientRepo, idNumber: string, status: 'applied' | 'conflict', feedSeq: number, at: string) =>
  repo.keep({
    idNumber,
    feedSeq,
    status,
    rosterId: null,
    reason: status === 'conflict' ? JSON.stringify({ code: 'ON_ROSTER', message: `m${feedSeq}` }) : null,
    body: JSON.stringify({ seq: feedSeq }),
    at,
  });

describe('PulledRecipientRepo over the encrypted store', () => {
  it('keeps one row per head, the later copy replacing the earlier, and lists conflicts newest first', () => {
    const s = loggedInStation();
    cleanup = s.cleanup;
    const repo = new PulledRecipientRepo(s.t.station.db);
    expect(repo.statusOf('110101199001011234')).toBeUndefined();
    keep(repo, '110101199001011234', 'conflict', 1, '2026-12-07T01:00:00.000Z');
    keep(repo, '110101199001015678', 'conflict', 2, '2026-12-07T02:00:00.000Z');
    keep(repo, '110101199001019999', 'applied', 3, '2026-12-07T03:00:00.000Z');
    keep(repo, '110101199001011234', 'conflict', 4, '2026-12-07T04:00:00.000Z');
    expect(repo.conflicts().map((r) => [r.id_number, r.body, JSON.parse(r.reason).message, r.received_at])).toEqual([
      ['110101199001011234', '{"seq":4}', 'm4', '2026-12-07T04:00:00.000Z'],
      ['110101199001015678', '{"seq":2}', 'm2', '2026-12-07T02:00:00.000Z'],
    ]);
    keep(repo, '110101199001015678', 'applied', 5, '2026-12-07T05:00:00.000Z');
    expect(repo.statusOf('110101199001015678')).toBe('applied');
    expect(repo.conflicts().map((r) => r.id_number)).toEqual(['110101199001011234']);
  });
});
