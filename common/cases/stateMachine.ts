import { z } from 'zod';

/**
 * The legal path of an application (national measures 2021, DOMAIN.md). Every change of state is
 * one of these actions; anything else is refused. The case's timeline records each action with
 * its actor and time, in the same transaction as the case and its outbox rows.
 */
export const CASE_STATES = [
  'draft', // being recorded at the counter, autosaved
  'submitted', // the clerk has finished the intake; awaiting the acceptance decision
  'needs_supplement', // 补正材料: waiting for the listed materials
  'not_accepted', // 不予受理
  'accepted', // 受理
  'investigating', // 入户调查 and 信息核对
  'publicity', // 初审意见 proposing approval made; 公示 for 7 days
  'disputed', // objection during 公示: re-investigation or 民主评议, then a new 初审意见 and a new 公示
  'awaiting_decision', // sent up for 审核确认, or the station decides where delegated
  'approved',
  'refused', // 不予批准
  'withdrawn', // the applicant withdrew
  'discarded', // a draft abandoned at the counter
] as const;
export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

export const CASE_ACTIONS = [
  'submit',
  'discard',
  'accept',
  'requestSupplement',
  'refuseAcceptance',
  'resubmit',
  'startInvestigation',
  'giveOpinion',
  'proposeRefusal',
  'object',
  'endPublicity',
  'reinvestigate',
  'concludeReview',
  'approve',
  'refuse',
  'withdraw',
] as const;
export const caseActionSchema = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof caseActionSchema>;

const WITHDRAWABLE: CaseState[] = [
  'submitted',
  'needs_supplement',
  'accepted',
  'investigating',
  'publicity',
  'disputed',
  'awaiting_decision',
];

/** From each state, the actions allowed and where they lead. */
export const TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseAction, CaseState>>>> = {
  draft: { submit: 'submitted', discard: 'discarded' },
  submitted: { accept: 'accepted', requestSupplement: 'needs_supplement', refuseAcceptance: 'not_accepted', withdraw: 'withdrawn' },
  needs_supplement: { resubmit: 'submitted', withdraw: 'withdrawn' },
  not_accepted: {},
  accepted: { startInvestigation: 'investigating', withdraw: 'withdrawn' },
  // 初审意见 (审核确认办法 art. 19): a proposal to approve is posted (公示); a proposal to refuse is
  // not posted — it goes to the applicant with its reasons and up to the county.
  investigating: { giveOpinion: 'publicity', proposeRefusal: 'awaiting_decision', withdraw: 'withdrawn' },
  publicity: { object: 'disputed', endPublicity: 'awaiting_decision', withdraw: 'withdrawn' },
  // An objection is never settled by going straight up: re-investigation, or 民主评议 and then a NEW
  // 初审意见 (and a new 公示 when it proposes approval). `concludeReview` no longer leaves this state.
  disputed: { reinvestigate: 'investigating', giveOpinion: 'publicity', proposeRefusal: 'awaiting_decision', withdraw: 'withdrawn' },
  awaiting_decision: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' },
  approved: {},
  refused: {},
  withdrawn: {},
  discarded: {},
};

export type TransitionResult = { ok: true; to: CaseState } | { ok: false; from: CaseState; action: CaseAction };

export function transition(from: CaseState, action: CaseAction): TransitionResult {
  const to = TRANSITIONS[from][action];
  return to ? { ok: true, to } : { ok: false, from, action };
}

export const isTerminal = (state: CaseState): boolean => Object.keys(TRANSITIONS[state]).length === 0;

/** States in which a case is "open": the same ID number may not start a second one (per county setting). */
export const isOpen = (state: CaseState): boolean => !isTerminal(state) && state !== 'draft';

// Every withdrawable state must allow withdraw; checked here so the table above cannot drift.
for (const state of WITHDRAWABLE) if (TRANSITIONS[state].withdraw !== 'withdrawn') throw new Error(`${state} must allow withdraw`);
