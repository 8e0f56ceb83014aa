/**
 * A 救助证明 filled from what the station knows, never from what a screen sends: the household's
 * roster entry (category, monthly amount, first month, next review) and its case (address, the
 * county's header and issuer). Only an active enrolment whose review is not overdue is certified;
 * the certificate is valid until the next review, at most 12 months.
 */
import { JiuzhuError } from '../../../../common/contract/errors';
import type { CertificateDraft } from '../../../../common/contract/methods/documents/documents';
import { applicationSchema } from '../../../../common/cases/application';
import { chinaDate } from '../../../../common/cases/age';
import { assistanceCategorySchema } from '../../../../common/documents/common';
import { addDays, addMonths } from '../../afterAcceptance/dates';
import { AfterAcceptanceRepo } from '../../afterAcceptance/repo';
import { CaseRepository } from '../../cases/caseRepo';
import { stationBlock } from '../../cases/notices';
import { CaseSettingsStore } from '../../cases/settingsStore';
import type { Clock, Db } from '../../kernel/store/types';

export interface CertificateSourceDeps {
  db: Db;
  clock: Clock;
  station: { name: string; regionCode: string };
}

/** The serial number: JZ + region code + year + the station's running count of certificates. */
export const certificateSerial = (regionCode: string, issuedOn: string, n: number) =>
  `JZ${regionCode.replace(/[^0-9A-Za-z]/g, '').slice(0, 12)}-${issuedOn.slice(0, 4)}-${String(n).padStart(6, '0')}`;

/** The certificate's data (valid against common/documents/certificate.ts, issuerId set by the key) and what the screen shows. */
export function certificateForCase(
  deps: CertificateSourceDeps,
  caseId: string,
  purpose: string | undefined,
  issuedSoFar: number,
): { data: Record<string, unknown>; draft: CertificateDraft } {
  const roster = new AfterAcceptanceRepo(deps.db).rosterOfCase(caseId);
  if (!roster) throw new JiuzhuError('DOC_CERT_NOT_ON_ROSTER');
  const today = chinaDate(deps.clock.now());
  if (roster.status !== 'active') throw new JiuzhuError('DOC_CERT_STOPPED', { on: roster.stopped_on ?? '' });
  if (roster.next_review_on < today) throw new JiuzhuError('DOC_CERT_REVIEW_OVERDUE', { on: roster.next_review_on });
  const category = assistanceCategorySchema.safeParse(roster.category);
  if (!category.success) throw new JiuzhuError('DOC_CERT_NOT_ON_ROSTER');
  const row = new CaseRepository(deps.db).get(caseId);
  const app = row ? applicationSchema.safeParse(JSON.parse(row.data)) : null;
  const applicant = app?.success ? app.data.applicant : undefined;
  const settings = new CaseSettingsStore(deps.db).get();
  const station = stationBlock({ settings, stationName: deps.station.name || settings.notice.issuer || '救助服务站' });
  const cap = addDays(addMonths(today, 12), -1);
  const validUntil = roster.next_review_on < cap ? roster.next_review_on : cap;
  const certificateId = certificateSerial(deps.station.regionCode, today, issuedSoFar + 1);
  const holder = {
    name: roster.applicant_name,
    idNumber: roster.applicant_id_number,
    ...(applicant?.address ? { address: applicant.address } : {}),
  };
  const data = {
    station,
    issuedOn: today,
    copy: 'applicant',
    certificateId,
    holder,
    headOfHousehold: roster.applicant_name,
    householdSize: Math.max(1, roster.household_size),
    category: category.data,
    monthlyAmountFen: roster.monthly ? roster.amount_fen : 0,
    since: roster.since_month,
    nextReviewOn: roster.next_review_on,
    validUntil,
    issuerId: 'PENDING',
    ...(purpose ? { purpose } : {}),
  };
  const draft: CertificateDraft = {
    certificateId,
    holderName: holder.name,
    holderIdNumber: holder.idNumber,
    headOfHousehold: roster.applicant_name,
    householdSize: data.householdSize,
    category: category.data,
    monthlyAmountFen: data.monthlyAmountFen,
    since: roster.since_month,
    nextReviewOn: roster.next_review_on,
    validUntil,
    issuedOn: today,
    issuer: station.issuer,
    purpose: purpose ?? null,
  };
  return { data, draft };
}
