import type { CertificationSettings } from '../../../common/contract/methods/certification';
import { addDays, addMonths } from '../afterAcceptance/dates';

/** Age from which a household member certifies when the county asks every adult (who = adults). */
export const ADULT_AGE = 18;

export interface DueDates {
  /** Last day to certify. */
  dueOn: string;
  /** From this day the person is listed as due. */
  opensOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The next certification after `base` (the last certified day, or the enrolment day):
 * interval — `intervalMonths` later, listed `dueWindowDays` before; fixedMonths — the whole of the
 * first listed month that begins after `base` (a certification in March with months [3, 9] makes
 * September the next one).
 */
export function nextDue(s: Pick<CertificationSettings, 'mode' | 'intervalMonths' | 'months' | 'dueWindowDays'>, base: string): DueDates {
  if (s.mode === 'interval') {
    const dueOn = addMonths(base, s.intervalMonths);
    return { dueOn, opensOn: addDays(dueOn, -s.dueWindowDays) };
  }
  const months = new Set(s.months);
  if (months.size === 0) throw new Error('fixedMonths schedule without months');
  const y0 = Number(base.slice(0, 4));
  const m0 = Number(base.slice(5, 7));
  for (let i = 1; i <= 12; i++) {
    const total = y0 * 12 + (m0 - 1) + i;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    if (months.has(m)) return { opensOn: `${y}-${pad(m)}-01`, dueOn: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
  }
  throw new Error('unreachable: a listed month falls within 12 months');
}

export type DueStatus = 'overdue' | 'due' | 'later';

export function dueStatus(d: DueDates, today: string): DueStatus {
  if (today > d.dueOn) return 'overdue';
  if (today >= d.opensOn) return 'due';
  return 'later';
}

/** Birth date of an 18-digit resident or residence-permit number (null for the 2023 foreigner number). */
export function birthDateOf(idNumber: string): string | null {
  if (!/^\d{17}[\dX]$/.test(idNumber) || idNumber.startsWith('9')) return null;
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export interface HouseholdMember {
  idNumber: string;
  isApplicant: boolean;
  birthDate: string | null;
}

/** Whole years on `today`; a birthday counts on its day. */
function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Who of an enrolled household must certify: the applicant, or every member aged 18+ (unknown age counts as adult). */
export function mustCertify<M extends HouseholdMember>(members: M[], who: CertificationSettings['who'], today: string): M[] {
  if (who === 'applicant') return members.filter((m) => m.isApplicant);
  return members.filter((m) => m.isApplicant || m.birthDate === null || ageOn(m.birthDate, today) >= ADULT_AGE);
}
