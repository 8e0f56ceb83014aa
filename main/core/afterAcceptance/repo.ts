import { rosterSettingsSchema, type RosterSettings } from '../../../common/contract/methods/afterAcceptance/roster';
import type { Db } from '../kernel/store/types';

/** `opinion_id`: the disputed opinion a re-investigation visit answers (NULL for the first investigation). */
export interface VisitRow {
  id: string;
  case_id: string;
  visited_on: string;
  staff: string;
  family_present: string;
  housing: string;
  assets: string;
  living_conditions: string;
  findings: string;
  recorded_at: string;
  recorded_by: string;
  opinion_id: string | null;
}
/** One 初审意见, numbered per case; `posted` = 1 when it went to 公示 (from … to), ended without objection on `ended_on`. */
export interface OpinionRow {
  id: string;
  case_id: string;
  round: number;
  proposal: 'approve' | 'refuse';
  amount_fen: number | null;
  reasons: string;
  community: string;
  posted: 0 | 1;
  publicity_from: string | null;
  publicity_to: string | null;
  ended_on: string | null;
  given_at: string;
  given_by: string;
}
export interface ObjectionRow {
  id: string;
  case_id: string;
  opinion_id: string;
  objector: string;
  content: string;
  received_on: string;
  recorded_at: string;
  recorded_by: string;
}
export interface ReviewRow {
  id: string;
  case_id: string;
  kind: 'review' | 'reinvestigate';
  held_on: string;
  participants: string;
  outcome: string;
  summary: string;
  recorded_at: string;
  recorded_by: string;
  opinion_id: string | null;
}
export interface DecisionRow {
  id: string;
  case_id: string;
  source: 'platform' | 'local';
  outcome: 'approved' | 'refused';
  amount_fen: number | null;
  start_month: string | null;
  reasons: string;
  legal_basis: string;
  linked_benefits: string;
  status: 'applied' | 'refused';
  refusal_code: string | null;
  refusal: string | null;
  received_at: string;
  decided_by: string;
  /** 临时救助: the grant's form, in-kind text and instalments (JSON); null otherwise. */ relief: string | null;
}
export interface RosterDbRow {
  id: string;
  case_id: string;
  applicant_id_number: string;
  applicant_name: string;
  category: string;
  household_size: number;
  amount_fen: number;
  monthly: 0 | 1;
  since_month: string;
  enrolled_on: string;
  review_basis: 'stable' | 'irregular' | 'tekun' | 'monitoring';
  review_months: number;
  next_review_on: string;
  linked_benefits: string;
  status: 'active' | 'stopped';
  stopped_on: string | null;
  updated_at: string;
}
export interface WarningDbRow {
  id: string;
  type: string;
  id_number: string;
  detail: string | null;
  received_at: string;
  due_on: string;
  status: 'open' | 'verified' | 'closed' | 'not_on_roster';
  roster_id: string | null;
  assigned_to: string | null;
  assigned_at: string | null;
  verification: string | null;
  outcome: 'no_change' | 'adjust' | 'stop' | null;
  outcome_reasons: string | null;
  closed_at: string | null;
  closed_by: string | null;
  monitoring_id: string | null;
}

const SETTINGS_KEY = 'roster.settings';

/** SQL of the after-acceptance tables (migration 0400). Callers own the transactions. */
export class AfterAcceptanceRepo {
  constructor(private readonly db: Db) {}

