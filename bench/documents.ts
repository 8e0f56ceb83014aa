import { DOCUMENT_KINDS } from '../common/documents/index';
import { renderDocument, type RenderContext } from '../main/core/documents/render';
import { SAMPLES, testFonts, testKeys } from '../main/core/documents/testing/fixtures';
import { row, type Benchmark, type BenchRow } from './types';

const BATCH = 500;
const WARM_RUNS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * PDF documents: cold first render (font load + subset), warm time and size per kind, and a batch
 * of 500 受理通知书 (total time, pages/s, bytes/page, peak RSS) against one warm document.
 * Goals from the issue: ≤ 50 ms and ≤ 60 KB for a one-page notice; 500 notices ≤ 30 s, ≤ 400 MB.
 */
export const benchmark: Benchmark = {
  name: 'documents',
  summary: 'PDF documents: warm time and size per kind, and a batch of 500 acceptance notices',
  async run() {
    const rows: BenchRow[] = [];
    let t = performance.now();
    const ctx: RenderContext = { fonts: testFonts(), signingKey: testKeys().privateKey, creationDate: new Date('2026-11-29T00:00:00Z') };
    await renderDocument('acceptance', SAMPLES.acceptance, ctx);
    const cold = performance.now() - t;
    rows.push(row('documents: cold start (fonts + first notice)', '1 document', cold, 'ms'));

    const warm: Record<string, number> = {};
    const perKind: BenchRow[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const times: number[] = [];
      let bytes = 0;
      let pages = 0;
      for (let i = 0; i < WARM_RUNS; i++) {
        t = performance.now();
        const doc = await renderDocument(kind, SAMPLES[kind], ctx);
        times.push(performance.now() - t);
        bytes = doc.pdf.length;
        pages = doc.pages;
      }
      warm[kind] = median(times);
      perKind.push(row(`documents: warm ${kind}`, `median of ${WARM_RUNS}, ${pages} page(s)`, warm[kind]!, 'ms', cold));
      perKind.push(row(`documents: size ${kind}`, `${pages} page(s)`, bytes / 1024, 'KB'));
    }
    rows.push(...perKind);

    let peak = process.memoryUsage().rss;
    let totalBytes = 0;
    let totalPages = 0;
    t = performance.now();
    for (let i = 0; i < BATCH; i++) {
      const input = { ...SAMPLES.acceptance, caseNo: `LX-2026-${String(i).padStart(4, '0')}` };
      const doc = await renderDocument('acceptance', input, ctx);
      totalBytes += doc.pdf.length;
      totalPages += doc.pages;
      if (i % 25 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const total = performance.now() - t;
    const single = warm.acceptance!;
    rows.push(row('documents: batch acceptance', `${BATCH} notices`, total / 1000, 's', (single * BATCH) / 1000));
    rows.push(row('documents: batch throughput', `${BATCH} notices`, totalPages / (total / 1000), 'pages/s', 1000 / single));
    rows.push(row('documents: batch bytes per page', `${BATCH} notices`, totalBytes / totalPages / 1024, 'KB/page'));
    rows.push(row('documents: batch peak RSS', `${BATCH} notices`, peak / 1024 / 1024, 'MB'));
    return rows;
  },
};
