import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../kernel/store/testing/fixtures';
import { seedDemoCases } from './demo/seed';
import { CASE_LIST_COLUMNS, caseFilterWhere, searchCases } from './search';
import { CaseSearchRepo } from './searchRepo';
import { caseStation } from './testing/station';

/**
 * The case list's page as cases.search builds it: the filter and sort over the covering index
 * case_list_cover, only the list's columns read, the next deadlines of the page in one query, the
 * matched parties looked up by the page's case ids — and the same answer as reading each case whole.
 */
let dir: ReturnType<typeof tempDir>;
let env: ReturnType<typeof caseStation>;
beforeEach(() => {
  dir = tempDir();
  env = caseStation(dir.dir, '2026-06-15T02:00:00Z');
  seedDemoCases(env.svc, env.actor, 400, 11);
});
afterEach(() => {
  env.t.auth.close();
  dir.cleanup();
});

const db = () => env.t.station.db;

/** Partial inputs as a clerk types them, taken from the seeded applicants and members. */
function queries(): string[] {
  const parties = db()
    .prepare("SELECT id_number, name, initials FROM case_party WHERE role IN ('applicant', 'member') ORDER BY case_id, id_number LIMIT 12")
    .all() as Array<{ id_number: string; name: string; initials: string }>;
  return [
    ...new Set(parties.flatMap((p) => [p.initials.slice(0, 2), [...p.name][0]!, p.id_number.slice(0, 6), p.id_number.slice(-4), p.name])),
  ].concat(['', '1', '00012']);
}

describe('the case list page', () => {
  it('summaries of the page (one deadline query) equal each case read whole and summarised on its own', () => {
    const today = env.svc.today();
    let compared = 0;
    let withDeadline = 0;
    for (const query of queries()) {
      const found = searchCases(new CaseSearchRepo(db()), { query, states: [], types: [], limit: 50, offset: 0 });
      const batched = env.views.summaries(found.rows, today, 3);
      const one = found.rows.map((r) => env.views.summary(env.svc.mustGet(r.id), today, 3));
      expect(batched, query).toEqual(one);
      compared += batched.length;
      withDeadline += batched.filter((s) => s.nextDeadline).length;
    }
    expect(compared).toBeGreaterThan(200);
    expect(withDeadline).toBeGreaterThan(20);
  });

  it('reads only the list columns, and the matched parties are those the match condition finds among the page’s cases', () => {
    for (const query of queries()) {
      const found = searchCases(new CaseSearchRepo(db()), { query, states: [], types: [], limit: 50, offset: 0 });
      for (const r of found.rows) expect(Object.keys(r).sort()).toEqual([...CASE_LIST_COLUMNS].sort());
      const { partyMatch } = caseFilterWhere({ query, states: [], types: [] });
      if (!partyMatch || found.rows.length === 0) continue;
      const all = db()
        .prepare(`SELECT case_id, role, name, id_number FROM case_party WHERE (${partyMatch.cond})`)
        .all(...partyMatch.params) as Array<{ case_id: string; role: string; name: string; id_number: string }>;
      for (const [caseId, m] of found.matched) {
        const row = found.rows.find((r) => r.id === caseId)!;
        expect(
          all.some((p) => p.case_id === caseId && p.role === m.role && p.name === m.name),
          query,
        ).toBe(true);
        expect(
          all.some((p) => p.case_id === caseId && (p.role === 'applicant' || p.id_number === row.applicant_id_number)),
          query,
        ).toBe(false);
      }
    }
  });

  it('a party match is filtered and sorted over the covering index, never the case rows', () => {
    // The statement searchCases prepares, seen through the plan SQLite makes for it (no ANALYZE here).
    const plans: string[] = [];
    const prepare = db().prepare.bind(db());
    const spy = (sql: string) => {
      if (sql.startsWith('SELECT c.id FROM'))
        plans.push(
          (
            prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...caseFilterWhere({ query: 'zh', states: [], types: [] }).params, 50, 0) as Array<{
              detail: string;
            }>
          )
            .map((r) => r.detail)
            .join(' | '),
        );
      return prepare(sql);
    };
    (db() as unknown as { prepare: typeof spy }).prepare = spy;
    try {
      searchCases(new CaseSearchRepo(db()), { query: 'zh', states: [], types: [], limit: 50, offset: 0 });
    } finally {
      delete (db() as unknown as { prepare?: unknown }).prepare;
    }
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/SEARCH c USING COVERING INDEX case_list_cover \(id=\?\)/);
    expect(plans[0]).not.toMatch(/autoindex/);
  });

  it('a tail (case number running number, last 4 of an ID number) is looked up through its expression index, not by reading every case', () => {
    for (const [query, index] of [
      ['42', 'case_no_seq'],
      ['00042', 'case_no_seq'],
      ['1234', 'case_no_seq'],
      ['1234', 'party_id_last4'],
      ['123X', 'party_id_last4'],
    ] as const) {
      const { clause, params } = caseFilterWhere({ query, states: [], types: [] });
      const plan = (
        db()
          .prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM case_file c ${clause} ORDER BY c.updated_at DESC LIMIT 50`)
          .all(...params) as Array<{ detail: string }>
      )
        .map((r) => r.detail)
        .join(' | ');
      expect(plan, query).toContain(`INDEX ${index} (<expr>=?)`);
      expect(plan, query).not.toMatch(/SCAN c\b/);
    }
    // still finding what they found before: a case by its running number, and by a party's last 4
    const row = db()
      .prepare(
        'SELECT c.id, c.case_no, p.id_number FROM case_file c JOIN case_party p ON p.case_id = c.id WHERE c.case_no IS NOT NULL ORDER BY c.case_no LIMIT 1',
      )
      .get() as { id: string; case_no: string; id_number: string };
    expect(
      searchCases(new CaseSearchRepo(db()), {
        query: String(Number(row.case_no.slice(-5))),
        states: [],
        types: [],
        limit: 50,
        offset: 0,
      }).rows.map((r) => r.id),
    ).toContain(row.id);
    expect(
      searchCases(new CaseSearchRepo(db()), { query: row.id_number.slice(-4), states: [], types: [], limit: 200, offset: 0 }).rows.map(
        (r) => r.id,
      ),
    ).toContain(row.id);
  });
});
