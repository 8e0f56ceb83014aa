import { z } from 'zod';

/** Station-wide sync settings, kept in the encrypted store (sync_state 'settings'). */
export const syncSettingsSchema = z.object({
  /** Scheduled windows, local time HH:MM. */
  windows: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)).max(12),
  /** A window starts after a random delay of 0..jitterMinutes. */
  jitterMinutes: z.number().int().min(0).max(120),
  /** Upload cap in kbit/s (office hours); null = no cap. */
  bandwidthKbps: z.number().int().positive().max(1_000_000).nullable(),
  /** The sync centre warns when the last success is older than this. */
  staleDays: z.number().int().min(1).max(365),
  /** Target size of one sealed bundle (the platform's limit still applies). */
  bundleTargetBytes: z
    .number()
    .int()
    .min(4096)
    .max(16 * 1024 * 1024),
  /** Blobs of station cases pulled within this many days are fetched at the end of a run; 0 = only when opened. */
  prefetchDays: z.number().int().min(0).max(90),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  windows: ['12:00', '17:30'],
  jitterMinutes: 10,
  bandwidthKbps: null,
  staleDays: 3,
  bundleTargetBytes: 256 * 1024,
  prefetchDays: 7,
};
