import { z } from 'zod';
import { attachmentsItemSchema } from './attachments';
import { changeDecisionItemSchema } from './decisions';
import { RELIEF_FORMS } from '../cases/relief';
import { cursorSchema, serverTimeSchema, sha256HexSchema } from './primitives';

/** Payload of a sealed "pull-request". No cursor means "from the beginning". */
export const pullRequestSchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.number().int().positive().max(1000),
  nonce: z.string().min(16).max(64),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

const base = {
  /** Feed position of this item; informational, the cursor is what the client keeps. */
  feedSeq: z.number().int().positive(),
  /** Platform time the item entered the feed. */
  at: serverTimeSchema,
};

export const WARNING_TYPES = ['death', 'detention', 'new-member', 'disability', 'marriage'] as const;

export const decisionItemSchema = z.object({
  ...base,
  kind: z.literal('decision'),
  id: z.string().min(1).max(64),
  caseId: z.string().min(1).max(64),
  outcome: z.enum(['approved', 'refused']),
  /** Monthly amount in fen (1/100 yuan), integers only; present when approved. */
  amountFen: z.number().int().nonnegative().optional(),
  /** YYYY-MM, present when approved. */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  reasons: z.array(z.string().max(500)).optional(),
  /** 临时救助 approved: amountFen is the total; how it is paid and in how many instalments (docs/sync-protocol.md §6.1). */
  relief: z
    .object({
      form: z.enum(RELIEF_FORMS),
      inKind: z.string().min(1).max(200).optional(),
      payments: z.number().int().min(1).max(12).optional(),
    })
    .optional(),
});

export const warningItemSchema = z.object({
  ...base,
  kind: z.literal('warning'),
  id: z.string().min(1).max(64),
  idNumber: z.string().min(15).max(18),
  type: z.enum(WARNING_TYPES),
  detail: z.string().max(500).optional(),
});

export const referenceItemSchema = z.object({
  ...base,
  kind: z.literal('reference'),
  /** working-days | standards | regions | …; replaces the whole table at that version. */
  table: z.string().min(1).max(64),
  version: z.number().int().nonnegative(),
  data: z.unknown(),
  /** Who published it (the county office), as the platform's admin gave it. */
  publishedBy: z.string().trim().min(1).max(64).optional(),
});

export const policyItemSchema = z.object({
  ...base,
  kind: z.literal('policy'),
  key: z.string().min(1).max(128),
  value: z.unknown(),
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Who published it (the county office), as the platform's admin gave it. */
  publishedBy: z.string().trim().min(1).max(64).optional(),
});

/** A case of the device's station as the platform holds it (pushed by any workstation of the station). */
export const caseItemSchema = z.object({
  ...base,
  kind: z.literal('case'),
  caseId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  body: z.record(z.string(), z.unknown()),
  blobs: z.array(sha256HexSchema).optional(),
  updatedBy: z.string(),
});

/** How a 资格认证 made elsewhere was made: a face check in the mini-program, a video call, another channel. */
export const REMOTE_CERTIFICATION_METHODS = ['face', 'video', 'other'] as const;

/**
 * A 资格认证 the person made elsewhere (the mini-program's face check, …): the envelope only — `id`
 * is the platform's, the body is read by the handler (sync-protocol/records/certificationRemote.ts).
 */
export const certificationRemoteItemSchema = z.object({
  ...base,
  kind: z.literal('certification.remote'),
  id: z.string().min(1).max(64),
  body: z.record(z.string(), z.unknown()),
});

/**
 * A household economic verification report (核对报告) of a station case: the envelope only — `id`
 * is the platform's, the body is read by the handler (sync-protocol/records/verificationReport.ts).
 */
export const verificationReportItemSchema = z.object({
  ...base,
  kind: z.literal('verification.report'),
  id: z.string().min(1).max(64),
  body: z.record(z.string(), z.unknown()),
});

/**
 * What the platform last said about a station case (received, in 核对, awaiting the county's
 * decision, decided …): the envelope only — `id` is the platform's id of this status change, the
 * body is read by the handler (sync-protocol/records/caseStatus.ts).
 */
export const caseStatusItemSchema = z.object({
  ...base,
  kind: z.literal('case.status'),
  id: z.string().min(1).max(64),
  body: z.record(z.string(), z.unknown()),
});

export const pullItemSchema = z.discriminatedUnion('kind', [
  decisionItemSchema,
  warningItemSchema,
  referenceItemSchema,
  policyItemSchema,
  caseItemSchema,
  attachmentsItemSchema,
  changeDecisionItemSchema,
  certificationRemoteItemSchema,
  verificationReportItemSchema,
  caseStatusItemSchema,
]);
export type PullItem = z.infer<typeof pullItemSchema>;

/** Payload of a sealed "pull-page". */
export const pullPageSchema = z.object({
  nonce: z.string(),
  /** The cursor the request carried, echoed: a page answering another request is refused. */
  requestCursor: cursorSchema.nullable(),
  /**
   * True when the request's cursor can no longer be served (feed rebuilt or compacted, another
   * epoch). The client drops what it pulled before and pulls again from `cursor` with no items kept.
   */
  mustRefetch: z.boolean(),
  items: z.array(z.unknown()),
  /** Where the next request starts. Store it only after the page's items are written. */
  cursor: cursorSchema,
  hasMore: z.boolean(),
  serverTime: serverTimeSchema,
});
export type PullPage = z.infer<typeof pullPageSchema>;
