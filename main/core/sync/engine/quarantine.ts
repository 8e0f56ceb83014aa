import { JiuzhuError } from '../../../../common/contract/errors';
import type { Clock, Db } from '../../store/types';
import { Outbox } from '../outbox/outbox';

type Row = Record<string, unknown>;

export interface QuarantinedRecord {
  recordId: string;
  seq: number;
  kind: string;
  caseId: string | null;
  status: 'rejected' | 'conflict';
  reason: string | null;
  answeredAt: string | null;
  baseVersion: number | null;
  mine: Record<string, unknown>;
  theirs: { version: number; body: Record<string, unknown> } | null;
}

/** Rejected and conflicting records nobody has resolved yet, oldest first. They never block the rest of the queue. */
export function listQuarantine(db: Db): QuarantinedRecord[] {
  const rows = db
    .prepare(
      `SELECT o.*, c.server_version, c.server_body FROM outbox o
       LEFT JOIN sync_conflict c ON c.record_id = o.id
       LEFT JOIN sync_resolution r ON r.record_id = o.id
       WHERE o.state IN ('rejected', 'conflict') AND r.record_id IS NULL ORDER BY o.seq`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    recordId: String(r['id']),
    seq: Number(r['seq']),
    kind: String(r['kind']),
    caseId: (r['case_id'] as string | null) ?? null,
    status: r['state'] as 'rejected' | 'conflict',
    reason: (r['reason'] as string | null) ?? null,
    answeredAt: (r['answered_at'] as string | null) ?? null,
    baseVersion: (r['base_version'] as number | null) ?? null,
    mine: JSON.parse(String(r['body'])) as Record<string, unknown>,
    theirs: r['server_version'] === null || r['server_version'] === undefined ? null : { version: Number(r['server_version']), body: JSON.parse(String(r['server_body'])) as Record<string, unknown> },
  }));
}

/**
 * Resolve one quarantined record. `resend` queues a copy under a new id — for a conflict, based on
 * the platform's version, so the clerk's reconciled version is applied knowingly, never silently.
 * `dismiss` accepts the platform's answer (for a conflict the platform's version stands and
 * arrives by pull). Both are kept in sync_resolution with who and when.
 */
export function resolveQuarantined(db: Db, clock: Clock, input: { recordId: string; action: 'resend' | 'dismiss'; actor: string }): { newRecordId: string | null } {
  const item = listQuarantine(db).find((q) => q.recordId === input.recordId);
  if (!item) throw new JiuzhuError('SYNC_RECORD_NOT_QUARANTINED');
  return db.transaction(() => {
    let newRecordId: string | null = null;
    if (input.action === 'resend') {
      const original = db.prepare('SELECT blobs FROM outbox WHERE id = ?').get(item.recordId) as { blobs: string };
      const blobs = JSON.parse(original.blobs) as string[];
      const baseVersion = item.status === 'conflict' && item.theirs ? item.theirs.version : item.baseVersion;
      newRecordId = new Outbox(db, clock).enqueue({
        kind: item.kind,
        ...(item.caseId ? { caseId: item.caseId } : {}),
        ...(baseVersion !== null ? { baseVersion } : {}),
        ...(blobs.length ? { blobs } : {}),
        body: item.mine,
      }).id;
    }
    db.prepare('INSERT INTO sync_resolution (record_id, action, actor, at, new_record_id) VALUES (?, ?, ?, ?, ?)').run(
      item.recordId,
      input.action,
      input.actor,
      clock.now().toISOString(),
      newRecordId,
    );
    return { newRecordId };
  })();
}
