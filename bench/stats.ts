import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStation } from '../main/core/cases/testing/station';
import { CertificationService } from '../main/core/certification/service';
import { exportTable } from '../main/core/stats/exporter';
import { overview } from '../main/core/stats/overview';
import { StatsRepo } from '../main/core/stats/statsRepo';
import { seedStatsLoad } from '../main/core/stats/testing/seed';
import { exportRequestSchema, type ExportRequest } from '../common/contract/methods/stats';
import { row, type Benchmark, type BenchRow } from './types';

const CASES = 100_000;
const MB = 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Peak RSS and heap while `fn` runs, sampled every 5 ms (the export yields between pages, so the sampler runs). */
async function measured<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; ms: number; peakRssMb: number; peakHeapMb: number; rssBeforeMb: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { result, ms, peakRssMb: peakRss / MB, peakHeapMb: peakHeap / MB, rssBeforeMb: before.rss / MB };
}

/**
 * The statistics page (stats.overview) and Excel exports over 100,000 seeded cases on a real
 * encrypted store: time and peak memory. The page's baseline is the naive way — read every case
 * row and count in JS — measured in the same run.
 */
export const benchmark: Benchmark = {
  name: 'stats',
  summary: `statistics page and Excel export over ${CASES.toLocaleString()} cases: time and peak memory`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-stats-'));
    try {
      const { svc, actor, t } = caseStation(dir, '2026-06-15T02:00:00Z');
      const t0 = performance.now();
      seedStatsLoad(svc, actor, CASES, 7);
      const seedMs = performance.now() - t0;
      svc.db.exec('ANALYZE');
      const repo = new StatsRepo(svc.db);
      const counts = svc.db
        .prepare(
          "SELECT (SELECT count(*) FROM case_file) AS cases, (SELECT count(*) FROM roster) AS roster, (SELECT count(*) FROM case_event WHERE to_state IN ('approved', 'refused')) AS decisions",
        )
        .get() as { cases: number; roster: number; decisions: number };
      const rows: BenchRow[] = [
        row(
          'stats: seed (demo cases + decisions + roster)',
          `${counts.cases.toLocaleString()} cases, ${counts.decisions.toLocaleString()} decisions, ${counts.roster.toLocaleString()} on roster`,
          seedMs / 1000,
          's',
        ),
      ];

      // Exports first, on a fresh heap, so their peak memory is their own.
      const exports: Array<[string, ExportRequest]> = [
        ['case list, masked', { table: 'cases' }],
        ['case list, full data', { table: 'cases', full: true }],
        ['roster, masked', { table: 'roster' }],
        ['statistics table (by state)', { table: 'stats', section: 'byState' }],
      ];
      for (const [what, request] of exports) {
        const m = await measured(async () => {
          const out = await exportTable(svc, exportRequestSchema.parse(request));
          return { ...out, base64: out.bytes.toString('base64').length };
        });
        const size = `${m.result.rows.toLocaleString()} rows, ${(m.result.bytes.length / MB).toFixed(1)} MB xlsx`;
        rows.push(row(`stats: export ${what}, time`, size, m.ms / 1000, 's'));
        rows.push(row(`stats: export ${what}, peak RSS (before)`, size, m.peakRssMb, 'MB', m.rssBeforeMb));
        rows.push(row(`stats: export ${what}, peak heap used`, size, m.peakHeapMb, 'MB'));
      }
      const today = svc.today();
      const pageMem = await measured(() => overview(repo, svc.counter(), today, {}));
      rows.push(row('stats: page (stats.overview), peak RSS (before)', 'one load', pageMem.peakRssMb, 'MB', pageMem.rssBeforeMb));
      // Baseline: every case row read (with its application JSON) and tallied in JS.
      const naive: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = performance.now();
        const tally = new Map<string, number>();
        for (const r of svc.db.prepare('SELECT * FROM case_file WHERE submitted_at IS NOT NULL').all() as Array<{
          type: string;
          state: string;
          created_by: string;
          submitted_at: string;
        }>) {
          for (const k of [r.type, r.state, r.created_by, r.submitted_at.slice(0, 7)]) tally.set(k, (tally.get(k) ?? 0) + 1);
        }
        naive.push(performance.now() - a);
      }
      const page: number[] = [];
      for (let i = 0; i < 5; i++) {
        const a = performance.now();
        overview(repo, svc.counter(), today, {});
        page.push(performance.now() - a);
      }
      rows.push(
        row(
          'stats: page, all figures (stats.overview), whole period',
          `${CASES.toLocaleString()} cases, median of 5`,
          median(page),
          'ms',
          median(naive),
        ),
      );
      const month: number[] = [];
      for (let i = 0; i < 5; i++) {
        const a = performance.now();
        overview(repo, svc.counter(), today, { from: '2026-05-01', to: '2026-05-31' });
        month.push(performance.now() - a);
      }
      rows.push(row('stats: page, one month', 'median of 5', median(month), 'ms'));

      // 资格认证's due list is computed in JS over every active household on each page load: its cost
      // on this roster (each household's applicant as its enrolled member; the seed records no others).
      svc.db.exec('INSERT OR IGNORE INTO roster_member (roster_id, id_number) SELECT id, applicant_id_number FROM roster');
      const cert = new CertificationService({ db: svc.db, clock: { now: () => new Date('2026-06-15T02:00:00Z') }, audit: t.auth.audit() });
      const due: number[] = [];
      let listed = { persons: 0, due: 0, overdue: 0 };
      for (let i = 0; i < 5; i++) {
        const a = performance.now();
        listed = cert.dueList('due', 200).counts;
        due.push(performance.now() - a);
      }
      rows.push(
        row(
          'certification: due list (certification.due), whole roster',
          `${listed.persons.toLocaleString()} persons (${listed.due.toLocaleString()} due, ${listed.overdue.toLocaleString()} overdue), median of 5`,
          median(due),
          'ms',
        ),
      );

      t.auth.close();
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
