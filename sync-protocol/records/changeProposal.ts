import { z } from 'zod';
import { changeProposalBodySchema, CHANGE_PROPOSAL_RECORD_KIND, type ChangeProposalBody } from '../../common/sync/decisions';
import { blobsSchema, caseIdSchema, sameCase } from './fields';

/** `change.proposal` (docs/sync-protocol.md §5.7): a station's proposal to adjust, phase out or stop a benefit; the county decides. No blobs. */
export const CHANGE_PROPOSAL = CHANGE_PROPOSAL_RECORD_KIND;

export const changeProposalRecordSchema = z
  .object({ kind: z.literal(CHANGE_PROPOSAL), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: changeProposalBodySchema })
  .superRefine(sameCase);
export type ChangeProposalRecord = z.input<typeof changeProposalRecordSchema>;

export function changeProposalRecord(body: ChangeProposalBody): ChangeProposalRecord {
  return { kind: CHANGE_PROPOSAL, caseId: body.caseId, body };
}
