import { z } from 'zod';

/**
 * The body of every non-2xx answer of the platform (and of a rejected record). `code` is a plain
 * string, not the local enum: a newer platform may send codes this build does not know yet, and
 * the client must still show `message`.
 */
export const wireErrorSchema = z.object({
  code: z.string().min(1).max(64),
  /** zh-CN, for the clerk: what happened and what to do. */
  message: z.string(),
  /** English, for engineers reading logs. */
  messageEn: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;
