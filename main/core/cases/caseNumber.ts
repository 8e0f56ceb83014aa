import type { Db } from '../kernel/store/types';
import { CaseNumberRepo } from './caseNumberRepo';

/**
 * Case numbers (案件编号), unique across the station: `<region 6>-<year 4>-<counter 2>-<n ≥5>`,
 * e.g. `500115-2026-03-00042` is the 42nd case of 2026 at counter (窗口) 3 of a station in
 * 500115. The counter number is unique within the station: the platform assigns it at
 * registration (and keeps it when the same machine re-enrols); before registration it is the one
 * set at setup / in the sync centre (default 1). Each counter numbers its own cases, so two
 * counters never issue the same number. Numbers of the old form `<region>-<year>-<n 6>` (before
 * counter numbers) stay valid and are still found by search.
 */
export const CASE_NO = /^(\d{6})-(\d{4})-(\d{2})-(\d{5,9})$/;
const LEGACY_CASE_NO = /^(\d{6})-(\d{4})-(\d{6,9})$/;
/** What the search box takes for (the start of) a case number, either form. */
export const CASE_NO_PREFIX = /^\d{6}-\d{4}(-\d{0,9}(-\d{0,9})?)?$/;

export const DEFAULT_COUNTER_NO = 1;

export function formatCaseNo(regionCode: string, year: number, counterNo: number, n: number): string {
  return `${regionCode}-${year}-${String(counterNo).padStart(2, '0')}-${String(n).padStart(5, '0')}`;
}

export function parseCaseNo(caseNo: string): { regionCode: string; year: number; counterNo: number | null; n: number } | null {
  const m = caseNo.match(CASE_NO);
  if (m) return { regionCode: m[1]!, year: Number(m[2]), counterNo: Number(m[3]), n: Number(m[4]) };
  const l = caseNo.match(LEGACY_CASE_NO);
  return l ? { regionCode: l[1]!, year: Number(l[2]), counterNo: null, n: Number(l[3]) } : null;
}

export type CounterSource = 'default' | 'setup' | 'platform';

/** This workstation's counter number and where it came from. */
export function counterNoOf(db: Db): { counterNo: number; source: CounterSource } {
  const r = new CaseNumberRepo(db).window();
  return r ? { counterNo: r.counter_no, source: r.source } : { counterNo: DEFAULT_COUNTER_NO, source: 'default' };
}

/** Set the counter number: by an administrator before registration ('setup'), or from the platform's registration. */
export function setCounterNo(db: Db, counterNo: number, source: 'setup' | 'platform', at: string): void {
  new CaseNumberRepo(db).setWindow(counterNo, source, at);
}

/** Whether this workstation has issued case numbers with this counter number (then it must keep it). */
export function issuedWithCounter(db: Db, counterNo: number): boolean {
  return new CaseNumberRepo(db).issuedWith(counterNo);
}

/** The next case number of the year at this counter (call inside the submitting transaction). */
export function nextCaseNo(db: Db, regionCode: string, year: number): string {
  const { counterNo } = counterNoOf(db);
  return formatCaseNo(regionCode, year, counterNo, new CaseNumberRepo(db).take(year, counterNo));
}

/**
 * After pulling case number `caseNo`: if this counter issued it (a re-enrolled machine getting its
 * own cases back), the next number of that year is above it.
 */
export function raiseCaseCounter(db: Db, caseNo: string): void {
  const p = parseCaseNo(caseNo);
  if (!p || p.counterNo === null || p.counterNo !== counterNoOf(db).counterNo) return;
  new CaseNumberRepo(db).raiseTo(p.year, p.counterNo, p.n + 1);
}
