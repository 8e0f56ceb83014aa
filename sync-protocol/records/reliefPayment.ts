import { z } from 'zod';
import { RELIEF_PAYMENT_RECORD_KIND, reliefPaymentBodySchema, type ReliefPaymentBody } from '../../common/sync/relief';
import { blobsSchema, caseIdSchema, sameCase } from './fields';

/** `relief.payment` (docs/sync-protocol.md §5.8): a 临时救助 payment — the station's 先行救助 or a decision's grant. */
export const RELIEF_PAYMENT = RELIEF_PAYMENT_RECORD_KIND;

export const reliefPaymentRecordSchema = z
  .object({ kind: z.literal(RELIEF_PAYMENT), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: reliefPaymentBodySchema })
  .superRefine(sameCase);
export type ReliefPaymentRecord = z.input<typeof reliefPaymentRecordSchema>;

export function reliefPaymentRecord(body: ReliefPaymentBody): ReliefPaymentRecord {
  return { kind: RELIEF_PAYMENT, caseId: body.caseId, body };
}
