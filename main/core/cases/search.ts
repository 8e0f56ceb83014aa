import { normalizeIdNumber } from '../../../common/idnumber/check';
import type { CaseRow } from './caseRepo';
import type { CaseSearchRepo } from './searchRepo';
import { CASE_NO_PREFIX } from './caseNumber';

export type QueryKind = 'all' | 'idNumber' | 'phone' | 'caseNo' | 'tail' | 'name' | 'initials';

export interface SearchFilters {
  query: string;
  states: string[];
  types: string[];
  /** Case ids limited to running deadlines before this date (overdue) or up to it (due soon). */
  deadline?: { before?: string; from?: string; until?: string } | undefined;
  staffId?: string | undefined;
  relatedParty?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * What the clerk typed: a case number, the tail of one ("42", "00042"; four characters also match
 * the last 4 of an ID number), an ID number (or its start, 6 digits or more), a mobile number,
 * pinyin initials, or a name.
 */
export function classify(raw: string): { kind: QueryKind; value: string } {
  const q = raw.trim();
  if (q === '') return { kind: 'all', value: '' };
  if (CASE_NO_PREFIX.test(q)) return { kind: 'caseNo', value: q };
  if (/^\d{1,5}$/.test(q) || /^\d{3}[xX]$/.test(q)) return { kind: 'tail', value: q.toUpperCase() };
  if (/^1[3-9]\d{9}$/.test(q)) return { kind: 'phone', value: q };
  const id = normalizeIdNumber(q);
  if (/^\d{4,17}[\dX]?$/.test(id)) return { kind: 'idNumber', value: id };
  if (/^[a-zA-Z]{1,10}$/.test(q)) return { kind: 'initials', value: q.toLowerCase() };
  return { kind: 'name', value: q };
}

const UPPER = '\u{10FFFF}';
/** The most party matches a prefix query considers (see searchCases). */
export const BROAD_CAP = 1000;

/** The case list's filters without paging: what the search and the Excel export of the list share. */
export type CaseFilters = Omit<SearchFilters, 'limit' | 'offset'>;

/**
 * The WHERE clause (alias `c` for case_file) of the case list's filters, over indexed columns:
 * case_party holds applicant, members, supporters and agents; prefix matches are index range scans.
 */
export function caseFilterWhere(f: CaseFilters): { clause: string; params: unknown[]; kind: QueryKind; partyMatch: PartyMatch | null } {
  const { kind, value } = classify(f.query);
  const where: string[] = [];
  const params: unknown[] = [];
  let partyMatch: PartyMatch | null = null;
  // Broad prefix queries (two pinyin letters, a surname, the first digits of a number) may match
  // tens of thousands of parties: at most BROAD_CAP of them are considered, so a search never
  // sorts the whole station; the clerk narrows the query when the list says 1000+.
  const party = (cond: string, ...p: unknown[]) => {
    where.push(`c.id IN (SELECT case_id FROM case_party WHERE ${cond} LIMIT ${BROAD_CAP})`);
    params.push(...p);
    partyMatch = { cond, params: p };
  };
  switch (kind) {
    case 'idNumber':
      if (value.length === 18) party('id_number = ?', value);
      else party('id_number >= ? AND id_number < ?', value, value + UPPER);
      break;
    case 'phone':
      party('phone = ?', value);
      break;
    case 'initials':
      party('initials >= ? AND initials < ?', value, value + UPPER);
      break;
    case 'name':
      party('name >= ? AND name < ?', value, value + UPPER);
      break;
    case 'caseNo':
      where.push('c.case_no >= ? AND c.case_no < ?');
      params.push(value, value + UPPER);
      break;
    case 'tail': {
      // The case number's last part (its running number) equals the digits typed; four characters
      // are also the last 4 of any party's ID number (applicant, member, supporter, agent).
      const seq = /^\d+$/.test(value) ? Number(value) : null;
      const byNo = `CAST(substr(c.case_no, length(rtrim(c.case_no, '0123456789')) + 1) AS INTEGER) = ?`;
      if (value.length === 4) {
        const cond = 'substr(id_number, -4) = ?';
        where.push(
          `(${seq !== null ? `(c.case_no IS NOT NULL AND ${byNo}) OR ` : ''}c.id IN (SELECT case_id FROM case_party WHERE ${cond} LIMIT ${BROAD_CAP}))`,
        );
        params.push(...(seq !== null ? [seq] : []), value);
        partyMatch = { cond, params: [value] };
      } else {
        where.push(`c.case_no IS NOT NULL AND ${byNo}`);
        params.push(seq);
      }
      break;
    }
    case 'all':
      break;
  }
  if (f.states.length) {
    where.push(`c.state IN (${f.states.map(() => '?').join(',')})`);
    params.push(...f.states);
  } else where.push("c.state NOT IN ('discarded')");
  if (f.types.length) {
    where.push(`c.type IN (${f.types.map(() => '?').join(',')})`);
    params.push(...f.types);
  }
  if (f.staffId) {
    where.push('c.created_by = ?');
    params.push(f.staffId);
  }
  if (f.relatedParty !== undefined) {
    where.push('c.related_party = ?');
    params.push(f.relatedParty ? 1 : 0);
  }
  if (f.deadline?.before) {
    where.push('c.id IN (SELECT case_id FROM case_deadline WHERE met_at IS NULL AND due_date < ?)');
    params.push(f.deadline.before);
  }
  if (f.deadline?.from && f.deadline.until) {
    where.push('c.id IN (SELECT case_id FROM case_deadline WHERE met_at IS NULL AND due_date >= ? AND due_date <= ?)');
    params.push(f.deadline.from, f.deadline.until);
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params, kind, partyMatch };
}

/** The condition on case_party rows that made a case match (null when the query is not about a person). */
export interface PartyMatch {
  cond: string;
  params: unknown[];
}

/** A case found through someone other than its applicant: that person's role and name. */
export interface MatchedParty {
  role: 'member' | 'supporter' | 'agent';
  name: string;
}

/** The columns of a case a list shows (CaseViews.summary): not the application JSON, which spans overflow pages. */
export const CASE_LIST_COLUMNS = [
  'id',
  'case_no',
  'state',
  'type',
  'subtype',
  'channel',
  'applicant_name',
  'applicant_id_number',
  'household_size',
  'related_party',
  'version',
  'created_at',
  'updated_at',
  'created_by',
] as const;
export type CaseListRow = Pick<CaseRow, (typeof CASE_LIST_COLUMNS)[number]>;

/**
 * Kinds whose cases come from `c.id IN (party match)`: their filter and sort go through
 * case_list_cover (named, so a station without ANALYZE statistics does not pick the primary key's
 * index and read every row instead).
 */
const PARTY_KINDS: ReadonlySet<QueryKind> = new Set(['idNumber', 'phone', 'initials', 'name']);

/**
 * Case search (see caseFilterWhere), newest first, with filters. The index lives inside the
 * encrypted database.
 */
export function searchCases(
  repo: CaseSearchRepo,
  f: SearchFilters,
): { rows: CaseListRow[]; total: number; kind: QueryKind; matched: Map<string, MatchedParty> } {
  const { clause, params, kind, partyMatch } = caseFilterWhere(f);
  // Sort ids only, then read the page's rows: a case row carries the whole application, and sorting a
  // thousand of them for one page of twenty is what made broad queries slow. The filter and the sort
  // read case_list_cover (id, state, updated_at; migration 0730), never the rows themselves.
  const from = `case_file c${PARTY_KINDS.has(kind) ? ' INDEXED BY case_list_cover' : ''}`;
  const ids = repo.pageIds(from, clause, params, f.limit, f.offset);
  const byId = new Map(repo.listRows(ids).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)!);
  const total = rows.length < f.limit && f.offset === 0 ? rows.length : repo.count(from, clause, params);
  return { rows, total, kind, matched: partyMatch ? matchedParties(repo, rows, partyMatch) : new Map() };
}

const ROLE_ORDER = ['member', 'supporter', 'agent'] as const;

/**
 * For each case of the page that matched through a person: when that person is not the applicant
 * (the applicant also has a member row of their own), the first other party who matched.
 */
function matchedParties(repo: CaseSearchRepo, rows: CaseListRow[], m: PartyMatch): Map<string, MatchedParty> {
  const out = new Map<string, MatchedParty>();
  if (rows.length === 0) return out;
  const hits = repo.partiesMatching(
    rows.map((r) => r.id),
    m.cond,
    m.params,
  );
  for (const row of rows) {
    const mine = hits.filter((h) => h.case_id === row.id);
    if (mine.length === 0 || mine.some((h) => h.role === 'applicant' || h.id_number === row.applicant_id_number)) continue;
    for (const role of ROLE_ORDER) {
      const h = mine.find((x) => x.role === role);
      if (h) {
        out.set(row.id, { role, name: h.name });
        break;
      }
    }
  }
  return out;
}
