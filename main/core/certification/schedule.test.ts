import { describe, expect, it } from 'vitest';
import { certificationSettingsSchema } from '../../../common/contract/methods/certification';
import { birthDateOf, dueStatus, mustCertify, nextDue } from './schedule';

const settings = (over: Record<string, unknown> = {}) => certificationSettingsSchema.parse(over);

describe('the certification schedule', () => {
  it('defaults: every 12 months, the applicant, listed 30 days ahead, proxy allowed, the capture issue’s thresholds', () => {
    expect(settings()).toEqual({
      mode: 'interval',
      intervalMonths: 12,
      months: [],
      who: 'applicant',
      dueWindowDays: 30,
      proxyAllowed: true,
      face: { matchPass: 0.55, matchReview: 0.45, livePass: 0.5, liveReview: 0.2 },
    });
  });

  it('interval: N months after the base day (the 31st becomes the month’s last day), opening dueWindowDays before', () => {
    expect(nextDue(settings(), '2026-02-12')).toEqual({ dueOn: '2027-02-12', opensOn: '2027-01-13' });
    expect(nextDue(settings({ intervalMonths: 6, dueWindowDays: 0 }), '2026-08-31')).toEqual({
      dueOn: '2027-02-28',
      opensOn: '2027-02-28',
    });
    expect(nextDue(settings({ intervalMonths: 3 }), '2024-11-30')).toEqual({ dueOn: '2025-02-28', opensOn: '2025-01-29' });
  });

  it('fixedMonths: the whole of the first listed month that begins after the base day, across the year end', () => {
    const s = settings({ mode: 'fixedMonths', months: [9, 3] });
    expect(nextDue(s, '2026-02-12')).toEqual({ opensOn: '2026-03-01', dueOn: '2026-03-31' });
    expect(nextDue(s, '2026-03-01')).toEqual({ opensOn: '2026-09-01', dueOn: '2026-09-30' });
    expect(nextDue(s, '2026-03-31')).toEqual({ opensOn: '2026-09-01', dueOn: '2026-09-30' });
    expect(nextDue(s, '2026-10-05')).toEqual({ opensOn: '2027-03-01', dueOn: '2027-03-31' });
    expect(nextDue(settings({ mode: 'fixedMonths', months: [2] }), '2027-02-10')).toEqual({ opensOn: '2028-02-01', dueOn: '2028-02-29' });
  });

  it('fixedMonths without months is refused by the settings schema; a review threshold above its pass threshold too', () => {
    expect(certificationSettingsSchema.safeParse({ mode: 'fixedMonths' }).success).toBe(false);
    expect(
      certificationSettingsSchema.safeParse({ face: { matchPass: 0.5, matchReview: 0.6, livePass: 0.5, liveReview: 0.2 } }).success,
    ).toBe(false);
    expect(certificationSettingsSchema.safeParse({ months: [13], mode: 'fixedMonths' }).success).toBe(false);
  });

  it('status: later before the window, due from its first day to the due day inclusive, overdue after', () => {
    const d = { opensOn: '2027-01-13', dueOn: '2027-02-12' };
    expect(dueStatus(d, '2027-01-12')).toBe('later');
    expect(dueStatus(d, '2027-01-13')).toBe('due');
    expect(dueStatus(d, '2027-02-12')).toBe('due');
    expect(dueStatus(d, '2027-02-13')).toBe('overdue');
  });

  it('who: the applicant only, or every member 18 or over on the day (a birthday counts on its day; unknown age counts as adult)', () => {
    const members = [
      { idNumber: 'A', isApplicant: true, birthDate: '1980-05-12' },
      { idNumber: 'B', isApplicant: false, birthDate: '1982-09-30' },
      { idNumber: 'C', isApplicant: false, birthDate: '2008-06-01' },
      { idNumber: 'D', isApplicant: false, birthDate: null },
    ];
    expect(mustCertify(members, 'applicant', '2026-05-31').map((m) => m.idNumber)).toEqual(['A']);
    expect(mustCertify(members, 'adults', '2026-05-31').map((m) => m.idNumber)).toEqual(['A', 'B', 'D']);
    expect(mustCertify(members, 'adults', '2026-06-01').map((m) => m.idNumber)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reads the birth date from an 18-digit number, none from the 2023 foreigner number', () => {
    expect(birthDateOf('50011019800512002X')).toBe('1980-05-12');
    expect(birthDateOf('911231199001011234')).toBeNull();
    expect(birthDateOf('12345')).toBeNull();
  });
});
