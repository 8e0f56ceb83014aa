import { z } from 'zod';

/**
 * Who decides a change to a benefit, on the wire (docs/sync-protocol.md §6.2, §5.5). A station's
 * 调整 / 渐退 / 终止 is a proposal (`change.proposal` record); the county decides it on the
 * platform and the decision comes back as a `change-decision` pull item. A decision a workstation
 * cannot apply (a case at another step, a proposal already decided …) goes back as a
 * `decision.refusal` record, so the platform is never left believing it was applied.
 */

export const CHANGE_PROPOSAL_RECORD_KIND = 'change.proposal';
export const DECISION_REFUSAL_RECORD_KIND = 'decision.refusal';

const id = z.string().min(1).max(64);
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const fen = z.number().int().nonnegative().max(10_000_000);
const lines = (max: number) => z.array(z.string().min(1).max(max)).min(1).max(10);

export const CHANGE_OUTCOMES = ['adjust', 'phase_out', 'stop'] as const;
export const CHANGE_ORIGINS = ['review', 'warning'] as const;

/** Body of a `change.proposal` record: what the station proposes for an enrolled household, and why. */
export const changeProposalBodySchema = z
  .object({
    proposalId: id,
    caseId: id,
    rosterId: id,
    /** The periodic review (定期核查) or the monitoring warning (预警) the proposal comes from, by id. */
    origin: z.enum(CHANGE_ORIGINS),
    originId: id,
    outcome: z.enum(CHANGE_OUTCOMES),
    /** The monthly amount paid now. */
    previousAmountFen: fen,
    /** adjust: the new monthly amount; 渐退: the amount during the phase-out. */
    newAmountFen: fen.optional(),
    /** The first month the change applies to. */
    effectiveMonth: isoMonth,
    /** 渐退: how many months (≤ 6), the last paid month and the month the benefit stops. */
    phaseOut: z
      .object({ months: z.number().int().min(1).max(6), endMonth: isoMonth, stopMonth: isoMonth })
      .strict()
      .optional(),
    reasons: lines(200),
    legalBasis: lines(120),
    proposedAt: z.string().max(40),
  })
  .strict()
  .refine((b) => b.outcome === 'stop' || b.newAmountFen !== undefined, {
    path: ['newAmountFen'],
    message: 'adjust and phase_out carry the amount',
  })
  .refine((b) => (b.outcome === 'phase_out') === (b.phaseOut !== undefined), {
    path: ['phaseOut'],
    message: 'phaseOut is given for phase_out only',
  });
export type ChangeProposalBody = z.infer<typeof changeProposalBodySchema>;

/** The decisions a workstation can refuse: a case's 审核确认 (`decision`) or a change's (`change-decision`). */
export const DECIDED_ITEM_KINDS = ['decision', 'change-decision'] as const;

/** Body of a `decision.refusal` record: the decision the workstation did not apply, and why (an error code with its zh-CN message). */
export const decisionRefusalBodySchema = z
  .object({
    decisionId: id,
    decisionKind: z.enum(DECIDED_ITEM_KINDS),
    caseId: id,
    /** The error code of the catalog (DECISION_WRONG_STEP, CHANGE_ALREADY_DECIDED, …). */
    code: z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/),
    /** Its zh-CN message, as the station's staff see it. */
    reason: z.string().min(1).max(500),
    /** The case's state at the workstation when the decision arrived (absent for a case it does not hold). */
    caseState: z.string().max(40).optional(),
    receivedAt: z.string().max(40),
  })
  .strict();
export type DecisionRefusalBody = z.infer<typeof decisionRefusalBodySchema>;

/** Pull item: the county's decision on a station's proposal to change a benefit. */
export const changeDecisionItemSchema = z.object({
  feedSeq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  kind: z.literal('change-decision'),
  id,
  caseId: id,
  proposalId: id,
  /** approved: the proposal applies as proposed; refused: the benefit continues unchanged. */
  outcome: z.enum(['approved', 'refused']),
  /** Required when refused: why the county did not agree. */
  reasons: z.array(z.string().min(1).max(500)).max(10).optional(),
  /** The legal basis the county cites (the proposal's is used when absent). */
  legalBasis: z.array(z.string().min(1).max(120)).max(10).optional(),
});
export type ChangeDecisionItem = z.infer<typeof changeDecisionItemSchema>;
