import { issueText } from '../../sync-protocol/records/issue';
import { readRecord } from '../../sync-protocol/records/registry';
import type { RecordValidator } from '../store/types';
import { platformRuleProblem } from './platformRules';

/**
 * The reference platform's check of a record, before it touches the store. Pure: the answer
 * depends only on the record (and today's date). The record is read with its kind's schema from
 * sync-protocol/records/ — the body, its case, its blobs — then the platform's own rules apply. A
 * refusal is `SYNC_RECORD_INVALID` naming the kind and the first field at fault
 * (`case.upsert body.applicant.idNumber：…`); a kind the module does not know is
 * `SYNC_RECORD_UNKNOWN_KIND`.
 */
export function makeRecordValidator(today: () => string): RecordValidator {
  return (record): ReturnType<RecordValidator> => {
    const read = readRecord(record);
    if (!read.ok && read.unknownKind)
      return { ok: false, code: 'SYNC_RECORD_UNKNOWN_KIND', params: { seq: record.seq, kind: record.kind } };
    const problem = read.ok ? platformRuleProblem(read.record, today()) : read.issue;
    if (!problem) return { ok: true };
    return { ok: false, code: 'SYNC_RECORD_INVALID', params: { seq: record.seq, detail: issueText(problem) } };
  };
}
