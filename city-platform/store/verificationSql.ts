import type { VerificationReportBody } from '../../sync-protocol/records/index';
import { VERIFICATION_REPORT } from '../../sync-protocol/records/index';
import type { Row } from './rows';
import { noteCaseStatus } from './caseStatusSql';
import type { VerificationReportOutcome, VerificationReportRow } from './types';

/**
 * A 核对 report posted for a case (city-platform/feed/verificationReport.ts), for either store:
 * the steps are written once as a generator the SQLite store drives synchronously in its
 * transaction and the PostgreSQL store awaits on its client (the pattern of auditAnchorsSql.ts),
 * `?` placeholders. A step is a statement, or the feed item to append (each store appends it its
 * own way, under its feed lock) answered with `[{ seq }]`.
 */
export type VerificationStep =
  { sql: string; params: unknown[] } | { feed: { kind: string; stationId: string; body: Record<string, unknown>; at: number } };
type Steps<T> = Generator<VerificationStep, T, Row[]>;

export function runVerificationSync<T>(steps: Steps<T>, exec: (s: VerificationStep) => Row[]): T {
  let next = steps.next([]);
  while (!next.done) next = steps.next(exec(next.value));
  return next.value;
}

export async function runVerificationAsync<T>(steps: Steps<T>, exec: (s: VerificationStep) => Promise<Row[]>): Promise<T> {
  let next = steps.next([]);
  while (!next.done) next = steps.next(await exec(next.value));
  return next.value;
}

/** The ID numbers of the case's household as the platform holds it (applicant and members); null when it holds none. */
function householdOf(body: {
  applicant?: { idNumber?: unknown };
  application?: { members?: Array<{ idNumber?: unknown }> };
}): Set<string> | null {
  const members = body.application?.members;
  if (!Array.isArray(members)) return null;
  const out = new Set<string>();
  if (typeof body.applicant?.idNumber === 'string') out.add(body.applicant.idNumber);
  for (const m of members) if (typeof m.idNumber === 'string') out.add(m.idNumber);
  return out;
}

/** 18 or older on `day` by the birth date in the ID number. */
const adultOn = (idNumber: string, day: string): boolean =>
  `${Number(idNumber.slice(6, 10)) + 18}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}` <= day;

const q = (sql: string, ...params: unknown[]): VerificationStep => ({ sql, params });

/** The signers of a case's 授权书 the platform holds: the submit's `authorizations` and each later `case.authorization`. */
export function signersOf(rows: Row[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    const body = JSON.parse(String(r['body'])) as {
      signer?: { idNumber?: unknown };
      authorizations?: Array<{ signer?: { idNumber?: unknown } }>;
    };
    const all = r['kind'] === 'case.authorization' ? [body] : (body.authorizations ?? []);
    for (const a of all) if (typeof a.signer?.idNumber === 'string') out.add(a.signer.idNumber);
  }
  return out;
}

/**
 * Find the case (by the platform's case id, or its case number), check the platform holds the
 * authorization of every member the report names, then keep the report, mark the case's earlier
 * reports superseded by it and append its `verification.report` item to the case's station feed.
 */
export function* addVerificationReport(
  caseRef: string,
  report: Omit<VerificationReportRow, 'caseId' | 'stationId' | 'feedSeq' | 'supersededBy' | 'body'> & {
    body: Omit<VerificationReportBody, 'caseId' | 'caseNo'>;
  },
): Steps<VerificationReportOutcome> {
  const [found] = yield q(
    'SELECT case_id, station_id, body FROM cases WHERE case_id = ? OR body LIKE ? ORDER BY case_id = ? DESC LIMIT 1',
    caseRef,
    `%"caseNo":${JSON.stringify(caseRef)}%`,
    caseRef,
  );
  if (!found) return { ok: false, path: 'case', reason: 'noCase' };
  const caseId = String(found['case_id']);
  const stationId = String(found['station_id']);
  const caseNo = (JSON.parse(String(found['body'])) as { caseNo?: string | null }).caseNo ?? null;
  const auths = yield q(
    "SELECT kind, body FROM records WHERE case_id = ? AND status = 'acknowledged' AND kind IN ('case.upsert', 'case.authorization')",
    caseId,
  );
  const signers = signersOf(auths);
  if (signers.size === 0) return { ok: false, path: 'case', reason: 'noAuthorization' };
  const household = householdOf(JSON.parse(String(found['body'])));
  const stranger = household ? report.body.members.findIndex((m) => !household.has(m.idNumber)) : -1;
  if (stranger >= 0) return { ok: false, path: `members.${stranger}.idNumber`, reason: 'notInHousehold' };
  // A minor's finances are checked on the authorization of the adults who sign for the household.
  const missing = report.body.members.findIndex((m) => !signers.has(m.idNumber) && adultOn(m.idNumber, report.issuedOn));
  if (missing >= 0) return { ok: false, path: `members.${missing}.idNumber`, reason: 'memberNotAuthorized' };
  const body: VerificationReportBody = { caseId, caseNo, ...report.body };
  const [fed] = yield { feed: { kind: VERIFICATION_REPORT, stationId, body: { id: report.id, body }, at: report.recordedAt } };
  const feedSeq = Number(fed!['seq']);
  yield q('UPDATE verification_reports SET superseded_by = ? WHERE case_id = ? AND superseded_by IS NULL', report.id, caseId);
  yield q(
    'INSERT INTO verification_reports (id, station_id, case_id, report_no, issued_on, body, recorded_at, feed_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    report.id,
    stationId,
    caseId,
    report.reportNo,
    report.issuedOn,
    JSON.stringify(body),
    report.recordedAt,
    feedSeq,
  );
  yield* noteCaseStatus(caseId, { kind: 'report', reportNo: report.reportNo }, report.recordedAt);
  return { ok: true, id: report.id, caseId, feedSeq };
}

export const LIST_VERIFICATION_REPORTS_SQL = 'SELECT * FROM verification_reports WHERE case_id = ? ORDER BY feed_seq';

export const verificationReportRow = (r: Row): VerificationReportRow => ({
  id: String(r['id']),
  stationId: String(r['station_id']),
  caseId: String(r['case_id']),
  reportNo: String(r['report_no']),
  issuedOn: String(r['issued_on']),
  body: JSON.parse(String(r['body'])) as VerificationReportBody,
  recordedAt: Number(r['recorded_at']),
  feedSeq: Number(r['feed_seq']),
  supersededBy: r['superseded_by'] === null || r['superseded_by'] === undefined ? null : String(r['superseded_by']),
});
