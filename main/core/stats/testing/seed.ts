import { randomUUID } from 'node:crypto';
import { applicationSchema } from '../../../../common/cases/application';
import type { DeadlineKind } from '../../../../common/cases/deadlines';
import type { CaseState } from '../../../../common/cases/stateMachine';
import type { AssistanceType } from '../../../../common/cases/types';
import { documentCategory } from '../../../../common/cases/types';
import { seededRandom } from '../../../../common/random/seeded';
import { addDays } from '../../afterAcceptance/dates';
import type { CaseService } from '../../cases/caseService';
import { seedDemoCases } from '../../cases/demo/seed';
import { syntheticApplication } from '../../cases/demo/synthetic';

/** One case of a statistics fixture, with exactly the dates the figures depend on. */
export interface StatsCase {
  type: AssistanceType;
  state: CaseState;
  staff: string;
  /** ISO instant the case was submitted. */
  submittedAt: string;
  acceptedOn?: string;
  /** ISO instant of the decision event (approve / refuse); the state must be approved or refused. */
  decidedAt?: string;
  deadlines?: Array<{ kind: DeadlineKind; due: string; metAt?: string }>;
  roster?: { amountFen: number; nextReviewOn: string; status: 'active' | 'stopped' };
}

/**
 * Write fixture cases as the case code would leave them (case row with the synthetic household's
 * application, applicant party, timeline with submit and decision events, deadlines, roster row),
 * in one transaction. Tests compute their expectations from the same list, independently.
 */
export function insertStatsCases(svc: CaseService, cases: readonly StatsCase[], seed = 1): string[] {
  const today = svc.today();
  const ids: string[] = [];
  svc.db.transaction(() => {
    cases.forEach((c, i) => {
      const app = applicationSchema.parse(syntheticApplication({ seed: seed * 7919 + i, today, type: c.type }));
      const id = randomUUID();
      ids.push(id);
      const applicant = app.applicant!;
      svc.db
        .prepare(
          `INSERT INTO case_file (id, case_no, state, type, subtype, channel, applicant_id_number, applicant_name, household_size, related_party, version, draft_rev, data, created_at, created_by, updated_at, updated_by, submitted_at, accepted_on, demo)
           VALUES (?, ?, ?, ?, ?, 'counter', ?, ?, ?, 0, 2, 1, ?, ?, ?, ?, ?, ?, ?, 0)`,
        )
        .run(
          id,
          svc.repo.nextCaseNo(svc.station.regionCode, Number(c.submittedAt.slice(0, 4))),
          c.state,
          c.type,
          app.subtype ?? null,
          applicant.idNumber,
          applicant.name,
          app.members.length,
          JSON.stringify(app),
          c.submittedAt,
          c.staff,
          c.decidedAt ?? c.submittedAt,
          c.staff,
          c.submittedAt,
          c.acceptedOn ?? null,
        );
      svc.repo.replaceParties(id, [
        {
          role: 'applicant',
          id_number: applicant.idNumber,
          name: applicant.name,
          initials: 'x',
          phone: applicant.phone ?? null,
          relationship: 'self',
          facts: null,
        },
      ]);
      svc.repo.appendEvent(id, {
        at: c.submittedAt,
        actor_id: c.staff,
        action: 'submit',
        from_state: 'draft',
        to_state: 'submitted',
        note: null,
      });
      if (c.decidedAt)
        svc.repo.appendEvent(id, {
          at: c.decidedAt,
          actor_id: c.staff,
          action: c.state === 'approved' ? 'approve' : 'refuse',
          from_state: 'awaiting_decision',
          to_state: c.state,
          note: null,
        });
      for (const d of c.deadlines ?? []) {
        svc.repo.setDeadline(id, { kind: d.kind, from_date: c.acceptedOn ?? today, working_days: 3, due_date: d.due, reason: null });
        if (d.metAt) svc.repo.meetDeadline(id, d.kind, d.metAt);
      }
      if (c.roster) insertRoster(svc, id, app, c.roster, c.decidedAt ?? c.submittedAt);
    });
  })();
  return ids;
}

