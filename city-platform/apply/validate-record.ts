import { checkIdNumber } from '../../common/idnumber/check';
import { KNOWN_RECORD_KINDS } from '../../common/sync/push';
import type { RecordValidator } from '../store/types';

/**
 * The reference platform's rules for a record, before it touches the store. Pure: the answer
 * depends only on the record (and today's date for birth dates). A city's platform would apply
 * its own business rules here.
 */
export function makeRecordValidator(today: () => string): RecordValidator {
  return (record) => {
    const invalid = (detail: string) => ({ ok: false as const, code: 'SYNC_RECORD_INVALID' as const, params: { seq: record.seq, detail } });
    if (!(KNOWN_RECORD_KINDS as readonly string[]).includes(record.kind))
      return { ok: false, code: 'SYNC_RECORD_UNKNOWN_KIND', params: { seq: record.seq, kind: record.kind } };
    if (!record.caseId) return invalid('caseId 缺失');
    if (record.kind === 'case.upsert') {
      if (record.baseVersion === undefined) return invalid('baseVersion 缺失');
      const applicant = record.body['applicant'];
      const idNumber = applicant && typeof applicant === 'object' ? (applicant as Record<string, unknown>)['idNumber'] : undefined;
      if (typeof idNumber !== 'string') return invalid('申请人身份证号码缺失');
      const checked = checkIdNumber(idNumber, { today: today() });
      if (!checked.valid) return invalid(`申请人身份证号码无效（${checked.problems.join(',')}）`);
    }
    if (record.kind === 'document.meta' && !record.blobs?.length) return invalid('附件指纹缺失');
    return { ok: true };
  };
}
