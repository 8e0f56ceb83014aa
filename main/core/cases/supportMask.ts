import type { CaseSummary } from '../../../common/contract/methods/cases';
import { maskIdNumber, maskName } from '../../../common/format/mask';

/**
 * A case summary as the IT administrator's list (`cases.adminList`) carries it: the applicant's
 * surname only and the ID number without its birth date and sequence. Masked in core, so no shell
 * (CLI JSON, a future screen) can hand out more than the list is for.
 */
export function maskedForSupport(summary: CaseSummary): CaseSummary {
  return {
    ...summary,
    applicantName: summary.applicantName === null ? null : maskName(summary.applicantName, 'surname-only'),
    applicantIdNumber: summary.applicantIdNumber === null ? null : maskIdNumber(summary.applicantIdNumber),
  };
}
