import { CASE_STATUS, type CasePlatformStatus, type CaseStatusBody } from '../../sync-protocol/records/index';
import { ROSTER_IMPORTED } from '../../sync-protocol/records/rosterImported';
import { caseStatusChanges, type CaseStatusEvent } from '../apply/caseStatus';
import type { Row } from './rows';
import type { VerificationStep } from './verificationSql';

/** A feed item to append before the status changes, in the same transaction (the decision that decided the case). */
export type FeedItem = { kind: string; stationId: string; body: Record<string, unknown> };

type Steps<T> = Generator<VerificationStep, T, Row[]>;
const q = (sql: string, ...params: unknown[]): VerificationStep => ({ sql, params });

/**
 * A case's platform status (table `case_statuses`, one row per case: the current status and how
 * many changes it had), for either store — the steps of verificationSql.ts, run inside the
 * transaction that applied the event. Each change is appended to the case's station feed as a
 * `case.status` item (docs/sync-protocol.md §7.5) whose id is the case id and the change's number,
 * so the same change has the same id on every delivery. A case the platform does not hold has no
 * status. Answers the feed positions of the items appended.
 */
export function* noteCaseStatus(caseId: string, event: CaseStatusEvent, at: number): Steps<number[]> {
  const [found] = yield q('SELECT station_id, body FROM cases WHERE case_id = ?', caseId);
  if (!found) return [];
  const [row] = yield q('SELECT status, changes FROM case_statuses WHERE case_id = ?', caseId);
  const current = row ? (String(row['status']) as CasePlatformStatus) : null;
  let changes = row ? Number(row['changes']) : 0;
  const stationId = String(found['station_id']);
  const caseNo = (JSON.parse(String(found['body'])) as { caseNo?: string | null }).caseNo ?? null;
  const seqs: number[] = [];
  for (const change of caseStatusChanges(current, event)) {
    changes += 1;
    const body: CaseStatusBody = { caseId, caseNo, status: change.status, ...(change.note ? { note: change.note } : {}) };
    const [fed] = yield { feed: { kind: CASE_STATUS, stationId, body: { id: `status-${caseId}-${changes}`, body }, at } };
    const feedSeq = Number(fed!['seq']);
    seqs.push(feedSeq);
    yield q(
      `INSERT INTO case_statuses (case_id, station_id, status, changes, at, feed_seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, changes = excluded.changes, at = excluded.at, feed_seq = excluded.feed_seq`,
      caseId,
      stationId,
      change.status,
      changes,
      at,
      feedSeq,
    );
  }
  return seqs;
}

/** The platform-side event of an applied station record, if it moves the case's status. */
export function recordStatusEvent(record: { kind: string; body: Record<string, unknown> }): CaseStatusEvent | null {
  if (record.kind === 'case.authorization') return { kind: 'authorization' };
  // A household already on the roster: from the station's file, or the platform's own roster (`platform:<head>`).
  if (record.kind === ROSTER_IMPORTED)
    return { kind: 'imported', from: String(record.body['importId']).startsWith('platform:') ? 'platform' : 'file' };
  if (record.kind !== 'case.upsert') return null;
  const auths = record.body['authorizations'];
  return { kind: 'upsert', state: String(record.body['state']), authorizations: Array.isArray(auths) && auths.length > 0 };
}
