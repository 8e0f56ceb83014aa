import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { holidayCalendarSchema } from './schema';
import { CalendarGapError, mergeCalendars, workingDayCounter } from './workingDays';

// The calendar shipped in resources/, as the app loads it.
const CN_CALENDAR_2025_2026 = holidayCalendarSchema.parse(
  JSON.parse(readFileSync(new URL('../../resources/calendar/cn-holidays.json', import.meta.url), 'utf8')),
);
const cal = workingDayCounter(CN_CALENDAR_2025_2026);

describe('working days under the holiday and 调休 calendar', () => {
  it('treats holidays as days off and make-up weekends as working days', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆, a Thursday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // plain Saturday
    expect(cal.isWorkingDay('2026-11-27')).toBe(true); // plain Friday
  });

  it('counts 3 working days across a weekend', () => {
    // Accepted Friday 2026-11-27: Mon 30, Tue 1, Wed 2.
    expect(cal.addWorkingDays('2026-11-27', 3)).toBe('2026-12-02');
  });

  it('counts across the National Day week and its make-up Saturday', () => {
    // Accepted Tue 2026-09-29: Wed 30 (1), Oct 1–7 off, Thu 8 (2), Fri 9 (3), Sat 10 调休 (4).
    expect(cal.addWorkingDays('2026-09-29', 4)).toBe('2026-10-10');
  });

  it('measures 30 working days and agrees with the inverse count', () => {
    const due = cal.addWorkingDays('2026-01-05', 30);
    expect(cal.workingDaysBetween('2026-01-05', due)).toBe(30);
    expect(cal.workingDaysBetween('2026-01-05', '2026-01-05')).toBe(0);
  });

  it('refuses to guess outside the years it knows', () => {
    expect(() => cal.addWorkingDays('2026-12-28', 10)).toThrow(CalendarGapError);
  });

  it('can count weekdays in a year it lacks, and says the result is not covered', () => {
    const provisional = workingDayCounter(CN_CALENDAR_2025_2026, { unknownYears: 'weekdays' });
    // Mon 2026-12-28 + 5: Tue 29, Wed 30, Thu 31, Fri 2027-01-01, Mon 2027-01-04.
    const due = provisional.addWorkingDays('2026-12-28', 5);
    expect(due).toBe('2027-01-04');
    expect(provisional.covers(due)).toBe(false);
    expect(provisional.covers('2026-12-31')).toBe(true);
  });
});

describe('mergeCalendars', () => {
  it('a published year replaces the shipped days of that year whole; other years stay as shipped', () => {
    const shipped = { years: [2025, 2026], holidays: ['2025-10-01', '2026-10-01', '2026-10-02'], workdays: ['2026-09-27'] };
    const published = { years: [2026, 2027], holidays: ['2026-10-01', '2027-01-01'], workdays: ['2027-01-02'] };
    expect(mergeCalendars(shipped, published)).toEqual({
      years: [2025, 2026, 2027],
      holidays: ['2025-10-01', '2026-10-01', '2027-01-01'],
      workdays: ['2027-01-02'],
    });
  });
});