function insertRoster(
  svc: CaseService,
  caseId: string,
  app: ReturnType<typeof applicationSchema.parse>,
  r: NonNullable<StatsCase['roster']>,
  at: string,
): void {
  svc.db
    .prepare(
      `INSERT INTO roster (id, case_id, applicant_id_number, applicant_name, category, household_size, amount_fen, since_month, enrolled_on, review_basis, review_months, next_review_on, linked_benefits, status, stopped_on, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'stable', 12, ?, '[]', ?, NULL, ?)`,
    )
    .run(
      randomUUID(),
      caseId,
      app.applicant!.idNumber,
      app.applicant!.name,
      documentCategory(app.type!, app.subtype),
      app.members.length,
      r.amountFen,
      at.slice(0, 7),
      at.slice(0, 10),
      r.nextReviewOn,
      r.status,
      at,
    );
}

/**
 * A station-sized load for the benchmark: `count` demo cases (main/core/cases/demo), then, like
 * the after-acceptance work would, a decision event on every approved or refused one (some
 * working days after acceptance), its deadlines met or missed, and a roster row per approval.
 */
export function seedStatsLoad(svc: CaseService, actor: string, count: number, seed = 7): void {
  seedDemoCases(svc, actor, count, seed);
  const r = seededRandom(seed * 31);
  const counter = svc.counter();
  const decided = svc.db
    .prepare(
      "SELECT id, state, accepted_on, household_size, applicant_id_number, applicant_name, type, subtype FROM case_file WHERE state IN ('approved', 'refused') AND accepted_on IS NOT NULL",
    )
    .all() as Array<{
    id: string;
    state: 'approved' | 'refused';
    accepted_on: string;
    household_size: number;
    applicant_id_number: string;
    applicant_name: string;
    type: AssistanceType;
    subtype: string | null;
  }>;
  const roster = svc.db.prepare(
    `INSERT INTO roster (id, case_id, applicant_id_number, applicant_name, category, household_size, amount_fen, since_month, enrolled_on, review_basis, review_months, next_review_on, linked_benefits, status, stopped_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'stable', 12, ?, '[]', ?, NULL, ?)`,
  );
  const BATCH = 2000;
  for (let start = 0; start < decided.length; start += BATCH) {
    svc.db.transaction(() => {
      for (const c of decided.slice(start, start + BATCH)) {
        const decidedOn = counter.addWorkingDays(c.accepted_on, 5 + Math.floor(r() * 35));
        const at = `${decidedOn}T02:00:00.000Z`;
        svc.repo.appendEvent(c.id, {
          at,
          actor_id: actor,
          action: c.state === 'approved' ? 'approve' : 'refuse',
          from_state: 'awaiting_decision',
          to_state: c.state,
          note: null,
        });
        svc.repo.setDeadline(c.id, {
          kind: 'investigation_start',
          from_date: c.accepted_on,
          working_days: 3,
          due_date: counter.addWorkingDays(c.accepted_on, 3),
          reason: null,
        });
        svc.repo.setDeadline(c.id, {
          kind: 'decision',
          from_date: c.accepted_on,
          working_days: 30,
          due_date: counter.addWorkingDays(c.accepted_on, 30),
          reason: null,
        });
        svc.repo.meetDeadline(
          c.id,
          'investigation_start',
          `${counter.addWorkingDays(c.accepted_on, 1 + Math.floor(r() * 4))}T02:00:00.000Z`,
        );
        svc.repo.meetDeadline(c.id, 'decision', at);
        if (c.state === 'approved') {
          const subtype = (c.subtype ?? undefined) as Parameters<typeof documentCategory>[1];
          roster.run(
            randomUUID(),
            c.id,
            c.applicant_id_number,
            c.applicant_name,
            documentCategory(c.type, subtype),
            c.household_size,
            30_000 + Math.floor(r() * 90_000),
            decidedOn.slice(0, 7),
            decidedOn,
            addDays(decidedOn, 30 + Math.floor(r() * 365)),
            r() < 0.05 ? 'stopped' : 'active',
            at,
          );
        }
      }
    })();
  }
}
