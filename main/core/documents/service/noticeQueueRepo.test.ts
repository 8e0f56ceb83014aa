import { afterEach, describe, expect, it } from 'vitest';
import { loggedInStation } from '../../kernel/store/testing/fixtures';
import { NoticeQueueRepo } from './noticeQueueRepo';

let cleanup = () => undefined as void;
afterEach(() => cleanup());

function open() {
  const s = loggedInStation();
  cleanup = s.cleanup;
  const t = s.t;
  return new NoticeQueueRepo(t.station.db);
}

const add = (repo: NoticeQueueRepo, id: string, caseId: string, kind: string, at: string) =>
  repo.insertPending({ id, caseId, kind, data: JSON.stringify({ n: id }), at, by: 'u1' });

describe('NoticeQueueRepo over the encrypted store', () => {
  it('lists one state oldest first, by case and kind when asked, up to the limit', () => {
    const repo = open();
    add(repo, 'n2', 'c1', 'approval', '2026-12-07T02:00:00.000Z');
    add(repo, 'n1', 'c1', 'acceptance', '2026-12-07T01:00:00.000Z');
    add(repo, 'n3', 'c2', 'acceptance', '2026-12-07T03:00:00.000Z');
    const ids = (f: Partial<Parameters<NoticeQueueRepo['inState']>[0]>) =>
      repo.inState({ state: 'pending', caseId: null, kind: null, limit: 10, ...f }).map((n) => n.id);
    expect(ids({})).toEqual(['n1', 'n2', 'n3']);
    expect(ids({ caseId: 'c1' })).toEqual(['n1', 'n2']);
    expect(ids({ kind: 'acceptance' })).toEqual(['n1', 'n3']);
    expect(ids({ limit: 1 })).toEqual(['n1']);
    expect(repo.get('n3')).toMatchObject({ case_id: 'c2', kind: 'acceptance', data: '{"n":"n3"}', state: 'pending', case_no: null });
  });

  it('marks only a pending request printed, with its document', () => {
    const repo = open();
    add(repo, 'n1', 'c1', 'acceptance', '2026-12-07T01:00:00.000Z');
    repo.markPrinted('n1', 'doc-1');
    repo.markPrinted('n1', 'doc-2');
    expect(repo.get('n1')).toMatchObject({ state: 'printed', document_id: 'doc-1' });
    expect(repo.inState({ state: 'printed', caseId: null, kind: null, limit: 10 }).map((n) => n.id)).toEqual(['n1']);
    expect(repo.get('missing')).toBeUndefined();
  });
});
