import { CHANGE_PROPOSAL_RECORD_KIND, changeProposalBodySchema, DECISION_REFUSAL_RECORD_KIND, decisionRefusalBodySchema } from '../../common/sync/decisions';
import type { OutboxRecord } from '../../common/sync/push';
import type { RecordRow } from '../store/types';

/**
 * The records about who decides (docs/sync-protocol.md §5.5): a station's `change.proposal` and a
 * `decision.refusal` (a decision of ours the workstation could not apply). Pure.
 */

/** Why the body is not valid for its kind (null: valid, or a kind this file does not own). */
export function decisionRecordProblem(record: Pick<OutboxRecord, 'kind' | 'caseId' | 'body'>): string | null {
  const schema = record.kind === CHANGE_PROPOSAL_RECORD_KIND ? changeProposalBodySchema : record.kind === DECISION_REFUSAL_RECORD_KIND ? decisionRefusalBodySchema : null;
  if (!schema) return null;
  const parsed = schema.safeParse(record.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
  }
  if (parsed.data.caseId !== record.caseId) return 'body.caseId 与记录的 caseId 不一致';
  return null;
}

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
