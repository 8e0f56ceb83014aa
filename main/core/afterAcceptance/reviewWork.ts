import { createHash } from 'node:crypto';
import { JiuzhuError } from '../../../common/contract/errors';
import { applicationSchema, type Application } from '../../../common/cases/application';
import { blocking, checkApplication } from '../../../common/cases/checks';
import { translate } from '../../../common/i18n/translate';
import { requiredSigners, type RequiredSigner } from '../../../common/cases/signers';
import type { FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { authorizationStatement } from '../../../common/capture/signatureBinding';
import { reviewStatementRef, type ReviewHousehold } from '../../../common/contract/methods/afterAcceptance/reviews';
import { maskName } from '../../../common/format/mask';
import { bindAuthorizationCapture } from '../cases/authorizationCapture';
import { checkFace } from '../cases/faceCheck';
import { moneyOf, partiesOf } from '../cases/searchIndex';
import type { RosterDbRow } from './repo';
import { ReviewRepo, type ReviewDbRow } from './reviewRepo';
import { nextReviewAfter, planOutcome, type ConclusionInput } from './reviewOutcome';
import { reviewBasis } from './reviewRules';
import { ChangeRepo } from './changeRepo';
import { proposeChange } from './changeWork';
import type { Work } from './work';

/**
 * The periodic review (定期核查) of an enrolled household, one transaction per step (README.md):
 * start → re-check household and income → every adult re-signs the authorization → conclude with
 * continue / adjust / 渐退 / stop. Each step checks the review's version (ROSTER_REVIEW_STALE).
 */

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The household as the review sees it: re-checked facts over the case's application. */
export function withHousehold(app: Application, review: ReviewDbRow | undefined): Application {
  if (!review?.household) return app;
  const h = JSON.parse(review.household) as ReviewHousehold;
  return { ...app, members: h.members, income: h.income, deductions: h.deductions, assets: h.assets };
}

/** Who re-signs: the intake's rule — every adult counted member (and, for 特困, every supporter). */
export function reviewSigners(app: Application, today: string): RequiredSigner[] {
  return requiredSigners(app, today);
}

function activeRoster(work: Work, rosterId: string): RosterDbRow {
  const roster = work.repo.roster(rosterId);
  if (!roster) throw new JiuzhuError('ROSTER_NOT_FOUND');
  if (roster.status !== 'active') throw new JiuzhuError('ROSTER_REVIEW_STOPPED');
  return roster;
}

/** The open review at the version the user saw, on an active roster row. */
function openReview(work: Work, reviews: ReviewRepo, reviewId: string, version: number): { review: ReviewDbRow; roster: RosterDbRow } {
  const review = reviews.get(reviewId);
  if (!review) throw new JiuzhuError('ROSTER_REVIEW_NOT_FOUND');
  if (review.status !== 'open') throw new JiuzhuError('ROSTER_REVIEW_CONCLUDED');
  if (review.version !== version) throw new JiuzhuError('ROSTER_REVIEW_STALE');
  return { review, roster: activeRoster(work, review.roster_id) };
}

const rosterBody = (r: { status: string; amountFen: number; nextReviewOn: string; phaseOutEndMonth?: string | null }) => ({ roster: r });

/** Start (or return the open) review of an active roster row; the case must be at the version the user saw. */
export function startReview(work: Work, actor: string, rosterId: string, caseVersion: number): string {
  const reviews = new ReviewRepo(work.db);
  return work.db.transaction(() => {
    const roster = activeRoster(work, rosterId);
    const open = reviews.open(rosterId);
    if (open) return open.id;
    // A change already proposed is decided first: a new review could not change what it proposes.
    if (new ChangeRepo(work.db).openOf(rosterId)) throw new JiuzhuError('CHANGE_PROPOSAL_OPEN');
    const { row, app } = work.caseAt(roster.case_id, caseVersion);
    const id = work.id();
    reviews.insert({ id, roster_id: rosterId, case_id: row.id, due_on: roster.next_review_on, started_at: work.now(), started_by: actor });
    work.touch(row, app, 'reviewStart', actor, null, {
      review: { id, dueOn: roster.next_review_on },
      ...rosterBody({ status: roster.status, amountFen: roster.amount_fen, nextReviewOn: roster.next_review_on }),
    });
    return id;
  })();
}

/** The members, income, deductions and assets found by the review; the case's application (and its search index) follows. */
export function recheckReview(
  work: Work,
  actor: string,
  reviewId: string,
  version: number,
  household: ReviewHousehold,
  findings: string,
): void {
  const reviews = new ReviewRepo(work.db);
  work.db.transaction(() => {
    const { review, roster } = openReview(work, reviews, reviewId, version);
    const { row, app } = work.caseAt(roster.case_id);
    if (!household.members.some((m) => m.idNumber === app.applicant?.idNumber)) throw new JiuzhuError('ROSTER_REVIEW_APPLICANT_MISSING');
    const next = applicationSchema.parse({
      ...app,
      members: household.members,
      income: household.income,
      deductions: household.deductions,
      assets: household.assets,
    });
    // The household as re-checked meets the intake's own checks (ID numbers, a member twice, impossible ages, money).
    const problems = blocking(checkApplication(next, { today: work.today() })).filter((x) =>
      /^(members|income|deductions|assets)\b/.test(x.path),
    );
    if (problems.length > 0)
      throw new JiuzhuError(
        'CASE_INCOMPLETE',
        { count: String(problems.length), first: translate(`cases.problem.${problems[0]!.code}`, problems[0]!.params) },
        { paths: problems.map((x) => x.path).join(',') },
      );
    const counted = next.members.filter((m) => !m.excluded);
    reviews.updateCaseData(row.id, JSON.stringify(next), counted.length);
    reviews.replaceRosterMembers(
      roster.id,
      [...new Set([app.applicant!.idNumber, ...counted.map((m) => m.idNumber)])],
      counted.length || 1,
      work.now(),
    );
    work.cases.repo.replaceParties(row.id, partiesOf(next));
    work.cases.repo.replaceMoney(row.id, ...moneyOf(next));
    const now = work.now();
    reviews.update(review.id, review.version, {
      household: JSON.stringify({ members: next.members, income: next.income, deductions: next.deductions, assets: next.assets }),
      findings,
      rechecked_at: now,
      rechecked_by: actor,
    });
    work.touch(row, next, 'reviewRecheck', actor, findings.slice(0, 500), {
      review: { id: review.id },
      application: next,
      ...rosterBody({ status: roster.status, amountFen: roster.amount_fen, nextReviewOn: roster.next_review_on }),
    });
  })();
}

/**
 * One adult member re-signs the authorization of this review: the pad must have been bound to the
 * statement of this signer for this review (its SHA-256), then the intake's binding stores it with
 * core's verdict on the face.
 */
export function authorizeReview(
  work: Work,
  actor: string,
  reviewId: string,
  version: number,
  signerIdNumber: string,
  signature: SignatureCapture,
  face: FaceCapture | null,
): void {
  if (work.cases.settings().faceRequired && !face) throw new JiuzhuError('CASE_FACE_REQUIRED');
  // Core judges the face as at the intake (no card photo here: liveness only; a manual capture is at best 复核), and refuses a fail.
  const faceCheck = face ? checkFace(face, false) : undefined;
  if (faceCheck?.verdict === 'fail')
    throw new JiuzhuError('CASE_FACE_FAILED', { match: '—', liveness: translate(`capture.face.verdict.${faceCheck.liveness.verdict}`) });
  const reviews = new ReviewRepo(work.db);
  work.db.transaction(() => {
    const { review, roster } = openReview(work, reviews, reviewId, version);
    const { app } = work.caseAt(roster.case_id);
    const signer = reviewSigners(withHousehold(app, review), work.today()).find((s) => s.idNumber === signerIdNumber);
    if (!signer) throw new JiuzhuError('ROSTER_REVIEW_SIGNER_UNKNOWN');
    const expected = sha256(authorizationStatement(signer, reviewStatementRef(review.id)));
    if (signature.documentHash !== expected) throw new JiuzhuError('ROSTER_REVIEW_SIGNATURE_UNBOUND');
    const now = work.now();
    const auth = bindAuthorizationCapture(
      { repo: work.cases.repo, attachments: work.cases.attachmentStore },
      { caseId: roster.case_id, signer, signature, face, actor, now, faceCheck },
    );
    reviews.putAuthorization(review.id, { ...auth, document_hash: expected, signature_sha256: auth.signature_sha256! });
    reviews.update(review.id, review.version, {});
    work.event(roster.case_id, 'reviewAuthorize', actor, maskName(signer.name));
    work.audit(actor, 'reviews.authorize', roster.case_id, {
      review: review.id,
      role: signer.role,
      face: auth.face_attachment_id !== null,
    });
  })();
}

/**
 * The outcome. Refused, nothing changed: a review not re-checked, an adult who has not re-signed,
 * and the outcome rules of reviewOutcome.ts. continue (nothing changes for the household): the
 * next review is set, no notice. adjust / 渐退 / stop are decisions, not the station's: the review
 * concludes with a PROPOSAL (changeWork.ts) — roster, amount and notice wait for the county's
 * decision (or the head's, where delegated). Either way ONE transaction with the review row, the
 * case's version + timeline + outbox records and the audit row.
 */
export function concludeReview(work: Work, actor: string, reviewId: string, version: number, c: ConclusionInput): void {
  const reviews = new ReviewRepo(work.db);
  work.db.transaction(() => {
    const { review, roster } = openReview(work, reviews, reviewId, version);
    if (!review.household) throw new JiuzhuError('ROSTER_REVIEW_NOT_RECHECKED');
    const { row, app: caseApp } = work.caseAt(roster.case_id);
    const app = withHousehold(caseApp, review);
    const today = work.today();
    const signed = new Set(reviews.authorizations(review.id).map((a) => a.signer_id_number));
    const unsigned = reviewSigners(app, today).filter((s) => !signed.has(s.idNumber));
    if (unsigned.length > 0)
      throw new JiuzhuError('ROSTER_REVIEW_AUTHORIZATION_MISSING', {
        count: String(unsigned.length),
        names: unsigned.map((s) => maskName(s.name)).join('、'),
      });

    const plan = planOutcome(c, today, roster.amount_fen);
    const basis = reviewBasis(app, today);
    const months = work.repo.settings().reviewMonths[basis];
    const concluded = {
      status: 'concluded' as const,
      outcome: plan.outcome,
      notice_id: null,
      concluded_at: work.now(),
      concluded_by: actor,
    };
    if (plan.outcome !== 'continue') {
      const { outcome: _o, ...detail } = plan;
      const proposalId = proposeChange(work, actor, {
        roster,
        row,
        app,
        origin: 'review',
        originId: review.id,
        plan: { ...plan, review: { basis, months } },
        context: { review: { id: review.id, outcome: plan.outcome, ...detail } },
      });
      reviews.update(review.id, review.version, { ...concluded, outcome_detail: JSON.stringify({ ...detail, proposalId }) });
      return;
    }
    const nextReviewOn = nextReviewAfter(plan, today, months) ?? roster.next_review_on;
    reviews.updateRoster(roster.id, {
      amount_fen: roster.amount_fen,
      status: 'active',
      stopped_on: null,
      next_review_on: nextReviewOn,
      review_basis: basis,
      review_months: months,
      phase_out_end: null,
      updated_at: work.now(),
    });
    reviews.update(review.id, review.version, { ...concluded, outcome_detail: JSON.stringify({ nextReviewOn }) });
    work.touch(row, app, 'reviewContinue', actor, null, {
      review: { id: review.id, outcome: plan.outcome },
      ...rosterBody({ status: 'active', amountFen: roster.amount_fen, nextReviewOn, phaseOutEndMonth: null }),
    });
  })();
}
