import { randomUUID } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import { applicationSchema } from '../../../../common/cases/application';
import { deadlinesOnAcceptance } from '../../../../common/cases/deadlines';
import type { CaseState } from '../../../../common/cases/stateMachine';
import type { CaseService } from '../caseService';
import { nameInitials } from '../pinyin';
import { seededRandom } from '../../../../common/random/seeded';
import { syntheticApplication } from './synthetic';
import { DemoCaseRepo } from './demoRepo';

const STATES: Array<[CaseState, number]> = [
  ['submitted', 0.1],
  ['needs_supplement', 0.08],
  ['not_accepted', 0.04],
  ['accepted', 0.2],
  ['investigating', 0.2],
  ['publicity', 0.05],
  ['awaiting_decision', 0.08],
  ['approved', 0.2],
  ['refused', 0.03],
  ['withdrawn', 0.02],
];

/**
 * Synthetic cases for demos and benchmarks (`jiuzhu-admin demo seed`): realistic households with
 * valid ID numbers of 重庆 districts, in plausible states with their timeline and deadlines.
 * Written in bulk and marked demo; refused on a station that holds real cases. Demo data never
 * syncs: no outbox rows here, and the outbox skips every later step on a demo case (Outbox.enqueue).
 */
export function seedDemoCases(svc: CaseService, actor: string, count: number, seed = 1): { created: number } {
  const real = svc.repo.countNonDemo();
  if (real > 0) throw new JiuzhuError('CASE_DEMO_REFUSED', { count: String(real) });
  const r = seededRandom(seed);
  const today = svc.today();
  const now = Date.parse(svc.now());
  const year = Number(today.slice(0, 4));
  const settings = svc.settings();
  const counter = svc.counter();
  const BATCH = 2000;
  const repo = svc.repo;
  const demo = new DemoCaseRepo(repo.db);
  const initials = new Map<string, string>();
  const initialsOf = (name: string) => {
    let v = initials.get(name);
    if (v === undefined) initials.set(name, (v = nameInitials(name)));
    return v;
  };
  for (let start = 0; start < count; start += BATCH) {
    repo.db.transaction(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const app = applicationSchema.parse(syntheticApplication({ seed: seed * 1_000_003 + i, today }));
        let pick = r();
        let state: CaseState = 'submitted';
        for (const [s, p] of STATES) {
          if ((pick -= p) <= 0) {
            state = s;
            break;
          }
        }
        const id = randomUUID();
        const at = new Date(now - Math.floor(r() * 120) * 86_400_000 - Math.floor(r() * 8 * 3_600_000)).toISOString();
        const acceptedOn = at.slice(0, 10);
        demo.addCase({
          id,
          caseNo: repo.nextCaseNo(svc.station.regionCode, year),
          state,
          type: app.type ?? null,
          subtype: app.subtype ?? null,
          applicantIdNumber: app.applicant!.idNumber,
          applicantName: app.applicant!.name,
          householdSize: app.members.length,
          data: JSON.stringify(app),
          at,
          actor,
          acceptedOn: ['submitted', 'needs_supplement', 'not_accepted'].includes(state) ? null : acceptedOn,
        });
        const applicant = app.applicant!;
        demo.addParty(id, {
          role: 'applicant',
          idNumber: applicant.idNumber,
          name: applicant.name,
          initials: initialsOf(applicant.name),
          phone: applicant.phone ?? null,
          relationship: 'self',
        });
        for (const m of app.members)
          demo.addParty(id, {
            role: 'member',
            idNumber: m.idNumber,
            name: m.name,
            initials: initialsOf(m.name),
            phone: m.phone ?? null,
            relationship: m.relationship,
          });
        repo.appendEvent(id, { at, actor_id: actor, action: 'create', from_state: null, to_state: 'draft', note: null });
        repo.appendEvent(id, { at, actor_id: actor, action: 'submit', from_state: 'draft', to_state: 'submitted', note: null });
        if (state === 'accepted' || state === 'investigating') {
          for (const d of deadlinesOnAcceptance(acceptedOn, counter, { delegated: settings.decisionDelegated }))
            if (!(state === 'investigating' && d.kind === 'investigation_start'))
              repo.setDeadline(id, {
                kind: d.kind,
                from_date: d.fromDate,
                working_days: d.workingDays,
                due_date: d.dueDate,
                reason: null,
              });
        }
      }
    })();
  }
  return { created: count };
}
