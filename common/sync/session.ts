import { z } from 'zod';
import { serverTimeSchema } from './primitives';

/** Payload of a sealed "session-request": asks for a bearer token for the blob (tus) endpoints. */
export const sessionRequestSchema = z.object({
  /** Random, echoed in the answer so an old answer cannot be replayed as a new one. */
  nonce: z.string().min(16).max(64),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

/** Payload of a sealed "session". */
export const sessionSchema = z.object({
  nonce: z.string(),
  token: z.string().min(32).max(128),
  /** Seconds from now: relative, so a skewed workstation clock does not matter. */
  expiresIn: z.number().int().positive(),
  serverTime: serverTimeSchema,
});
export type Session = z.infer<typeof sessionSchema>;