  insertVisit(r: VisitRow): void {
    this.db
      .prepare(
        'INSERT INTO case_visit (id, case_id, visited_on, staff, family_present, housing, assets, living_conditions, findings, recorded_at, recorded_by, opinion_id) VALUES (@id, @case_id, @visited_on, @staff, @family_present, @housing, @assets, @living_conditions, @findings, @recorded_at, @recorded_by, @opinion_id)',
      )
      .run(r);
  }
  visits(caseId: string): VisitRow[] {
    return this.db.prepare('SELECT * FROM case_visit WHERE case_id = ? ORDER BY recorded_at').all(caseId) as VisitRow[];
  }
  insertOpinion(r: OpinionRow): void {
    this.db
      .prepare(
        'INSERT INTO case_opinion (id, case_id, round, proposal, amount_fen, reasons, community, posted, publicity_from, publicity_to, ended_on, given_at, given_by) VALUES (@id, @case_id, @round, @proposal, @amount_fen, @reasons, @community, @posted, @publicity_from, @publicity_to, @ended_on, @given_at, @given_by)',
      )
      .run(r);
  }
  opinions(caseId: string): OpinionRow[] {
    return this.db.prepare('SELECT * FROM case_opinion WHERE case_id = ? ORDER BY round').all(caseId) as OpinionRow[];
  }
  /** The 公示 of an opinion closed without objection on `day`. */
  endOpinion(id: string, day: string): void {
    this.db.prepare('UPDATE case_opinion SET ended_on = ? WHERE id = ?').run(day, id);
  }
  insertObjection(r: ObjectionRow): void {
    this.db
      .prepare(
        'INSERT INTO case_objection (id, case_id, opinion_id, objector, content, received_on, recorded_at, recorded_by) VALUES (@id, @case_id, @opinion_id, @objector, @content, @received_on, @recorded_at, @recorded_by)',
      )
      .run(r);
  }
  objections(caseId: string): ObjectionRow[] {
    return this.db.prepare('SELECT * FROM case_objection WHERE case_id = ? ORDER BY recorded_at').all(caseId) as ObjectionRow[];
  }
  insertReview(r: ReviewRow): void {
    this.db
      .prepare(
        'INSERT INTO case_review (id, case_id, kind, held_on, participants, outcome, summary, recorded_at, recorded_by, opinion_id) VALUES (@id, @case_id, @kind, @held_on, @participants, @outcome, @summary, @recorded_at, @recorded_by, @opinion_id)',
      )
      .run(r);
  }
  reviews(caseId: string): ReviewRow[] {
    return this.db.prepare('SELECT * FROM case_review WHERE case_id = ? ORDER BY recorded_at').all(caseId) as ReviewRow[];
  }
  insertDecision(r: DecisionRow): void {
    this.db
      .prepare(
        'INSERT INTO case_decision (id, case_id, source, outcome, amount_fen, start_month, reasons, legal_basis, linked_benefits, status, refusal_code, refusal, received_at, decided_by, relief) VALUES (@id, @case_id, @source, @outcome, @amount_fen, @start_month, @reasons, @legal_basis, @linked_benefits, @status, @refusal_code, @refusal, @received_at, @decided_by, @relief)',
      )
      .run(r);
  }
  decision(id: string): DecisionRow | undefined {
    return this.db.prepare('SELECT * FROM case_decision WHERE id = ?').get(id) as DecisionRow | undefined;
  }
  deleteDecision(id: string): void {
    this.db.prepare('DELETE FROM case_decision WHERE id = ?').run(id);
  }
  hasDecision(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM case_decision WHERE id = ?').get(id) !== undefined;
  }
  decisions(caseId: string): DecisionRow[] {
    return this.db.prepare('SELECT * FROM case_decision WHERE case_id = ? ORDER BY received_at').all(caseId) as DecisionRow[];
  }
  insertRoster(r: RosterDbRow, members: string[]): void {
    this.db
      .prepare(
        'INSERT INTO roster (id, case_id, applicant_id_number, applicant_name, category, household_size, amount_fen, monthly, since_month, enrolled_on, review_basis, review_months, next_review_on, linked_benefits, status, stopped_on, updated_at) VALUES (@id, @case_id, @applicant_id_number, @applicant_name, @category, @household_size, @amount_fen, @monthly, @since_month, @enrolled_on, @review_basis, @review_months, @next_review_on, @linked_benefits, @status, @stopped_on, @updated_at)',
      )
      .run(r);
    const add = this.db.prepare('INSERT OR IGNORE INTO roster_member (roster_id, id_number) VALUES (?, ?)');
    for (const m of members) add.run(r.id, m);
  }
  roster(id: string): RosterDbRow | undefined {
    return this.db.prepare('SELECT * FROM roster WHERE id = ?').get(id) as RosterDbRow | undefined;
  }
  rosterOfCase(caseId: string): RosterDbRow | undefined {
    return this.db.prepare('SELECT * FROM roster WHERE case_id = ?').get(caseId) as RosterDbRow | undefined;
  }
  /** The active enrolment a person belongs to, if any. */
  activeRosterOf(idNumber: string): RosterDbRow | undefined {
    return this.db
      .prepare("SELECT r.* FROM roster r JOIN roster_member m ON m.roster_id = r.id WHERE m.id_number = ? AND r.status = 'active' LIMIT 1")
      .get(idNumber) as RosterDbRow | undefined;
  }
  rosterList(filter: { activeOnly: boolean; dueBy?: string; limit: number }): RosterDbRow[] {
    const where = [filter.activeOnly ? "status = 'active'" : '1', filter.dueBy ? 'next_review_on <= @dueBy' : '1'].join(' AND ');
    return this.db
      .prepare(`SELECT * FROM roster WHERE ${where} ORDER BY status, next_review_on LIMIT @limit`)
      .all({ limit: filter.limit, ...(filter.dueBy ? { dueBy: filter.dueBy } : {}) }) as RosterDbRow[];
  }
  rosterCounts(today: string, soon: string): { active: number; due: number; overdue: number } {
    return this.db
      .prepare(
        "SELECT count(*) AS active, coalesce(sum(next_review_on <= @soon), 0) AS due, coalesce(sum(next_review_on < @today), 0) AS overdue FROM roster WHERE status = 'active'",
      )
      .get({ today, soon }) as { active: number; due: number; overdue: number };
  }
  updateRoster(
    id: string,
    set: { amount_fen?: number; status?: 'active' | 'stopped'; stopped_on?: string | null; updated_at: string },
  ): void {
    const cols = Object.keys(set)
      .map((k) => `${k} = @${k}`)
      .join(', ');
    this.db.prepare(`UPDATE roster SET ${cols} WHERE id = @id`).run({ ...set, id });
  }
  insertWarning(r: WarningDbRow): boolean {
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO warning (id, type, id_number, detail, received_at, due_on, status, roster_id, assigned_to, assigned_at, verification, outcome, outcome_reasons, closed_at, closed_by, monitoring_id) VALUES (@id, @type, @id_number, @detail, @received_at, @due_on, @status, @roster_id, @assigned_to, @assigned_at, @verification, @outcome, @outcome_reasons, @closed_at, @closed_by, @monitoring_id)',
        )
        .run(r).changes === 1
    );
  }
  warning(id: string): WarningDbRow | undefined {
    return this.db.prepare('SELECT * FROM warning WHERE id = ?').get(id) as WarningDbRow | undefined;
  }
  warnings(status?: string): WarningDbRow[] {
    return (
      status
        ? this.db.prepare('SELECT * FROM warning WHERE status = ? ORDER BY due_on').all(status)
        : this.db.prepare("SELECT * FROM warning ORDER BY status = 'closed', due_on").all()
    ) as WarningDbRow[];
  }
  updateWarning(id: string, set: Partial<Omit<WarningDbRow, 'id'>>): void {
    const cols = Object.keys(set)
      .map((k) => `${k} = @${k}`)
      .join(', ');
    this.db.prepare(`UPDATE warning SET ${cols} WHERE id = @id`).run({ ...set, id });
  }

  settings(): RosterSettings {
    const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
    const parsed = row ? rosterSettingsSchema.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : rosterSettingsSchema.parse({});
  }
  putSettings(s: RosterSettings): void {
    this.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(SETTINGS_KEY, JSON.stringify(rosterSettingsSchema.parse(s)));
  }
}
