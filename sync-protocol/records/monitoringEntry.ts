import { z } from 'zod';
import { MONITORING_RECORD_KIND, monitoringBodySchema, type MonitoringBody } from '../../common/sync/relief';
import { blobsSchema, caseIdSchema, sameCase } from './fields';

/** `monitoring.entry` (docs/sync-protocol.md §5.8): a household put under, or taken off, 低收入人口 monitoring. */
export const MONITORING_ENTRY = MONITORING_RECORD_KIND;

export const monitoringEntryRecordSchema = z
  .object({ kind: z.literal(MONITORING_ENTRY), caseId: caseIdSchema, blobs: blobsSchema.optional(), body: monitoringBodySchema })
  .superRefine(sameCase);
export type MonitoringEntryRecord = z.input<typeof monitoringEntryRecordSchema>;

export function monitoringEntryRecord(body: MonitoringBody): MonitoringEntryRecord {
  return { kind: MONITORING_ENTRY, caseId: body.caseId, body };
}
