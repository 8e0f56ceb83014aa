import type { VerificationKeptRow } from '../../../../common/contract/methods/verification';
import { maskIdNumber, maskName } from '../../../../common/format/mask';
import { translate } from '../../../../common/i18n/translate';
import type { VerificationReportBody } from '../../../../sync-protocol/records/index';
import type { VerificationRepo } from './repo';

/** The reasons this version says in its own words; another code keeps the message stored with the report. */
const KNOWN = ['VERIFICATION_CASE_NOT_HERE'] as const;
const known = (code: string): code is (typeof KNOWN)[number] => (KNOWN as readonly string[]).includes(code);

/**
 * The sync centre's list of 核对 reports kept aside (the case was not here when they came), newest
 * first: the case as the report names it, the household by its first member masked, and the reason
 * and what to do in words. A report applied since (its case arrived) is no longer in the list.
 */
export function keptReports(repo: VerificationRepo): VerificationKeptRow[] {
  return repo.notApplied().map((r) => {
    const body = JSON.parse(r.body) as Pick<VerificationReportBody, 'caseNo' | 'members'>;
    const stored = r.reason ? (JSON.parse(r.reason) as { code: string; message: string }) : { code: '', message: '' };
    const code = stored.code;
    const first = body.members[0];
    return {
      id: r.id,
      caseNo: body.caseNo ?? null,
      caseId: r.case_id,
      householdMasked: first ? `${maskName(first.name)} ${maskIdNumber(first.idNumber)}` : '',
      members: body.members.length,
      centre: r.centre,
      reportNo: r.report_no,
      issuedOn: r.issued_on,
      receivedAt: r.received_at,
      code,
      reason: known(code) ? translate(`verification.kept.reasons.${code}`) : stored.message,
      advice: translate(`verification.kept.advice.${known(code) ? code : 'other'}`),
    };
  });
}
