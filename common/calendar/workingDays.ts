import { isoDate } from '../format/dates';

/**
 * Working days under the official holiday and 调休 calendar: a weekday is a working day unless
 * it is a public holiday; a weekend day is a working day only when it is a 调休 make-up day.
 * Deadlines of the national measures (3, 20, 30, 45 working days) are counted with this.
 */
export interface HolidayCalendar {
  /** Years the calendar covers; counting outside them is refused, never guessed. */
  years: number[];
  /** YYYY-MM-DD public holidays (days off that would otherwise be working days, and the festival days). */
  holidays: string[];
  /** YYYY-MM-DD weekend days that are working days (调休). */
  workdays: string[];
}

export class CalendarGapError extends Error {
  constructor(readonly year: number) {
    super(`the working-day calendar has no data for ${year}`);
    this.name = 'CalendarGapError';
  }
}

export interface WorkingDayCounter {
  isWorkingDay(date: string): boolean;
  /** Whether the calendar has the official arrangement for this date's year. */
  covers(date: string): boolean;
  /** The date `n` working days after `start` (start itself not counted). */
  addWorkingDays(start: string, n: number): string;
  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number;
}

const parse = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const format = (date: Date) => isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
const nextDay = (date: string) => {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return format(d);
};

export interface CounterOptions {
  /**
   * Years the calendar lacks (the next year's arrangement is published late in the year):
   * 'refuse' throws CalendarGapError; 'weekdays' counts Monday–Friday, and callers mark the
   * result provisional with `covers` until the platform sends the year's calendar.
   */
  unknownYears?: 'refuse' | 'weekdays';
}

export function workingDayCounter(calendar: HolidayCalendar, options: CounterOptions = {}): WorkingDayCounter {
  const unknownYears = options.unknownYears ?? 'refuse';
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  const years = new Set(calendar.years);

  const isWorkingDay = (date: string): boolean => {
    const year = Number(date.slice(0, 4));
    if (!years.has(year) && unknownYears === 'refuse') throw new CalendarGapError(year);
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = parse(date).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  return {
    isWorkingDay,
    covers: (date) => years.has(Number(date.slice(0, 4))),
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError('addWorkingDays needs a whole number ≥ 0');
      let date = start;
      let left = n;
      while (left > 0) {
        date = nextDay(date);
        if (isWorkingDay(date)) left--;
      }
      return date;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let date = nextDay(from); date <= to; date = nextDay(date)) if (isWorkingDay(date)) count++;
      return count;
    },
  };
}

/**
 * The shipped calendar extended by a published one: the published calendar's years replace the
 * shipped days of those years entirely (the State Council's arrangement of a year is one act), the
 * other years stay as shipped.
 */
export function mergeCalendars(shipped: HolidayCalendar, published: HolidayCalendar): HolidayCalendar {
  const replaced = new Set(published.years);
  const keep = (day: string) => !replaced.has(Number(day.slice(0, 4)));
  return {
    years: [...new Set([...shipped.years, ...published.years])].sort((a, b) => a - b),
    holidays: [...shipped.holidays.filter(keep), ...published.holidays].sort(),
    workdays: [...shipped.workdays.filter(keep), ...published.workdays].sort(),
  };
}
