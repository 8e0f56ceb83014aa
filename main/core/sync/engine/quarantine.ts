import { JiuzhuError } from '../../../../common/contract/errors';
import { translate } from '../../../../common/i18n/translate';
import type { Clock, Db } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { insertResolution, unresolvedQuarantineRows } from './quarantineRepo';

export interface QuarantinedRecord {
  recordId: string;
  seq: number;
  kind: string;
  caseId: string | null;
  /** The case number (案件编号) of the record's case: this station's, or else the one the record carries. */
  caseNo: string | null;
  status: 'rejected' | 'conflict';
  reason: string | null;
  answeredAt: string | null;
  baseVersion: number | null;
  mine: Record<string, unknown>;
  theirs: { version: number; body: Record<string, unknown> } | null;
}

/**
 * Why a case record conflicted, in words that agree with the versions: the platform holds a newer
 * version (another counter's edit), no version at all (the case's earlier records never reached
 * it), or an older one (this station's earlier edits are still outstanding).
 */
export function conflictReason(caseNo: string | null, baseVersion: number, serverVersion: number): string {
  const params = { caseNo: caseNo ?? translate('sync.conflict.thisCase'), baseVersion, serverVersion };
  if (serverVersion === 0) return translate('sync.conflict.absent', params);
  return translate(serverVersion > baseVersion ? 'sync.conflict.newer' : 'sync.conflict.older', params);
}

/**
 * Rejected and conflicting records nobody has resolved yet, oldest first; demo cases' never (they
 * do not sync). They never block the rest of the queue. A conflict's reason is said here, from
 * both versions and the case number, rather than the platform's text (which names the case's id).
 */
export function listQuarantine(db: Db): QuarantinedRecord[] {
  return unresolvedQuarantineRows(db).map((r) => {
    const mine = JSON.parse(String(r['body'])) as Record<string, unknown>;
    const caseNo = (r['case_no'] as string | null) ?? (typeof mine['caseNo'] === 'string' ? mine['caseNo'] : null);
    const theirs =
      r['server_version'] === null || r['server_version'] === undefined
        ? null
        : { version: Number(r['server_version']), body: JSON.parse(String(r['server_body'])) as Record<string, unknown> };
    const baseVersion = (r['base_version'] as number | null) ?? null;
    const status = r['state'] as 'rejected' | 'conflict';
    return {
      recordId: String(r['id']),
      seq: Number(r['seq']),
      kind: String(r['kind']),
      caseId: (r['case_id'] as string | null) ?? null,
      caseNo,
      status,
      reason:
        status === 'conflict' && theirs
          ? conflictReason(caseNo, baseVersion ?? 0, theirs.version)
          : ((r['reason'] as string | null) ?? null),
      answeredAt: (r['answered_at'] as string | null) ?? null,
      baseVersion,
      mine,
      theirs,
    };
  });
}

/**
 * Resolve one quarantined record. `resend` queues a copy under a new id — for a conflict, based on
 * the platform's version, so the clerk's reconciled version is applied knowingly, never silently.
 * `dismiss` accepts the platform's answer (for a conflict the platform's version stands and
 * arrives by pull). Both are kept in sync_resolution with who and when.
 */
export function resolveQuarantined(
  db: Db,
  clock: Clock,
  input: { recordId: string; action: 'resend' | 'dismiss'; actor: string },
): { newRecordId: string | null } {
  const item = listQuarantine(db).find((q) => q.recordId === input.recordId);
  if (!item) throw new JiuzhuError('SYNC_RECORD_NOT_QUARANTINED');
  return db.transaction(() => {
    let newRecordId: string | null = null;
    if (input.action === 'resend') {
      const outbox = new Outbox(db, clock);
      const baseVersion = item.status === 'conflict' && item.theirs ? item.theirs.version : item.baseVersion;
      newRecordId = outbox.requeue(outbox.byId(item.recordId)!, baseVersion).id;
    }
    insertResolution(db, { recordId: item.recordId, action: input.action, actor: input.actor, at: clock.now().toISOString(), newRecordId });
    return { newRecordId };
  })();
}
