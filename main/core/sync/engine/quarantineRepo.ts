import type { Db } from '../../kernel/store/types';
import { NOT_DEMO } from '../outbox/outboxRepo';

/** Records the platform sent back (sync_conflict: its version of a conflicting one) and their resolutions (sync_resolution). */

export type QuarantineDbRow = Record<string, unknown>;

/** Rejected and conflicting outbox rows nobody resolved, demo cases' left out, oldest first, with the platform's version and the case number. */
export function unresolvedQuarantineRows(db: Db): QuarantineDbRow[] {
  return db
    .prepare(
      `SELECT outbox.*, c.server_version, c.server_body, f.case_no FROM outbox
       LEFT JOIN sync_conflict c ON c.record_id = outbox.id
       LEFT JOIN sync_resolution r ON r.record_id = outbox.id
       LEFT JOIN case_file f ON f.id = outbox.case_id
       WHERE outbox.state IN ('rejected', 'conflict') AND r.record_id IS NULL AND ${NOT_DEMO} ORDER BY outbox.seq`,
    )
    .all() as QuarantineDbRow[];
}

export function insertResolution(
  db: Db,
  r: { recordId: string; action: string; actor: string; at: string; newRecordId: string | null },
): void {
  db.prepare('INSERT INTO sync_resolution (record_id, action, actor, at, new_record_id) VALUES (?, ?, ?, ?, ?)').run(
    r.recordId,
    r.action,
    r.actor,
    r.at,
    r.newRecordId,
  );
}

/** Keep the platform's version of a record that conflicted. */
export function saveConflict(db: Db, recordId: string, serverVersion: number, serverBodyJson: string): void {
  db.prepare('INSERT OR REPLACE INTO sync_conflict (record_id, server_version, server_body) VALUES (?, ?, ?)').run(
    recordId,
    serverVersion,
    serverBodyJson,
  );
}
