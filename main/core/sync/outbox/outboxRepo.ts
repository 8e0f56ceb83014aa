import type { Db } from '../../kernel/store/types';

/** The outbox table: records waiting for the platform, and the platform's answer to each. */

/**
 * Rows that belong to a demo case (`jiuzhu-admin demo seed`). Demo cases are never queued; this
 * keeps rows an earlier version queued for them out of the push, the counts and the quarantine.
 */
export const NOT_DEMO = 'NOT EXISTS (SELECT 1 FROM case_file demo_case WHERE demo_case.id = outbox.case_id AND demo_case.demo = 1)';

export interface OutboxDbRow {
  seq: number;
  id: string;
  kind: string;
  case_id: string | null;
  base_version: number | null;
  blobs: string;
  made_at: string;
  body: string;
  state: string;
  bundle_id: string | null;
  answered_at: string | null;
  reason: string | null;
}

export function isDemoCase(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM case_file WHERE id = ? AND demo = 1').get(caseId) !== undefined;
}

/** Insert a record; returns its seq. */
export function insertOutboxRecord(
  db: Db,
  r: { id: string; kind: string; caseId: string | null; baseVersion: number | null; blobsJson: string; madeAt: string; bodyJson: string },
): number {
  const info = db
    .prepare('INSERT INTO outbox (id, kind, case_id, base_version, blobs, made_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.kind, r.caseId, r.baseVersion, r.blobsJson, r.madeAt, r.bodyJson);
  return Number(info.lastInsertRowid);
}

export function unansweredOutboxRows(db: Db, limit: number): OutboxDbRow[] {
  return db
    .prepare(`SELECT * FROM outbox WHERE state IN ('queued', 'sent') AND ${NOT_DEMO} ORDER BY seq LIMIT ?`)
    .all(limit) as OutboxDbRow[];
}

export function outboxRowById(db: Db, id: string): OutboxDbRow | undefined {
  return db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxDbRow | undefined;
}

export function outboxRowsOfCase(db: Db, caseId: string): OutboxDbRow[] {
  return db.prepare('SELECT * FROM outbox WHERE case_id = ? ORDER BY seq').all(caseId) as OutboxDbRow[];
}

export function outboxCountsByState(db: Db): Array<{ state: string; n: number }> {
  return db.prepare(`SELECT state, count(*) AS n FROM outbox WHERE ${NOT_DEMO} GROUP BY state`).all() as Array<{
    state: string;
    n: number;
  }>;
}

/** Mark records sent in a bundle, in one transaction. */
export function markOutboxSent(db: Db, ids: string[], bundleId: string): void {
  const stmt = db.prepare("UPDATE outbox SET state = 'sent', bundle_id = ? WHERE id = ? AND state IN ('queued', 'sent')");
  db.transaction(() => ids.forEach((id) => stmt.run(bundleId, id)))();
}

/** Record the platform's answers, in one transaction. */
export function answerOutboxRecords(
  db: Db,
  answers: Array<{ id: string; status: string; reason: string | null; error?: string | null }>,
  answeredAt: string,
): void {
  const stmt = db.prepare('UPDATE outbox SET state = ?, answered_at = ?, reason = ?, answer_error = ? WHERE id = ?');
  db.transaction(() => answers.forEach((a) => stmt.run(a.status, answeredAt, a.reason, a.error ?? null, a.id)))();
}

/** A new registration: records sent under the old device go again with the new one. */
export function requeueSentRecords(db: Db): void {
  db.prepare("UPDATE outbox SET state = 'queued', bundle_id = NULL WHERE state = 'sent'").run();
}

/** The blobs of each record sent in a bundle, by record id. */
export function blobsOfBundle(db: Db, bundleId: string): Map<string, string[]> {
  const rows = db.prepare('SELECT id, blobs FROM outbox WHERE bundle_id = ?').all(bundleId) as Array<{ id: string; blobs: string }>;
  return new Map(rows.map((r) => [r.id, JSON.parse(r.blobs) as string[]]));
}
