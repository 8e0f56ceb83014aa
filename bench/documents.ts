import { loadavg } from 'node:os';
import { DOCUMENT_KINDS } from '../common/documents/index';
import { clearWidthCache } from '../main/core/documents/layout/render';
import { renderDocument, type RenderContext } from '../main/core/documents/render';
import { dehydrate } from '../main/core/documents/service/hydrate';
import { SAMPLES, testFonts, testKeys } from '../main/core/documents/testing/fixtures';
import { documentsFixture } from '../main/core/documents/testing/services';
import { row, type Benchmark, type BenchRow } from './types';

const BATCH = 500;
const WARM_RUNS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * PDF documents. Warm time per kind: with the process-wide width cache (as the app renders now)
 * against the same render with the cache emptied first (every document measuring its lines again,
 * as before), the two in turn, order alternating. Size per kind. The real print path: 500 受理通知书
 * issued through DocumentService on an encrypted station (render, PDF stored encrypted, document
 * row and audit in one transaction), each notice issued twice in turn — warm cache and emptied
 * cache — so both totals come from the same minutes; peak RSS over the whole run.
 * Goals (issue 21): ≤ 20 ms warm for the worst kinds, ≤ 40 KB every kind, 500 notices ≤ 10 s, ≤ 400 MB.
 */
export const benchmark: Benchmark = {
  name: 'documents',
  summary: 'PDF documents: warm time (width cache vs none, interleaved) and size per kind; 500 notices through the real print path',
  async run() {
    const rows: BenchRow[] = [];
    const fonts = testFonts();
    let t = performance.now();
    const ctx: RenderContext = { fonts, signingKey: testKeys().privateKey, creationDate: new Date('2026-11-29T00:00:00Z') };
    await renderDocument('acceptance', SAMPLES.acceptance, ctx);
    rows.push(row('documents: cold start (fonts + first notice)', '1 document', performance.now() - t, 'ms'));

    for (const kind of DOCUMENT_KINDS) {
      const warm: number[] = [];
      const cold: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARM_RUNS; i++) {
        for (const empty of i % 2 ? [true, false] : [false, true]) {
          if (empty) clearWidthCache(fonts.faces);
          t = performance.now();
          const doc = await renderDocument(kind, SAMPLES[kind], ctx);
          (empty ? cold : warm).push(performance.now() - t);
          bytes = doc.pdf.length;
        }
      }
      rows.push(row(`documents: warm ${kind} (vs widths measured again)`, `median of ${WARM_RUNS}`, median(warm), 'ms', median(cold)));
      rows.push(row(`documents: size ${kind} (goal ≤ 40)`, '1 page', bytes / 1024, 'KB'));
    }

    const f = documentsFixture();
    try {
      const data = dehydrate(SAMPLES.acceptance) as Record<string, unknown>;
      let peak = process.memoryUsage().rss;
      const warm: number[] = [];
      const cold: number[] = [];
      let stored = 0;
      const load0 = loadavg()[0]!;
      for (let i = 0; i < BATCH; i++) {
        for (const empty of i % 2 ? [true, false] : [false, true]) {
          if (empty) clearWidthCache(fonts.faces);
          const input = {
            caseId: `case-${i % 50}`,
            kind: 'acceptance' as const,
            data: { ...data, caseNo: `LX-2026-${String(i).padStart(4, '0')}${empty ? 'c' : ''}` },
          };
          t = performance.now();
          const doc = await f.docs.issue(input, f.t.adminId);
          (empty ? cold : warm).push(performance.now() - t);
          stored += doc.pages;
        }
        if (i % 25 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      const audited = (f.t.station.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.issue'").get() as { n: number })
        .n;
      if (audited < 2 * BATCH || stored < 2 * BATCH) throw new Error(`print path: ${audited} audited, ${stored} pages stored`);
      rows.push(
        row(
          'documents: 500 notices, real print path (issue: render, store encrypted, audit)',
          `${BATCH} notices (vs widths measured again)`,
          sum(warm) / 1000,
          's',
          sum(cold) / 1000,
        ),
      );
      rows.push(row('documents: print path per notice, median', `${BATCH} notices`, median(warm), 'ms', median(cold)));
      rows.push(row('documents: peak RSS over both batches', `${2 * BATCH} notices issued`, peak / 2 ** 20, 'MB'));
      rows.push(row('documents: load average (1 min) at the batch start', '', load0, ''));
    } finally {
      f.cleanup();
    }
    return rows;
  },
};
