import type { RecordAnswer } from '../../common/sync/push';
import { wireError } from '../errors';
import type { BundleToApply } from './types';
import type { Row } from './rows';

type CaseRecord = BundleToApply['payload']['records'][number];

/**
 * A record the platform has seen before, or that goes backwards, never applies again, the same for
 * every store: the same device gets its stored answer marked duplicate; a record id another device
 * used, or a sequence at or below the device's last one, is rejected. Null means: a new record.
 */
export function answerSeenRecord(
  record: CaseRecord,
  earlier: Row | undefined,
  deviceId: string,
  lastRecordSeq: number,
): RecordAnswer | null {
  if (earlier && earlier['device_id'] === deviceId) return { ...(JSON.parse(String(earlier['answer'])) as RecordAnswer), duplicate: true };
  if (!earlier && record.seq > lastRecordSeq) return null;
  const error = earlier
    ? wireError('SYNC_RECORD_INVALID', { seq: record.seq, detail: 'record id used by another device' })
    : wireError('SYNC_RECORD_SEQ_REGRESSED', { seq: record.seq, last: lastRecordSeq });
  return { id: record.id, seq: record.seq, status: 'rejected', error };
}

/**
 * Whether a case edit may apply, the same for every store: a case of another station is rejected,
 * and an edit not based on the version the platform holds goes back as a conflict with both
 * versions. Null means: apply it as version `version + 1`.
 */
export function refuseCaseEdit(record: CaseRecord, current: Row | undefined, stationId: string): RecordAnswer | null {
  const version = current ? Number(current['version']) : 0;
  if (current && current['station_id'] !== stationId)
    return {
      id: record.id,
      seq: record.seq,
      status: 'rejected',
      error: wireError('SYNC_RECORD_INVALID', { seq: record.seq, detail: '案件属于其他工作站' }),
    };
  if (record.baseVersion !== version)
    return {
      id: record.id,
      seq: record.seq,
      status: 'conflict',
      error: wireError('SYNC_RECORD_CONFLICT', { caseId: record.caseId!, serverVersion: version, baseVersion: record.baseVersion ?? 0 }),
      server: { version, body: current ? (JSON.parse(String(current['body'])) as Record<string, unknown>) : {} },
    };
  return null;
}

/**
 * Whether a `document.meta` record (a case's blob references) may apply, the same for every store:
 * the case must be on the platform already (its case.upsert comes first in the device's sequence)
 * and belong to the device's station. Null means: record the references and feed them.
 */
export function refuseDocumentMeta(record: CaseRecord, current: Row | undefined, stationId: string): RecordAnswer | null {
  if (!current)
    return {
      id: record.id,
      seq: record.seq,
      status: 'rejected',
      error: wireError('SYNC_RECORD_INVALID', { seq: record.seq, detail: '附件所属案件尚未同步到平台' }),
    };
  if (current['station_id'] !== stationId)
    return {
      id: record.id,
      seq: record.seq,
      status: 'rejected',
      error: wireError('SYNC_RECORD_INVALID', { seq: record.seq, detail: '案件属于其他工作站' }),
    };
  return null;
}

/** The `attachments` feed item of an applied document.meta record (its body was checked by the validator). */
export function attachmentsFeedItem(record: CaseRecord, deviceId: string): Record<string, unknown> {
  return { kind: 'attachments', caseId: record.caseId!, attachments: record.body['attachments'], updatedBy: deviceId };
}
