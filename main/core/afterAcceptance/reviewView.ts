import { eligibilityHint } from '../../../common/cases/eligibility';
import type { Verdict } from '../../../common/capture/faceVerdict';
import type { Application } from '../../../common/cases/application';
import { findStandard, type Standard } from '../../../common/cases/settings';
import { reviewStatementRef, type ReviewView } from '../../../common/contract/methods/afterAcceptance/reviews';
import { PHASE_OUT_MAX_MONTHS } from '../../../common/documents/phaseOut';
import { JiuzhuError } from '../../../common/contract/errors';
import { ReviewRepo } from './reviewRepo';
import { ChangeRepo } from './changeRepo';
import { changeView } from './changeViews';
import { reviewSigners, withHousehold } from './reviewWork';
import type { Work } from './work';

/** The standard in force on the review's day; before the county or platform publishes it, the latest earlier year's (shown with its year). */
export function reviewStandard(standards: Standard[], regionCode: string, today: string, residence: 'urban' | 'rural'): Standard | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 5; y--) {
    const s = findStandard(standards, regionCode, y === year ? today : `${y}-12-31`, residence);
    if (s) return s;
  }
  return null;
}

/** Per-capita income against the local standard, with the intake's arithmetic (common/cases/eligibility.ts). */
export function reviewEligibility(work: Work, app: Application, today: string, demo = false): ReviewView['eligibility'] {
  const standard = reviewStandard(
    work.cases.standards(undefined, { demo }),
    work.cases.station.regionCode,
    today,
    app.subtype === 'rural' ? 'rural' : 'urban',
  );
  if (!standard || app.members.length === 0) return null;
  const deductionsFen = app.deductions.reduce((sum, d) => sum + d.monthlyFen, 0);
  const hint = eligibilityHint({ members: app.members, income: app.income, deductionsFen, standardFen: standard.monthlyFen });
  return {
    perCapitaFen: hint.perCapitaFen,
    standardFen: hint.standardFen,
    standardYear: standard.year,
    band: hint.band,
    steps: hint.steps,
  };
}

export function reviewView(work: Work, rosterId: string): ReviewView {
  const reviews = new ReviewRepo(work.db);
  const roster = work.repo.roster(rosterId);
  if (!roster) throw new JiuzhuError('ROSTER_NOT_FOUND');
  const { row, app: caseApp } = work.caseAt(roster.case_id);
  const review = reviews.current(rosterId);
  const today = work.today();
  const app = withHousehold(caseApp, review);
  const signed = new Map(review ? reviews.authorizations(review.id).map((a) => [a.signer_id_number, a]) : []);
  return {
    today,
    roster: {
      id: roster.id,
      caseId: roster.case_id,
      caseNo: row.case_no,
      caseVersion: row.version,
      applicantName: roster.applicant_name,
      category: roster.category,
      amountFen: roster.amount_fen,
      status: roster.status,
      nextReviewOn: roster.next_review_on,
      reviewMonths: roster.review_months,
      phaseOutEndMonth: reviews.phaseOutEnd(roster.id),
    },
    review: review
      ? {
          id: review.id,
          status: review.status,
          version: review.version,
          startedAt: review.started_at,
          dueOn: review.due_on,
          rechecked: review.household !== null,
          findings: review.findings,
          outcome: review.outcome,
          outcomeDetail: review.outcome_detail ? (JSON.parse(review.outcome_detail) as Record<string, unknown>) : null,
          concludedAt: review.concluded_at,
          statementRef: reviewStatementRef(review.id),
          notice: review.notice_id ? reviews.notice(review.notice_id) : null,
        }
      : null,
    household: { members: app.members, income: app.income, deductions: app.deductions, assets: app.assets },
    signers: reviewSigners(app, today).map((s) => ({
      ...s,
      signed: signed.has(s.idNumber),
      signedAt: signed.get(s.idNumber)?.signed_at ?? null,
      faceVerdict: (signed.get(s.idNumber)?.face_verdict ?? null) as Verdict | null,
    })),
    eligibility: reviewEligibility(work, app, today, row.demo === 1),
    faceRequired: work.cases.settings().faceRequired,
    phaseOutMaxMonths: PHASE_OUT_MAX_MONTHS,
    change: review ? changeOfReview(work, review.id) : null,
  };
}

function changeOfReview(work: Work, reviewId: string) {
  const row = new ChangeRepo(work.db).ofOrigin('review', reviewId);
  return row ? changeView(work, row, work.cases.repo.accountNames()) : null;
}
