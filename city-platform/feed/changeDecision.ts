import { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';
import { findProposal } from '../apply/decisionRecords';
import type { PlatformStore } from '../store/types';

/** Input of the county's decision on a station's proposal to change a benefit (POST /admin/change-decisions, CLI decide-change). */
export const changeDecisionInputSchema = z.object({
  caseId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  outcome: z.enum(['approved', 'refused']),
  reasons: z.array(z.string().min(1).max(500)).max(10).optional(),
  legalBasis: z.array(z.string().min(1).max(120)).max(10).optional(),
});
export type ChangeDecisionInput = z.infer<typeof changeDecisionInputSchema>;

/**
 * The county decides a proposal the platform holds (an acknowledged `change.proposal` record of
 * the case): the decision goes into the feed of the case's station as a `change-decision` item.
 * A refusal needs its reasons. The workstation applies it at its next pull, or sends it back
 * (`decision.refusal`) when it cannot.
 */
export async function appendChangeDecision(
  store: PlatformStore,
  id: string,
  input: ChangeDecisionInput,
  at: number,
): Promise<{ id: string; feedSeq: number }> {
  if (input.outcome === 'refused' && !input.reasons?.length)
    throw new JiuzhuError('INVALID_INPUT', { path: 'reasons', detail: 'a refusal needs at least one reason' });
  const held = await store.getCase(input.caseId);
  if (!held) throw new JiuzhuError('INVALID_INPUT', { path: 'caseId', detail: 'unknown case' });
  if (!findProposal(await store.listRecords(), input.caseId, input.proposalId))
    throw new JiuzhuError('INVALID_INPUT', {
      path: 'proposalId',
      detail: 'no such proposal on this case (a change.proposal record acknowledged by the platform)',
    });
  const feedSeq = await store.appendFeed({
    kind: 'change-decision',
    stationId: held.stationId,
    regionCode: null,
    body: { id, ...input },
    at,
  });
  return { id, feedSeq };
}
