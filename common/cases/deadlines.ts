import type { WorkingDayCounter } from '../calendar/workingDays';
import { COUNTY_LIMIT_DEFAULTS } from './settings';

/**
 * Time limits, counted in working days on the official holiday/调休 calendar.
 *
 * National (最低生活保障审核确认办法 2021): the investigation starts within 3 working days of
 * 受理 (art. 15); the whole 审核确认 takes 30 working days from 受理, up to 45 with a recorded
 * reason (art. 22); a refusal is given in writing within 3 working days of the decision (art. 21).
 *
 * County settings (`CaseSettings.limits`, common/cases/settings.ts): the shorter limit where the
 * township decides under delegation (`decision`, commonly 20); the new 初审意见 after an objection
 * to 公示 (`reopinion`, commonly 15, as 特困人员认定办法 art. 15); the county's 审核确认 once the
 * case is sent up (`county_decision`, 10 as 审核确认办法 art. 20); and any local limit from
 * submission to 受理 (`acceptance`, none unless set); and, after a 临时救助 先行救助, the papers
 * (`relief_papers`, `CaseSettings.relief.advancePapersWorkingDays`, met by the 初审意见).
 */
export const DEADLINE_KINDS = [
  'acceptance',
  'investigation_start',
  'reopinion',
  'county_decision',
  'decision',
  'refusal_notice',
  'relief_papers',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_DAYS = { investigationStart: 3, decision: 30, decisionExtended: 45, refusalNotice: 3 } as const;

export interface Deadline {
  kind: DeadlineKind;
  /** The day the count starts from (not itself counted). */
  fromDate: string;
  workingDays: number;
  dueDate: string;
}

/** `delegatedWorkingDays`: the county's limit where the township decides (CaseSettings.limits). */
export interface DecisionLimit {
  delegated: boolean;
  delegatedWorkingDays?: number;
}

/** The decision limit in force: national 30, or the county's own where the decision is delegated. */
export const decisionWorkingDays = (o: DecisionLimit): number =>
  o.delegated ? (o.delegatedWorkingDays ?? COUNTY_LIMIT_DEFAULTS.delegatedDecisionWorkingDays) : DEADLINE_DAYS.decision;

/** A limit of `workingDays` counted from `fromDate`. */
export const deadlineFrom = (kind: DeadlineKind, fromDate: string, workingDays: number, counter: WorkingDayCounter): Deadline => ({
  kind,
  fromDate,
  workingDays,
  dueDate: counter.addWorkingDays(fromDate, workingDays),
});

export function deadlinesOnAcceptance(acceptedOn: string, counter: WorkingDayCounter, options: DecisionLimit): Deadline[] {
  const decisionDays = decisionWorkingDays(options);
  return [
    {
      kind: 'investigation_start',
      fromDate: acceptedOn,
      workingDays: DEADLINE_DAYS.investigationStart,
      dueDate: counter.addWorkingDays(acceptedOn, DEADLINE_DAYS.investigationStart),
    },
    { kind: 'decision', fromDate: acceptedOn, workingDays: decisionDays, dueDate: counter.addWorkingDays(acceptedOn, decisionDays) },
  ];
}

/** The decision limit extended to 45 working days from acceptance (a reason must be recorded). */
export const extendedDecision = (acceptedOn: string, counter: WorkingDayCounter): Deadline => ({
  kind: 'decision',
  fromDate: acceptedOn,
  workingDays: DEADLINE_DAYS.decisionExtended,
  dueDate: counter.addWorkingDays(acceptedOn, DEADLINE_DAYS.decisionExtended),
});

export const refusalNoticeDeadline = (decidedOn: string, counter: WorkingDayCounter): Deadline => ({
  kind: 'refusal_notice',
  fromDate: decidedOn,
  workingDays: DEADLINE_DAYS.refusalNotice,
  dueDate: counter.addWorkingDays(decidedOn, DEADLINE_DAYS.refusalNotice),
});

export type DueStatus = 'overdue' | 'due_soon' | 'on_time';

/** Overdue after its due date; due soon when at most `soonDays` working days remain (due today counts as 0 left). */
export function dueStatus(
  dueDate: string,
  today: string,
  counter: WorkingDayCounter,
  soonDays = 3,
): { status: DueStatus; workingDaysLeft: number } {
  if (today > dueDate) return { status: 'overdue', workingDaysLeft: -counter.workingDaysBetween(dueDate, today) };
  const left = counter.workingDaysBetween(today, dueDate);
  return { status: left <= soonDays ? 'due_soon' : 'on_time', workingDaysLeft: left };
}
