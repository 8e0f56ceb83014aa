import type { SessionCallContext } from '../context';
import type { Handlers } from '../kernel/dispatch/handlers';
import type { AfterAcceptanceService } from './service';

export type ReviewMethods = 'reviews.get' | 'reviews.start' | 'reviews.recheck' | 'reviews.authorize' | 'reviews.conclude';

/** The handlers of `reviews.*` (common/contract/methods/afterAcceptance/reviews.ts); each step answers with the refreshed view. */
export function reviewHandlers(
  open: () => Promise<AfterAcceptanceService>,
  actor: (ctx: SessionCallContext) => string,
): Pick<Handlers, ReviewMethods> {
  return {
    'reviews.get': async (input, ctx) => (await open()).reviewPage(actor(ctx), input.rosterId),
    'reviews.start': async (input, ctx) => {
      const svc = await open();
      svc.startReview(actor(ctx), input.rosterId, input.caseVersion);
      return svc.reviewView(input.rosterId);
    },
    'reviews.recheck': async (input, ctx) => {
      const svc = await open();
      svc.recheckReview(actor(ctx), input.reviewId, input.version, input.household, input.findings);
      return svc.reviewViewOf(input.reviewId);
    },
    'reviews.authorize': async (input, ctx) => {
      const svc = await open();
      svc.authorizeReview(actor(ctx), input.reviewId, input.version, input.signerIdNumber, input.signature, input.face);
      return svc.reviewViewOf(input.reviewId);
    },
    'reviews.conclude': async (input, ctx) => {
      const svc = await open();
      svc.concludeReview(actor(ctx), input.reviewId, input.version, input.conclusion);
      return svc.reviewViewOf(input.reviewId);
    },
  };
}
