import type { RecordAnswer } from '../../common/sync/push';
import { rosterImportedBodySchema } from '../../sync-protocol/records/index';
import { importedCaseBody, recipientBodyOf, recipientRow, refuseRosterImport, type RecipientBody } from '../apply/rosterImported';
import type { Statement } from './auditAnchorsSql';
import type { Row } from './rows';
import type { BundleToApply } from './types';

/**
 * The platform's current recipients (table `recipients`, one row per head's ID number) and a
 * station's `roster.imported` record applied against them (docs/sync-protocol.md §5.10), for either
 * store: the steps yield each statement (`?` placeholders) and receive its rows, as
 * auditAnchorsSql.ts — the SQLite store runs them inside its bundle transaction, the PostgreSQL
 * store on the bundle's client. Both writes are `ON CONFLICT DO NOTHING … RETURNING`: a concurrent
 * bundle that took the case id or the household first makes this one throw, so its transaction
 * rolls back and the device's retry is answered from the committed state.
 */
type Steps<T> = Generator<Statement, T, Row[]>;
const q = (sql: string, params: unknown[]): Statement => ({ sql, params });

export const RECIPIENT_SQL = 'SELECT * FROM recipients WHERE id_number = ?';

export function* applyRosterImported(b: BundleToApply, record: BundleToApply['payload']['records'][number]): Steps<RecordAnswer> {
  // The validator read the record with its kind's schema before the store is asked.
  const body = rosterImportedBodySchema.parse(record.body);
  const [current] = yield q('SELECT case_id, station_id, version FROM cases WHERE case_id = ?', [body.caseId]);
  const [found] = yield q(RECIPIENT_SQL, [body.applicant.idNumber]);
  const refused = refuseRosterImport(record, body, current, found ? recipientRow(found) : undefined, b.device.stationId);
  if (refused) return refused;
  const caseBody = JSON.stringify(importedCaseBody(body));
  // A case of this station made from a later step before the import was settled is taken over at the import's version.
  const made = current
    ? yield q(
        'UPDATE cases SET version = ?, body = ?, updated_by = ?, updated_at = ? WHERE case_id = ? AND station_id = ? AND version = ? RETURNING case_id',
        [body.version, caseBody, b.device.deviceId, b.receivedAt, body.caseId, b.device.stationId, Number(current['version'])],
      )
    : yield q(
        'INSERT INTO cases (case_id, station_id, version, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING RETURNING case_id',
        [body.caseId, b.device.stationId, body.version, caseBody, b.device.deviceId, b.receivedAt],
      );
  const matched = found
    ? yield q(
        'UPDATE recipients SET case_id = ?, updated_at = ? WHERE id_number = ? AND station_id = ? AND case_id IS NULL RETURNING id_number',
        [body.caseId, b.receivedAt, body.applicant.idNumber, b.device.stationId],
      )
    : yield q(
        "INSERT INTO recipients (id_number, station_id, case_id, body, source, updated_at) VALUES (?, ?, ?, ?, 'station', ?) ON CONFLICT (id_number) DO NOTHING RETURNING id_number",
        [body.applicant.idNumber, b.device.stationId, body.caseId, JSON.stringify(recipientBodyOf(body)), b.receivedAt],
      );
  if (made.length !== 1 || matched.length !== 1)
    throw new Error(`roster.imported ${body.caseId}: the case or the household was taken by a concurrent bundle`);
  return { id: record.id, seq: record.seq, status: 'acknowledged', version: body.version };
}

/**
 * The platform's own recipient of a station (a county's roster loaded onto the platform): kept,
 * or replaced while it is the same station's and no import of the station has matched it yet.
 * Answers whether it was written (the store then feeds it as a `roster.recipient` item).
 */
export function* putRecipient(input: { idNumber: string; stationId: string; body: RecipientBody }, now: number): Steps<boolean> {
  const written = yield q(
    `INSERT INTO recipients (id_number, station_id, case_id, body, source, updated_at) VALUES (?, ?, NULL, ?, 'platform', ?)
     ON CONFLICT (id_number) DO UPDATE SET station_id = excluded.station_id, body = excluded.body, source = 'platform', updated_at = excluded.updated_at
     WHERE recipients.case_id IS NULL AND recipients.station_id = excluded.station_id RETURNING id_number`,
    [input.idNumber, input.stationId, JSON.stringify(input.body), now],
  );
  return written.length === 1;
}
