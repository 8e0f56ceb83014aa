import { caseFilterWhere, searchCases, type SearchFilters } from '../main/core/cases/search';
import type { CaseRow } from '../main/core/cases/caseRepo';
import { syntheticApplication } from '../main/core/cases/demo/synthetic';
import type { CaseViews } from '../main/core/cases/caseViews';
import { CaseSearchRepo } from '../main/core/cases/searchRepo';
import type { Db } from '../main/core/kernel/store/types';
import { openCases, stationCopy } from './station100k';
import { row, type Benchmark, type BenchRow } from './types';

const QUERIES = 100;
/** Tails ran 6–8 s a query before their indexes (migration 0750): fewer of them. */
const TAIL_QUERIES = 10;
/** The case list's page size (renderer/src/cases/CasesPage.tsx). */
const PAGE = 50;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Sample = { id_number: string; name: string; initials: string; phone: string | null; case_no: string };

/** What a clerk types into the case list's search box, from a sampled applicant (tails last). */
const KINDS: Array<[string, (s: Sample) => string]> = [
  ['2 pinyin initials', (s) => s.initials.slice(0, 2)],
  ['surname (1 character)', (s) => [...s.name][0]!],
  ['region prefix (6 digits)', (s) => s.id_number.slice(0, 6)],
  ['ID number prefix (10)', (s) => s.id_number.slice(0, 10)],
  ['full name', (s) => s.name],
  ['full ID number', (s) => s.id_number],
  ['case-number tail', (s) => String(Number(s.case_no.slice(-5)))],
  ['last 4 of an ID number', (s) => s.id_number.slice(-4)],
  ['mobile number', (s) => s.phone ?? '13800000000'],
];

/** What cases.search does for one query now: the page, its summaries (one deadline query) and the matched parties. */
function listPage(db: Db, views: CaseViews, f: SearchFilters, today: string): number {
  const found = searchCases(new CaseSearchRepo(db), f);
  return views.summaries(found.rows, today, 3).length + found.matched.size;
}

/**
 * The same page as cases.search built it before (the baseline): a party match's cases filtered and
 * sorted through their rows (the plan it had, index stats_case_accepted on id, then each row), the
 * whole rows read for the page, the matched parties by the match's index range, and one deadline
 * query per row.
 */
function listPageBefore(db: Db, views: CaseViews, f: SearchFilters, today: string): number {
  const where = caseFilterWhere(f);
  const { params, partyMatch, kind } = where;
  const viaParty = ['idNumber', 'phone', 'initials', 'name'].includes(kind);
  // Tails as they ran before migration 0750: every case row and every party read, no expression index.
  const clause = kind === 'tail' ? where.clause.replace('substr(id_number, -4)', 'substr(+id_number, -4)') : where.clause;
  const from = `case_file c${viaParty ? ' INDEXED BY stats_case_accepted' : kind === 'tail' ? ' NOT INDEXED' : ''}`;
  const ids = (
    db
      .prepare(`SELECT c.id FROM ${from} ${clause} ORDER BY c.updated_at DESC LIMIT ? OFFSET ?`)
      .all(...params, f.limit, f.offset) as Array<{ id: string }>
  ).map((r) => r.id);
  const rows = ids.length
    ? (db.prepare(`SELECT * FROM case_file WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as CaseRow[])
    : [];
  if (rows.length === f.limit) db.prepare(`SELECT count(*) AS n FROM ${from} ${clause}`).get(...params);
  const hits =
    partyMatch && rows.length
      ? db
          .prepare(
            `SELECT case_id, role, id_number, name FROM case_party WHERE case_id IN (${rows.map(() => '?').join(',')}) AND (${partyMatch.cond})`,
          )
          .all(...rows.map((r) => r.id), ...partyMatch.params).length
      : 0;
  return rows.map((r) => views.summary(r, today, 3)).length + hits;
}

/**
 * Case search on the cached 100,000-case station (bench/station100k.ts), with what a clerk types
 * (partial inputs); each query runs both ways in turn, the order alternating, so load swings hit
 * both sides: the page as cases.search builds it now against the way it built it before
 * (listPageBefore). Then the intake save and submit transactions.
 */
export const benchmark: Benchmark = {
  name: 'cases',
  summary: `search p95 per kind of partial input on the cached 100k-case station, now vs before, interleaved; intake transaction`,
  async run(): Promise<BenchRow[]> {
    const copy = stationCopy('jiuzhu-bench-cases-');
    try {
      const { svc, views, auth } = openCases(copy.dataDir);
      const db = svc.db;
      const sample = db
        .prepare(
          "SELECT p.id_number, p.name, p.initials, p.phone, c.case_no FROM case_party p JOIN case_file c ON c.id = p.case_id WHERE p.role = 'applicant' AND c.case_no IS NOT NULL ORDER BY random() LIMIT ?",
        )
        .all(QUERIES) as Sample[];
      const rows: BenchRow[] = [];
      const today = svc.today();
      for (const [kind, q] of KINDS) {
        const now: number[] = [];
        const before: number[] = [];
        let found = 0;
        const n = kind.includes('tail') || kind.includes('last 4') ? TAIL_QUERIES : QUERIES;
        sample.slice(0, n).forEach((s, i) => {
          const f: SearchFilters = { query: q(s), states: [], types: [], limit: PAGE, offset: 0 };
          for (const old of i % 2 ? [true, false] : [false, true]) {
            const a = performance.now();
            const n = old ? listPageBefore(db, views, f, today) : listPage(db, views, f, today);
            (old ? before : now).push(performance.now() - a);
            if (!old) found += n;
          }
        });
        rows.push(
          row(
            `cases: search p95, ${kind}`,
            `${n} queries, page of ${PAGE}, ${(found / n).toFixed(0)} rows avg`,
            p95(now),
            'ms',
            p95(before),
          ),
        );
      }
      const page: number[] = [];
      const pageBefore: number[] = [];
      for (let i = 0; i < 20; i++) {
        for (const old of i % 2 ? [true, false] : [false, true]) {
          const a = performance.now();
          const f: SearchFilters = { query: '', states: [], types: [], limit: PAGE, offset: 0 };
          if (old) listPageBefore(db, views, f, today);
          else listPage(db, views, f, today);
          (old ? pageBefore : page).push(performance.now() - a);
        }
      }
      rows.push(row(`cases: first list page (${PAGE} rows)`, '20 loads, median', median(page), 'ms', median(pageBefore)));
      const tx: number[] = [];
      const save: number[] = [];
      for (let i = 0; i < 50; i++) {
        const app = { ...syntheticApplication({ seed: 900_000 + i, today, size: 4, type: 'dibao' }), materials: [] };
        const a = performance.now();
        const saved = svc.saveDraft(auth.adminId, { application: app });
        const b = performance.now();
        svc.submit(auth.adminId, saved.caseId, saved.rev);
        tx.push(performance.now() - b);
        save.push(b - a);
      }
      rows.push(row('cases: intake autosave, household of 4', '50 drafts, median', median(save), 'ms'));
      rows.push(row('cases: submit transaction with outbox, household of 4', '50 submits, median', median(tx), 'ms'));
      auth.close();
      return rows;
    } finally {
      copy.cleanup();
    }
  },
};
