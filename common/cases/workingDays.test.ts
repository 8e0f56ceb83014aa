import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holidayCalendarSchema } from '../calendar/schema';
import { workingDayCounter } from '../calendar/workingDays';
import { deadlinesOnAcceptance, dueStatus, extendedDecision, refusalNoticeDeadline } from './deadlines';

const calendar = holidayCalendarSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/calendar/cn-holidays.json'), 'utf8')),
);
const counter = workingDayCounter(calendar);
const due = (kind: string, list: Array<{ kind: string; dueDate: string }>) => list.find((d) => d.kind === kind)!.dueDate;

describe('case deadlines on the official calendar', () => {
  it('across the 2026 Spring Festival: accepted Thu 12 Feb, Sat 14 Feb is a 调休 working day, 15–23 Feb are off', () => {
    const d = deadlinesOnAcceptance('2026-02-12', counter, { delegated: false });
    // 13 Feb (Fri), 14 Feb (Sat, 调休), 24 Feb (Tue) are the next three working days.
    expect(due('investigation_start', d)).toBe('2026-02-24');
    // 30 working days: 13, 14, then 24–27 Feb (4), 28 Feb (Sat, 调休) … counted one by one below.
    const days: string[] = [];
    for (let date = '2026-02-12'; days.length < 30;) {
      const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      date = next;
      if (counter.isWorkingDay(date)) days.push(date);
    }
    expect(days.slice(0, 4)).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25']);
    expect(days).toContain('2026-02-28');
    expect(due('decision', d)).toBe(days[29]);
    // 13, 14 Feb; 24–27 Feb; 28 Feb (调休) = 7; 2–27 Mar = 27; 30, 31 Mar, 1 Apr = 30.
    expect(due('decision', d)).toBe('2026-04-01');
  });

  it('delegated decisions take 20 working days; an extension 45', () => {
    expect(due('decision', deadlinesOnAcceptance('2026-02-12', counter, { delegated: true }))).toBe('2026-03-18');
    expect(extendedDecision('2026-02-12', counter).dueDate).toBe('2026-04-23'); // across 清明 (4–6 Apr off)
  });

  it('across National Day 2025 (1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked)', () => {
    const d = deadlinesOnAcceptance('2025-09-26', counter, { delegated: false });
    // Sat 27 Sep off; Sun 28 Sep 调休; Mon 29, Tue 30 → three working days.
    expect(due('investigation_start', d)).toBe('2025-09-30');
    expect(refusalNoticeDeadline('2025-09-30', counter).dueDate).toBe('2025-10-11');
    // From 30 Sep: 9 Oct (Thu), 10 Oct (Fri), 11 Oct (Sat 调休) are the three working days.
    expect(refusalNoticeDeadline('2025-09-30', counter).dueDate).not.toBe('2025-10-03');
    expect(refusalNoticeDeadline('2025-10-09', counter).dueDate).toBe('2025-10-13');
  });

  it('due soon and overdue are counted in working days', () => {
    expect(dueStatus('2026-02-24', '2026-02-13', counter)).toEqual({ status: 'due_soon', workingDaysLeft: 2 });
    expect(dueStatus('2026-04-01', '2026-02-13', counter).status).toBe('on_time');
    expect(dueStatus('2026-02-24', '2026-02-24', counter)).toEqual({ status: 'due_soon', workingDaysLeft: 0 });
    expect(dueStatus('2026-02-24', '2026-02-26', counter)).toEqual({ status: 'overdue', workingDaysLeft: -2 });
  });
});
