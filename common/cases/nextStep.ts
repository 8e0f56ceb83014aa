import type { CaseState } from './stateMachine';

/**
 * What comes next for a case in each state, for the progress enquiry (进度查询): a catalog key
 * under `cases.next` per state, shown to the applicant at the counter.
 */
export const NEXT_STEP_KEY: Record<CaseState, `cases.next.${CaseState}`> = {
  draft: 'cases.next.draft',
  submitted: 'cases.next.submitted',
  needs_supplement: 'cases.next.needs_supplement',
  not_accepted: 'cases.next.not_accepted',
  accepted: 'cases.next.accepted',
  investigating: 'cases.next.investigating',
  publicity: 'cases.next.publicity',
  disputed: 'cases.next.disputed',
  awaiting_decision: 'cases.next.awaiting_decision',
  approved: 'cases.next.approved',
  refused: 'cases.next.refused',
  withdrawn: 'cases.next.withdrawn',
  discarded: 'cases.next.discarded',
};
