import {
  CHANGE_PROPOSAL_RECORD_KIND,
  changeProposalBodySchema,
  DECISION_REFUSAL_RECORD_KIND,
  decisionRefusalBodySchema,
} from '../../common/sync/decisions';
import type { RecordRow } from '../store/types';

/*
 * The admin's view of the records about who decides (docs/sync-protocol.md §5.7): a station's
 * `change.proposal` and a `decision.refusal` (a decision of ours the workstation could not apply).
 * Their bodies were checked by the record validator (sync-protocol/records/) when they arrived;
 * what is read back here is read with the same schemas. Pure.
 */

/** Kinds whose body the admin's record list shows: they carry no personal data, and say what was proposed or refused and why. */
export const SHOWN_RECORD_KINDS: readonly string[] = [CHANGE_PROPOSAL_RECORD_KIND, DECISION_REFUSAL_RECORD_KIND];

/** A record as the admin lists it: the body only for the kinds above. */
export function listedRecord(r: RecordRow): RecordRow {
  const { body, ...rest } = r;
  return SHOWN_RECORD_KINDS.includes(r.kind) && body ? { ...rest, body } : rest;
}

/** The acknowledged proposal with this id on this case, if the platform holds it. */
export function findProposal(records: RecordRow[], caseId: string, proposalId: string): RecordRow | undefined {
  return records.find(
    (r) =>
      r.kind === CHANGE_PROPOSAL_RECORD_KIND &&
      r.status === 'acknowledged' &&
      r.caseId === caseId &&
      changeProposalBodySchema.safeParse(r.body).data?.proposalId === proposalId,
  );
}

/** One line for the command line: what a shown record says. */
export function recordSummary(r: RecordRow): string {
  const refusal = r.kind === DECISION_REFUSAL_RECORD_KIND ? decisionRefusalBodySchema.safeParse(r.body).data : undefined;
  if (refusal) return `refused ${refusal.decisionKind} ${refusal.decisionId}: ${refusal.code} ${refusal.reason}`;
  const proposal = r.kind === CHANGE_PROPOSAL_RECORD_KIND ? changeProposalBodySchema.safeParse(r.body).data : undefined;
  return proposal ? `proposal ${proposal.proposalId}: ${proposal.outcome} from ${proposal.effectiveMonth}` : '';
}
