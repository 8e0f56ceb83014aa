import { z } from 'zod';
import { CASE_PLATFORM_STATUSES, type CasePlatformStatus } from '../../common/cases/platformStatus';
import { caseStatusItemSchema as envelope } from '../../common/sync/pull';
import { caseIdSchema } from './fields';

/**
 * `case.status` (docs/sync-protocol.md §7.5; main/core/cases/platformStatus): what the platform last
 * said about a case of the station — received, in 核对, 核对 done, awaiting the county's 审核确认,
 * decided, or sent back. The platform emits one item whenever a case's status changes; `id` is the
 * platform's id of that change, so a workstation keeps it once whatever the number of deliveries,
 * and the item's `feedSeq` orders the changes of one case (an older one never overwrites a newer).
 * The status is read as any short word: a value this version does not know is kept and shown as
 * such, never dropped.
 */
export const CASE_STATUS = 'case.status';

export { CASE_PLATFORM_STATUSES, type CasePlatformStatus };

export const caseStatusBodySchema = z
  .object({
    caseId: caseIdSchema,
    /** The case number as the platform holds it (null for a case it knows by id only). */
    caseNo: z.string().max(40).nullable(),
    /** One of CASE_PLATFORM_STATUSES, or a newer word this version keeps as it came. */
    status: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z][a-z0-9-]*$/),
    /** A short zh-CN note of the platform (the report number, the outcome, why a case went back). */
    note: z.string().min(1).max(200).optional(),
  })
  .strict();
export type CaseStatusBody = z.infer<typeof caseStatusBodySchema>;

export const pulledCaseStatusItemSchema = envelope.extend({ body: caseStatusBodySchema });
export type PulledCaseStatusItem = z.infer<typeof pulledCaseStatusItemSchema>;
