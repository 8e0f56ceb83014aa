import { CHANGE_PROPOSAL_RECORD_KIND, DECISION_REFUSAL_RECORD_KIND } from '../../common/sync/decisions';
import type { RecordRow } from '../store/types';

/**
 * The admin's view of the records about who decides (docs/sync-protocol.md §5.7): a station's
 * `change.proposal` and a `decision.refusal` (a decision of ours the workstation could not apply).
 * Their bodies are checked by the record validator (sync-protocol/records/). Pure.
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
  return records.find((r) => r.kind === CHANGE_PROPOSAL_RECORD_KIND && r.status === 'acknowledged' && r.caseId === caseId && r.body?.['proposalId'] === proposalId);
}

/** One line for the command line: what a shown record says. */
export function recordSummary(r: RecordRow): string {
  const b = r.body;
  if (!b) return '';
  if (r.kind === DECISION_REFUSAL_RECORD_KIND) return `refused ${String(b['decisionKind'])} ${String(b['decisionId'])}: ${String(b['code'])} ${String(b['reason'])}`;
  if (r.kind === CHANGE_PROPOSAL_RECORD_KIND) return `proposal ${String(b['proposalId'])}: ${String(b['outcome'])} from ${String(b['effectiveMonth'])}`;
  return '';
}
