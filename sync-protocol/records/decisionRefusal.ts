import { z } from 'zod';
import { DECISION_REFUSAL_RECORD_KIND, decisionRefusalBodySchema, type DecisionRefusalBody } from '../../common/sync/decisions';
import { blobsSchema, caseIdSchema, sameCase } from './fields';

/** `decision.refusal` (docs/sync-protocol.md §5.7): a pulled decision the workstation could not apply, sent back with why. No blobs. */
export const DECISION_REFUSAL = DECISION_REFUSAL_RECORD_KIND;

export const decisionRefusalRecordSchema = z
  .object({ kind: z.literal(DECISION_REFUSAL), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: decisionRefusalBodySchema })
  .superRefine(sameCase);
export type DecisionRefusalRecord = z.input<typeof decisionRefusalRecordSchema>;

export function decisionRefusalRecord(body: DecisionRefusalBody): DecisionRefusalRecord {
  return { kind: DECISION_REFUSAL, caseId: body.caseId, body };
}
