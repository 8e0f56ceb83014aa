import { z } from 'zod';

/**
 * What the platform last said about a case (pull item `case.status`, docs/sync-protocol.md §7.5):
 * the statuses this version knows, in the order a case usually passes them. A status the platform
 * sends that is not here is kept as it came and shown as an unknown status with its value.
 */
export const CASE_PLATFORM_STATUSES = ['received', 'verifying', 'verified', 'awaiting-decision', 'decided', 'returned'] as const;
export type CasePlatformStatus = (typeof CASE_PLATFORM_STATUSES)[number];

const KNOWN = new Set<string>(CASE_PLATFORM_STATUSES);
export const isKnownPlatformStatus = (status: string): status is CasePlatformStatus => KNOWN.has(status);

/** One status the platform sent for a case, as the workstation keeps it. */
export const platformStatusEntrySchema = z.object({
  /** The platform's id of this change. */
  id: z.string(),
  /** A known status, or the platform's word as it came (see `known`). */
  status: z.string(),
  known: z.boolean(),
  /** The platform's time of the change (ISO). */
  at: z.string(),
  note: z.string().nullable(),
  feedSeq: z.number().int(),
});
export type PlatformStatusEntry = z.infer<typeof platformStatusEntrySchema>;

/** A case's platform status on the case page: the latest, and every change newest first. */
export const casePlatformStatusSchema = z.object({
  current: platformStatusEntrySchema.nullable(),
  history: z.array(platformStatusEntrySchema),
});
export type CasePlatformStatusView = z.infer<typeof casePlatformStatusSchema>;

/** The sync centre's list 平台状态: per case its latest status, the applicant's name masked. */
export const platformStatusRowSchema = platformStatusEntrySchema.extend({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  /** Masked (王*文); null when this station does not hold the case. */
  applicantNameMasked: z.string().nullable(),
  /** Whether this station holds the case (a status may come before the case does). */
  held: z.boolean(),
});
export type PlatformStatusRow = z.infer<typeof platformStatusRowSchema>;

/** Filter of the list: every case, the cases at one known status, or those whose status this version does not know. */
export const platformStatusFilterSchema = z.union([z.literal('all'), z.literal('unknown'), z.enum(CASE_PLATFORM_STATUSES)]);
export type PlatformStatusFilter = z.infer<typeof platformStatusFilterSchema>;
