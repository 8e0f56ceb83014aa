import type { Application } from '../../../common/cases/application';
import type { RosterSettings } from '../../../common/contract/methods/afterAcceptance/roster';
import { addMonths, ageOn } from './dates';

export type ReviewBasis = 'stable' | 'irregular' | 'tekun' | 'monitoring';

/**
 * How often an enrolled household is reviewed (DOMAIN.md, county-configurable): 特困 yearly;
 * households with irregular income (business income) or a working-age member able to work
 * (16–59, not a student, some labour capacity) every 6 months; stable households every 12.
 * 低保边缘 and 刚性支出困难 households follow the monitoring period (刚性支出困难家庭认定办法: valid
 * 12 months at most), not 低保's.
 */
export function reviewBasis(app: Application, on: string): ReviewBasis {
  if (app.type === 'tekun') return 'tekun';
  if (app.type === 'marginal' || app.type === 'rigid') return 'monitoring';
  const members = app.members.filter((m) => !m.excluded);
  const workingAge = members.some((m) => {
    const age = ageOn(m.birthDate, on);
    return age >= 16 && age < 60 && !m.student && m.labourCapacity !== 'none';
  });
  const irregular = app.income.some((i) => i.category === 'business');
  return workingAge || irregular ? 'irregular' : 'stable';
}

/** The first review: `months` after the first paid month. */
export function nextReview(
  app: Application,
  sinceMonth: string,
  decidedOn: string,
  settings: RosterSettings,
): { basis: ReviewBasis; months: number; dueOn: string } {
  const basis = reviewBasis(app, decidedOn);
  const months = settings.reviewMonths[basis];
  return { basis, months, dueOn: addMonths(`${sinceMonth}-01`, months) };
}
