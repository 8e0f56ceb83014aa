import type { WorkingDayCounter } from '../../../common/calendar/workingDays';
import { addDays } from '../afterAcceptance/dates';

/**
 * Working days between many pairs of dates in O(1) each: the ordinal of every day of the span
 * (how many working days up to and including it), counted once on the official calendar.
 * `between(a, b)` equals `counter.workingDaysBetween(a, b)` for dates inside the span.
 */
export function workingDayIndex(counter: WorkingDayCounter, first: string, last: string): { between(from: string, to: string): number } {
  const ordinal = new Map<string, number>();
  let n = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (counter.isWorkingDay(d)) n++;
    ordinal.set(d, n);
  }
  return {
    between(from, to) {
      if (to <= from) return 0;
      const a = ordinal.get(from);
      const b = ordinal.get(to);
      return a === undefined || b === undefined ? counter.workingDaysBetween(from, to) : b - a;
    },
  };
}
