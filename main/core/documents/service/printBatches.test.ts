import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLES } from '../testing/fixtures';
import { documentsFixture, FakePrintHost, type DocumentsFixture } from '../testing/services';
import { dehydrate } from './hydrate';

let f: DocumentsFixture;
afterEach(() => f.cleanup());

const acceptance = (i: number) => ({
  ...(dehydrate(SAMPLES.acceptance) as Record<string, unknown>),
  caseNo: `LX-2026-${String(i).padStart(4, '0')}`,
});
const addNotices = (n: number) =>
  Array.from({ length: n }, (_, i) => f.queue.add({ caseId: `case-${i}`, kind: 'acceptance', data: acceptance(i) }, f.t.adminId).id);
const count = (sql: string) => f.t.station.db.prepare(sql).pluck().get() as number;

describe('the notice print queue', () => {
  it('lists pending requests, issues each once, marks it printed with its document', async () => {
    f = documentsFixture();
    const [a, b] = addNotices(2);
    expect(f.queue.list({ state: 'pending', limit: 10 }).map((n) => [n.id, n.label])).toEqual([
      [a, 'LX-2026-0000 王小文'],
      [b, 'LX-2026-0001 王小文'],
    ]);
    // The case is named by its number, never by its internal id.
    expect(f.queue.list({ state: 'pending', limit: 10 }).map((n) => n.caseNo)).toEqual(['LX-2026-0000', 'LX-2026-0001']);
    expect(f.queue.get(a!).caseNo).toBe('LX-2026-0000');
    const doc = await f.queue.issue(a!, f.t.adminId);
    expect((await f.queue.issue(a!, f.t.adminId)).id).toBe(doc.id);
    expect(() => f.queue.markPrinted(b!, doc.id, f.t.adminId)).toThrow(expect.objectContaining({ code: 'NOTICE_DOCUMENT_MISMATCH' }));
    expect(f.queue.markPrinted(a!, doc.id, f.t.adminId)).toMatchObject({ state: 'printed', documentId: doc.id });
    await expect(f.queue.issue(a!, f.t.adminId)).rejects.toMatchObject({ code: 'NOTICE_NOT_PENDING' });
    expect(f.queue.list({ state: 'pending', limit: 10 }).map((n) => n.id)).toEqual([b]);
  });

  it('refuses a request whose data breaks the schema, naming the field', () => {
    f = documentsFixture();
    const data = { ...acceptance(1), applicant: { name: '王小文', idNumber: '123' } };
    expect(() => f.queue.add({ caseId: 'c', kind: 'acceptance', data }, f.t.adminId)).toThrow(
      expect.objectContaining({ code: 'DOC_INVALID_DATA', details: expect.objectContaining({ path: 'applicant.idNumber' }) }),
    );
  });
});

describe('batch printing', () => {
  it('desktop: stops at a printer error, keeps its place, resumes with the same document, prints each notice once', async () => {
    const host = new FakePrintHost([3]);
    f = documentsFixture(host);
    const ids = addNotices(5);
    const batch = f.batches.start(ids, f.t.adminId);
    const run = async () => {
      for (;;) {
        const r = await f.batches.next(batch.id, 1, f.t.adminId);
        if (r.batch.state !== 'running') return r.batch;
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'PRINT_FAILED', message: expect.stringContaining('第 3 份') });
    expect(f.batches.get(batch.id)).toMatchObject({ state: 'error', printed: 2, total: 5, lastError: expect.stringContaining('缺纸') });
    expect(f.batches.open().map((b) => b.id)).toEqual([batch.id]);
    // A restart: the state is in the store; the page lists open batches and resumes.
    expect(await f.batches.next(batch.id, 1, f.t.adminId)).toMatchObject({ jobs: [], batch: { state: 'error' } });
    f.batches.resume(batch.id);
    expect(await run()).toMatchObject({ state: 'done', printed: 5 });
    expect(host.calls).toBe(6);
    expect(host.jobs.map((j) => j.silent)).toEqual([true, true, true, true, true]);
    // One original per notice: the retry printed the document issued before the error.
    expect(count('SELECT count(*) FROM document')).toBe(5);
    expect(count("SELECT count(*) FROM notice_request WHERE state = 'printed' AND document_id IS NOT NULL")).toBe(5);
    expect(count('SELECT attempts FROM print_batch_item WHERE seq = 2')).toBe(2);
    expect(f.t.auth.audit().query({ action: 'document.print' })).toHaveLength(5);
  });

  it('pause stops between notices, cancel leaves the rest pending in the queue', async () => {
    f = documentsFixture(new FakePrintHost());
    const ids = addNotices(4);
    const batch = f.batches.start(ids, f.t.adminId);
    await f.batches.next(batch.id, 1, f.t.adminId);
    f.batches.pause(batch.id);
    expect(await f.batches.next(batch.id, 1, f.t.adminId)).toMatchObject({ jobs: [], batch: { state: 'paused', printed: 1 } });
    expect(f.batches.cancel(batch.id, f.t.adminId)).toMatchObject({ state: 'cancelled', printed: 1 });
    await expect(f.batches.next(batch.id, 1, f.t.adminId)).rejects.toMatchObject({ code: 'PRINT_BATCH_FINISHED' });
    expect(f.queue.list({ state: 'pending', limit: 10 }).map((n) => n.id)).toEqual(ids.slice(1));
  });

  it('browser: hands PDFs to the page in groups, marks them printed when acknowledged, resends unacknowledged ones', async () => {
    f = documentsFixture();
    const ids = addNotices(3);
    const batch = f.batches.start(ids, f.t.adminId);
    const first = await f.batches.next(batch.id, 2, f.t.adminId);
    expect(first.delivery).toBe('browser');
    expect(first.jobs.map((j) => j.seq)).toEqual([0, 1]);
    expect(Buffer.from(first.jobs[0]!.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(f.batches.ack(batch.id, [0], f.t.adminId)).toMatchObject({ state: 'running', printed: 1 });
    // The page closed before acknowledging seq 1: it comes again, with the same document.
    const second = await f.batches.next(batch.id, 5, f.t.adminId);
    expect(second.jobs.map((j) => [j.seq, j.documentId])).toEqual([
      [1, first.jobs[1]!.documentId],
      [2, expect.any(String)],
    ]);
    expect(f.batches.ack(batch.id, [1, 2], f.t.adminId)).toMatchObject({ state: 'done', printed: 3 });
    expect(f.queue.list({ state: 'printed', limit: 10 })).toHaveLength(3);
  });
});
