import { checkIdNumber } from '../../common/idnumber/check';
import { KNOWN_RECORD_KINDS } from '../../common/sync/push';
import type { RecordValidator } from '../store/types';
import { documentMetaProblem } from './document-meta';
import { caseAmendmentProblem, caseAuthorizationProblem, submittedAuthorizationsProblem } from './intake-records';
import { decisionRecordProblem } from './decision-records';
import { isRatingRecord, ratingRecordProblem } from './rating-records';
import { reliefRecordProblem } from './relief-records';

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
    if (isRatingRecord(record)) {
      const ratingProblem = ratingRecordProblem(record);
      return ratingProblem ? invalid(ratingProblem) : { ok: true };
    }
    if (!record.caseId) return invalid('caseId 缺失');
    if (record.kind === 'case.upsert') {
      if (record.baseVersion === undefined) return invalid('baseVersion 缺失');
      const applicant = record.body['applicant'];
      const idNumber = applicant && typeof applicant === 'object' ? (applicant as Record<string, unknown>)['idNumber'] : undefined;
      if (typeof idNumber !== 'string') return invalid('申请人身份证号码缺失');
      const checked = checkIdNumber(idNumber, { today: today() });
      if (!checked.valid) return invalid(`申请人身份证号码无效（${checked.problems.join(',')}）`);
      const authorizations = submittedAuthorizationsProblem(record, today());
      if (authorizations) return invalid(authorizations);
    }
    if (record.kind === 'document.meta' && !record.blobs?.length) return invalid('附件指纹缺失');
    if (record.kind === 'certification.record') return validateCertification(record.body, record.blobs, today(), invalid) ?? { ok: true };
    const intakeProblem = record.kind === 'case.authorization' ? caseAuthorizationProblem(record, today()) : record.kind === 'case.amendment' ? caseAmendmentProblem(record) : null;
    if (intakeProblem) return invalid(intakeProblem);
    const metaProblem = record.kind === 'document.meta' ? documentMetaProblem(record) : null;
    if (metaProblem) return invalid(metaProblem);
    const decisionProblem = decisionRecordProblem(record);
    if (decisionProblem) return invalid(decisionProblem);
    const reliefProblem = reliefRecordProblem(record, today());
    if (reliefProblem) return invalid(reliefProblem);
    return { ok: true };
  };
}

/** certification.record (待遇资格认证, main/core/certification): the person and, for a proxy, the proxy are real ID numbers; a proxy has its home visit. */
function validateCertification<T>(body: Record<string, unknown>, blobs: string[] | undefined, today: string, invalid: (detail: string) => T): T | null {
  const field = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined);
  const idOk = (v: unknown) => typeof v === 'string' && checkIdNumber(v, { today }).valid;
  if (!idOk(field(body['person'], 'idNumber'))) return invalid('认证对象身份证号码缺失或无效');
  if (!['pass', 'review', 'fail'].includes(String(body['result']))) return invalid('认证结果缺失');
  if (body['method'] === 'counter') return blobs?.length ? null : invalid('认证照片指纹缺失');
  if (body['method'] !== 'proxy') return invalid('认证方式缺失');
  if (!idOk(field(body['proxy'], 'idNumber'))) return invalid('代办人身份证号码缺失或无效');
  const staff = field(body['homeVisit'], 'staff');
  if (!Array.isArray(staff) || staff.length < 2) return invalid('代办认证缺少入户核实（至少 2 名工作人员）');
  return null;
}
