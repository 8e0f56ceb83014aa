import { afterEach, describe, expect, it } from 'vitest';
import { loggedInStation } from '../kernel/store/testing/fixtures';
import { NoticeRequestRepo } from './noticeRequestRepo';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

describe('NoticeRequestRepo over the encrypted store', () => {
  it("queues a case's notice and a combined list as pending print requests", () => {
    const s = loggedInStation();
    cleanup = s.cleanup;
    const db = s.t.station.db;
    const repo = new NoticeRequestRepo(db);
    repo.queue({ id: 'n1', caseId: 'case-1', kind: 'approval', data: '{"a":1}', at: '2026-12-07T01:00:00.000Z', by: 'u1' });
    repo.queue({
      id: 'n2',
      caseId: 'list:initial:2026-12-01:2026-12-07:0a1b2c3d',
      kind: 'publicity-list',
      data: '{"b":2}',
      at: '2026-12-07T02:00:00.000Z',
      by: 'u2',
    });
    expect(
      db.prepare('SELECT id, case_id, kind, data, requested_at, requested_by, state, document_id FROM notice_request ORDER BY id').all(),
    ).toEqual([
      {
        id: 'n1',
        case_id: 'case-1',
        kind: 'approval',
        data: '{"a":1}',
        requested_at: '2026-12-07T01:00:00.000Z',
        requested_by: 'u1',
        state: 'pending',
        document_id: null,
      },
      {
        id: 'n2',
        case_id: 'list:initial:2026-12-01:2026-12-07:0a1b2c3d',
        kind: 'publicity-list',
        data: '{"b":2}',
        requested_at: '2026-12-07T02:00:00.000Z',
        requested_by: 'u2',
        state: 'pending',
        document_id: null,
      },
    ]);
  });
});
