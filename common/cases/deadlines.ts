import type { WorkingDayCounter } from '../calendar/workingDays';

/**
 * Statutory time limits of the national measures, counted in working days on the official
 * holiday/调休 calendar: the investigation starts within 3 working days of acceptance; the decision
 * comes within 30 (20 where the township decides under delegation, up to 45 with a recorded
 * reason); a refusal is given in writing within 3 working days of the decision.
 */
export const DEADLINE_KINDS = ['investigation_start', 'decision', 'refusal_notice'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_DAYS = { investigationStart: 3, decision: 30, decisionDelegated: 20, decisionExtended: 45, refusalNotice: 3 } as const;

export interface Deadline {
  kind: DeadlineKind;
  /** The day the count starts from (not itself counted). */
  fromDate: string;
  workingDays: number;
  dueDate: string;
}

export function deadlinesOnAcceptance(acceptedOn: string, counter: WorkingDayCounter, options: { delegated: boolean }): Deadline[] {
  const decisionDays = options.delegated ? DEADLINE_DAYS.decisionDelegated : DEADLINE_DAYS.decision;
  return [
    { kind: 'investigation_start', fromDate: acceptedOn, workingDays: DEADLINE_DAYS.investigationStart, dueDate: counter.addWorkingDays(acceptedOn, DEADLINE_DAYS.investigationStart) },
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
export function dueStatus(dueDate: string, today: string, counter: WorkingDayCounter, soonDays = 3): { status: DueStatus; workingDaysLeft: number } {
  if (today > dueDate) return { status: 'overdue', workingDaysLeft: -counter.workingDaysBetween(dueDate, today) };
  const left = counter.workingDaysBetween(today, dueDate);
  return { status: left <= soonDays ? 'due_soon' : 'on_time', workingDaysLeft: left };
}
