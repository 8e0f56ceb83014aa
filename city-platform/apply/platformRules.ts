import { checkIdNumber } from '../../common/idnumber/check';
import { issue, type RecordIssue } from '../../sync-protocol/records/issue';
import type { ReadRecord } from '../../sync-protocol/records/registry';

/**
 * The reference platform's own rules for a record its kind's schema has read
 * (sync-protocol/records/): what needs today's date — ID numbers by their check digit and birth
 * date (GB 11643), a 先行救助 not dated after today — and that every step of a case names its
 * applicant. Pure. A city's platform would add its business rules here.
 */
export function platformRuleProblem(record: ReadRecord, today: string): RecordIssue | null {
  const bad = (path: string, message: string) => issue(record.kind, path, message);
  const invalidId = (n: string) => {
    const checked = checkIdNumber(n, { today });
    return checked.valid ? null : checked.problems.join(',');
  };
  switch (record.kind) {
    case 'case.upsert': {
      const b = record.body;
      if (!b.applicant) return bad('body.applicant', '申请人身份证号码缺失');
      const applicant = invalidId(b.applicant.idNumber);
      if (applicant) return bad('body.applicant.idNumber', `申请人身份证号码无效（${applicant}）`);
      for (const [i, a] of (b.authorizations ?? []).entries()) {
        if (a.caseId !== record.caseId) return bad(`body.authorizations.${i}.caseId`, '授权书的案件与记录不一致');
        const signer = invalidId(a.signer.idNumber);
        if (signer) return bad(`body.authorizations.${i}.signer.idNumber`, `签字人身份证号码无效（${signer}）`);
      }
      return null;
    }
    case 'case.authorization': {
      const signer = invalidId(record.body.signer.idNumber);
      return signer ? bad('body.signer.idNumber', `签字人身份证号码无效（${signer}）`) : null;
    }
    case 'certification.record': {
      if (invalidId(record.body.person.idNumber)) return bad('body.person.idNumber', '认证对象身份证号码无效');
      const proxy = record.body.proxy;
      return proxy && invalidId(proxy.idNumber) ? bad('body.proxy.idNumber', '代办人身份证号码无效') : null;
    }
    case 'monitoring.entry': {
      const i = record.body.idNumbers.findIndex((n) => invalidId(n) !== null);
      return i >= 0 ? bad(`body.idNumbers.${i}`, '身份证号码无效') : null;
    }
    case 'roster.imported': {
      const i = record.body.members.findIndex((m) => invalidId(m.idNumber) !== null);
      return i >= 0 ? bad(`body.members.${i}.idNumber`, '成员身份证号码无效') : null;
    }
    case 'relief.payment':
      return record.body.paidOn && record.body.paidOn > today ? bad('body.paidOn', '发放日期晚于今天') : null;
    default:
      return null;
  }
}
