import { z } from 'zod';
import type { OutboxRecord } from '../../common/sync/push';
import { caseAmendmentRecordSchema } from './caseAmendment';
import { caseAuthorizationRecordSchema } from './caseAuthorization';
import { caseUpsertRecordSchema } from './caseUpsert';
import { certificationRecordSchema } from './certificationRecord';
import { changeProposalRecordSchema } from './changeProposal';
import { decisionRefusalRecordSchema } from './decisionRefusal';
import { documentMetaRecordSchema } from './documentMeta';
import { firstIssue, issue, type RecordIssue } from './issue';
import { monitoringEntryRecordSchema } from './monitoringEntry';
import { ratingFollowUpRecordSchema } from './ratingFollowUp';
import { ratingRecordSchema } from './ratingRecord';
import { reliefPaymentRecordSchema } from './reliefPayment';
import { rosterImportedRecordSchema } from './rosterImported';

/**
 * Every record kind a workstation writes and the platform applies: one schema each, registered
 * here. A kind is added by its own file (body schema, record schema, builder) and one line below.
 */
export const RECORD_SCHEMAS = [
  caseUpsertRecordSchema,
  documentMetaRecordSchema,
  certificationRecordSchema,
  changeProposalRecordSchema,
  decisionRefusalRecordSchema,
  caseAuthorizationRecordSchema,
  caseAmendmentRecordSchema,
  reliefPaymentRecordSchema,
  monitoringEntryRecordSchema,
  ratingRecordSchema,
  ratingFollowUpRecordSchema,
  rosterImportedRecordSchema,
] as const;

/** A record by its kind: what the builders return and `Outbox.enqueue` takes (a wrong body for a kind does not compile). */
export const outboundRecordSchema = z.discriminatedUnion('kind', RECORD_SCHEMAS);
export type OutboundRecord = z.input<typeof outboundRecordSchema>;
/** A record as read by the platform, by kind. */
export type ReadRecord = z.output<typeof outboundRecordSchema>;
export type RecordKind = OutboundRecord['kind'];

export const RECORD_KINDS: readonly RecordKind[] = RECORD_SCHEMAS.map((s) => s.shape.kind.value);

const byKind = new Map<string, (typeof RECORD_SCHEMAS)[number]>(RECORD_SCHEMAS.map((s) => [s.shape.kind.value, s]));

export type RecordRead =
  { ok: true; record: ReadRecord & Pick<OutboxRecord, 'id' | 'seq' | 'madeAt'> } | { ok: false; unknownKind: boolean; issue: RecordIssue };

/**
 * Read a pushed record (its envelope already parsed by the bundle's schema) with its kind's
 * schema: the body, and the rules that tie it to the envelope (its case, its blobs). A kind this
 * module does not know is told apart: the platform answers SYNC_RECORD_UNKNOWN_KIND for it.
 */
export function readRecord(record: OutboxRecord): RecordRead {
  const schema = byKind.get(record.kind);
  if (!schema) return { ok: false, unknownKind: true, issue: issue(record.kind, 'kind', 'unknown record kind') };
  const parsed = schema.safeParse(record);
  if (!parsed.success) return { ok: false, unknownKind: false, issue: firstIssue(record.kind, parsed.error) };
  return { ok: true, record: { ...parsed.data, id: record.id, seq: record.seq, madeAt: record.madeAt } };
}
