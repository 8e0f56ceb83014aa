import type { z } from 'zod';
import { attachmentsItemSchema } from '../../common/sync/attachments';
import { changeDecisionItemSchema } from '../../common/sync/decisions';
import { caseItemSchema, decisionItemSchema, policyItemSchema, referenceItemSchema, warningItemSchema } from '../../common/sync/pull';
import { caseUpsertBodySchema } from './caseUpsert';
import { pulledApplicationOnlineItemSchema } from './applicationOnline';
import { pulledCertificationRemoteItemSchema } from './certificationRemote';
import { pulledVerificationReportItemSchema } from './verificationReport';
import { pulledCaseStatusItemSchema } from './caseStatus';
import { pulledRosterRecipientItemSchema } from './rosterRecipientItem';
import { readAs, type Read } from './issue';

/**
 * The pull items a workstation applies (docs/sync-protocol.md §7), one schema per kind. A `case`
 * item's body is the `case.upsert` body the pushing counter sent, so it is read with that schema.
 * Each handler reads its item with `readPullItem`; an item that does not parse is refused with its
 * kind and first issue, never applied by probing.
 */
export const pulledCaseItemSchema = caseItemSchema.extend({ body: caseUpsertBodySchema });

export const PULL_ITEM_SCHEMAS = {
  decision: decisionItemSchema,
  warning: warningItemSchema,
  reference: referenceItemSchema,
  policy: policyItemSchema,
  case: pulledCaseItemSchema,
  attachments: attachmentsItemSchema,
  'change-decision': changeDecisionItemSchema,
  'certification.remote': pulledCertificationRemoteItemSchema,
  'verification.report': pulledVerificationReportItemSchema,
  'application.online': pulledApplicationOnlineItemSchema,
  'roster.recipient': pulledRosterRecipientItemSchema,
  'case.status': pulledCaseStatusItemSchema,
} as const;

export type PullItemKind = keyof typeof PULL_ITEM_SCHEMAS;
export type PullItemOf<K extends PullItemKind> = z.output<(typeof PULL_ITEM_SCHEMAS)[K]>;
export type PulledCaseItem = PullItemOf<'case'>;

/** Read a pulled item of kind `kind` with its schema. */
export const readPullItem = <K extends PullItemKind>(kind: K, item: unknown): Read<PullItemOf<K>> =>
  readAs(kind, PULL_ITEM_SCHEMAS[kind], item) as Read<PullItemOf<K>>;
