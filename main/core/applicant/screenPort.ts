import type { ApplicantView } from '../../../common/contract/methods/applicant';
import type { CallContext } from '../context';

/** A view as another capability hands it over: core stamps the view id. */
export type ScreenView = ApplicantView extends infer V ? (V extends { viewId: string } ? Omit<V, 'viewId'> : never) : never;

/**
 * What other capabilities of core may do with the applicant screen (the 好差评 question is one):
 * show a view on the screen paired with a clerk's window, read what an applicant window shows, and
 * put the policy notices back. The pairing rules stay in the applicant capability.
 */
export interface ApplicantScreenPort {
  /** Show `view` on the screen paired with this clerk window and login; its view id, or null when none is paired. */
  showFor(clerk: { windowId: string; sessionId: string }, view: ScreenView): string | null;
  /** The view on the screen of the calling (paired) applicant window; APPLICANT_NOT_PAIRED otherwise. */
  viewOf(ctx: CallContext): Promise<ApplicantView>;
  /** The policy notices back on the calling applicant window's screen, if it still shows view `viewId`. */
  backToIdle(ctx: CallContext, viewId: string): Promise<void>;
}

/** A rating question still standing: the clerk's "back to the notices" leaves it on the screen until it lapses. */
export const isLiveRating = (view: ApplicantView, nowMs: number): boolean => view.kind === 'rating' && Date.parse(view.expiresAt) > nowMs;
