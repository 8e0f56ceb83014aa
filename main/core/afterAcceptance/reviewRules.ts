import type { Application } from '../../../common/cases/application';
import type { RosterSettings } from '../../../common/contract/methods/roster';
import { addMonths, ageOn } from './dates';

export type ReviewBasis = 'stable' | 'irregular' | 'tekun';

/**
 * How often an enrolled household is reviewed (DOMAIN.md, county-configurable): 特困 yearly;
 * households with irregular income (business income) or a working-age member able to work
 * (16–59, not a student, some labour capacity) every 6 months; stable households every 12.
 */
export function reviewBasis(app: Application, on: string): ReviewBasis {
  if (app.type === 'tekun') return 'tekun';
  const members = app.members.filter((m) => !m.excluded);
  const workingAge = members.some((m) => {
    const age = ageOn(m.birthDate, on);
    return age >= 16 && age < 60 && !m.student && m.labourCapacity !== 'none';
  });
  const irregular = app.income.some((i) => i.category === 'business');
  return workingAge || irregular ? 'irregular' : 'stable';
}

/** The first review: `months` after the first paid month. */
export function nextReview(app: Application, sinceMonth: string, decidedOn: string, settings: RosterSettings): { basis: ReviewBasis; months: number; dueOn: string } {
  const basis = reviewBasis(app, decidedOn);
  const months = settings.reviewMonths[basis];
  return { basis, months, dueOn: addMonths(`${sinceMonth}-01`, months) };
}
