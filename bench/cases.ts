import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchCases } from '../main/core/cases/search';
import { seedDemoCases } from '../main/core/cases/demo/seed';
import { caseStation } from '../main/core/cases/testing/station';
import { syntheticApplication } from '../main/core/cases/demo/synthetic';
import { row, type Benchmark, type BenchRow } from './types';

const CASES = 100_000;
const QUERIES = 200;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Case search over 100,000 seeded cases on a real encrypted store, the intake transaction, the first page of the list. */
export const benchmark: Benchmark = {
  name: 'cases',
  summary: `search p95 per query kind over ${CASES.toLocaleString()} cases; intake transaction; first list page`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-cases-'));
    try {
      const { svc, views, actor, t } = caseStation(dir, '2026-06-15T02:00:00Z');
      const t0 = performance.now();
      seedDemoCases(svc, actor, CASES, 7);
      const seedMs = performance.now() - t0;
      svc.db.exec('ANALYZE');
      const db = svc.db;
      const sample = db.prepare('SELECT p.id_number, p.name, p.initials, p.phone, c.case_no FROM case_party p JOIN case_file c ON c.id = p.case_id WHERE p.role = ? ORDER BY random() LIMIT ?').all('applicant', QUERIES) as Array<{ id_number: string; name: string; initials: string; phone: string | null; case_no: string }>;
      const kinds: Array<[string, (s: (typeof sample)[number]) => string]> = [
        ['ID number', (s) => s.id_number],
        ['ID number prefix (10)', (s) => s.id_number.slice(0, 10)],
        ['name', (s) => s.name],
        ['pinyin initials', (s) => s.initials],
        ['phone', (s) => s.phone ?? '13800000000'],
        ['case number', (s) => s.case_no],
      ];
      const rows: BenchRow[] = [row('cases: seed', `${CASES.toLocaleString()} cases`, seedMs / 1000, 's')];
      const today = svc.today();
      for (const [kind, q] of kinds) {
        const times: number[] = [];
        for (const s of sample) {
          const a = performance.now();
          const found = searchCases(db, { query: q(s), states: [], types: [], limit: 100, offset: 0 });
          found.rows.map((r) => views.summary(r, today, 3));
          times.push(performance.now() - a);
        }
        rows.push(row(`cases: search p95, ${kind}`, `${QUERIES} queries`, p95(times), 'ms', 20));
      }
      const page: number[] = [];
      for (let i = 0; i < 20; i++) {
        const a = performance.now();
        const found = searchCases(db, { query: '', states: [], types: [], limit: 100, offset: 0 });
        found.rows.map((r) => views.summary(r, today, 3));
        page.push(performance.now() - a);
      }
      rows.push(row('cases: first list page (100 rows)', '20 loads', median(page), 'ms'));
      const tx: number[] = [];
      const save: number[] = [];
      for (let i = 0; i < 50; i++) {
        const app = { ...syntheticApplication({ seed: 900_000 + i, today, size: 4, type: 'dibao' }), materials: [] };
        const a = performance.now();
        const saved = svc.saveDraft(actor, { application: app });
        const b = performance.now();
        svc.submit(actor, saved.caseId, saved.rev);
        tx.push(performance.now() - b);
        save.push(b - a);
      }
      rows.push(row('cases: intake autosave, household of 4', '50 drafts', median(save), 'ms'));
      rows.push(row('cases: submit transaction with outbox, household of 4', '50 submits', median(tx), 'ms', 10));
      t.auth.close();
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
