import { z } from 'zod';
import { PROTOCOL_VERSION, publicKeySchema, seqSchema, suiteIdSchema, uuidSchema } from './primitives';

/** What a sealed message carries; the header names it so the opener refuses a message used out of place. */
export const SEALED_KINDS = ['bundle', 'bundle-result', 'session-request', 'session', 'pull-request', 'pull-page'] as const;
export const sealedKindSchema = z.enum(SEALED_KINDS);
export type SealedKind = z.infer<typeof sealedKindSchema>;

export const COMPRESSIONS = ['gzip', 'deflate', 'identity'] as const;
export const compressionSchema = z.enum(COMPRESSIONS);
export type Compression = z.infer<typeof compressionSchema>;

/**
 * The clear-text header of a sealed message. It travels in clear (the platform must know whose key
 * to use before it can decrypt) but is bound to the ciphertext as AES-GCM additional data and is
 * covered by the sender's signature, so no field can be changed.
 */
export const sealedHeaderSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  suite: suiteIdSchema,
  kind: sealedKindSchema,
  /** Device id, or "platform:<platformId>". */
  from: z.string().min(1).max(80),
  /** Device id, or "platform:<platformId>". */
  to: z.string().min(1).max(80),
  /** Unique per message; a bundle's id is its idempotency key. */
  id: uuidSchema,
  /** Per-device bundle sequence; only on kind "bundle". */
  seq: seqSchema.optional(),
  compression: compressionSchema,
  /** Ephemeral X25519 public key of this message. */
  epk: publicKeySchema,
  /** 12-byte AES-GCM nonce, base64url. */
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
});
export type SealedHeader = z.infer<typeof sealedHeaderSchema>;

/** Media type of a sealed message body: "JZS1" ‖ u32 header length ‖ header JSON ‖ ciphertext ‖ tag. */
export const SEALED_MEDIA_TYPE = 'application/vnd.jiuzhu.sealed';
export const SEALED_MAGIC = 'JZS1';
