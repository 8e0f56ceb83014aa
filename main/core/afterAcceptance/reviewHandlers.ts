import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import type { AfterAcceptanceService } from './service';
import { ReviewRepo } from './reviewRepo';
import { reviewView } from './reviewView';

export type ReviewMethods = 'reviews.get' | 'reviews.start' | 'reviews.recheck' | 'reviews.authorize' | 'reviews.conclude';

/** The handlers of `reviews.*` (common/contract/methods/afterAcceptance/reviews.ts); each step answers with the refreshed view. */
export function reviewHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ReviewMethods> {
  const rosterOf = (svc: AfterAcceptanceService, reviewId: string) => new ReviewRepo(svc.work.db).get(reviewId)!.roster_id;
  return {
    'reviews.get': async (input, ctx) => {
      const svc = await open();
      const view = reviewView(svc.work, input.rosterId);
      svc.work.audit(actor(ctx), 'reviews.view', view.roster.caseId, { roster: input.rosterId });
      return view;
    },
    'reviews.start': async (input, ctx) => {
      const svc = await open();
      svc.startReview(actor(ctx), input.rosterId, input.caseVersion);
      return reviewView(svc.work, input.rosterId);
    },
    'reviews.recheck': async (input, ctx) => {
      const svc = await open();
      svc.recheckReview(actor(ctx), input.reviewId, input.version, input.household, input.findings);
      return reviewView(svc.work, rosterOf(svc, input.reviewId));
    },
    'reviews.authorize': async (input, ctx) => {
      const svc = await open();
      svc.authorizeReview(actor(ctx), input.reviewId, input.version, input.signerIdNumber, input.signature, input.face);
      return reviewView(svc.work, rosterOf(svc, input.reviewId));
    },
    'reviews.conclude': async (input, ctx) => {
      const svc = await open();
      svc.concludeReview(actor(ctx), input.reviewId, input.version, input.conclusion);
      return reviewView(svc.work, rosterOf(svc, input.reviewId));
    },
  };
}
