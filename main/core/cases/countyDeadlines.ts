import { deadlineFrom, type DeadlineKind } from '../../../common/cases/deadlines';
import type { CountyLimits } from '../../../common/cases/settings';
import type { CaseRepository } from './caseRepo';
import type { CountySettings } from './countySettings';

/** The step that starts a county limit, and the limit's length from the county's settings (null: none set). */
const STARTS: Readonly<Record<string, { kind: DeadlineKind; days: (l: CountyLimits) => number | null }>> = {
  submit: { kind: 'acceptance', days: (l) => l.acceptanceWorkingDays },
  resubmit: { kind: 'acceptance', days: (l) => l.acceptanceWorkingDays },
  object: { kind: 'reopinion', days: (l) => l.reopinionWorkingDays },
  endPublicity: { kind: 'county_decision', days: (l) => l.countyDecisionWorkingDays },
  proposeRefusal: { kind: 'county_decision', days: (l) => l.countyDecisionWorkingDays },
};

/** The steps that meet a county limit. */
const ENDS: Readonly<Record<string, readonly DeadlineKind[]>> = {
  accept: ['acceptance'],
  requestSupplement: ['acceptance'],
  refuseAcceptance: ['acceptance'],
  giveOpinion: ['reopinion'],
  proposeRefusal: ['reopinion'],
  approve: ['county_decision'],
  refuse: ['county_decision'],
};

/**
 * The county's own time limits (CaseSettings.limits) follow the steps of the path, in the step's
 * transaction: submission → 受理 (where the county set one), objection → new 初审意见, sent up →
 * 审核确认. `day` (China date) is the day the count starts from; `at` the instant a limit is met.
 * LegalPath.step calls this for every step on this workstation; the pull of station cases calls
 * it for a step another counter took, so both keep the same deadlines.
 */
export function followCountyDeadlines(
  county: Pick<CountySettings, 'settings' | 'withCalendar'>,
  repo: CaseRepository,
  caseId: string,
  action: string,
  day: string,
  at: string,
): void {
  for (const kind of ENDS[action] ?? []) repo.meetDeadline(caseId, kind, at);
  const start = STARTS[action];
  if (!start) return;
  // The limit in force on the day the count starts (the county's published one from its effective day).
  const days = start.days(county.settings(day).limits);
  if (days === null) return;
  const d = county.withCalendar((c) => deadlineFrom(start.kind, day, days, c));
  repo.setDeadline(caseId, { kind: d.kind, from_date: d.fromDate, working_days: d.workingDays, due_date: d.dueDate, reason: null });
}
