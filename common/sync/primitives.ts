import { z } from 'zod';

/** The protocol's major version: the `/v1` in every path and `v` in every sealed header. */
export const PROTOCOL_VERSION = 1 as const;

/**
 * A public key as unpadded base64url: 32 bytes (Ed25519 or X25519, 43 characters) or an SM2 point
 * 04 ‖ x ‖ y (65 bytes, 87 characters).
 */
export const publicKeySchema = z.string().regex(/^(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{87})$/, 'expected a 32- or 65-byte key in base64url');

/** SHA-256 in lower-case hex: blob addresses and machine-id hashes. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex');

export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID');

/** Device ids are issued by the platform at registration: `dev_` + 26 base32 characters. */
export const deviceIdSchema = z.string().regex(/^dev_[a-z2-7]{26}$/, 'expected a device id');

/** An opaque server-issued pull cursor. Clients store and send it back verbatim, never parse it. */
export const cursorSchema = z.string().min(1).max(512);

/** Milliseconds since the Unix epoch, as measured by the platform's clock. */
export const serverTimeSchema = z.number().int().nonnegative();

/** Positive, per-device monotonic sequence numbers (records and bundles). */
export const seqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The crypto suites a sealed message can name: the international one and 国密 (SM2/SM3/SM4). */
export const SUITE_IDS = ['X25519-ED25519-AES256GCM-v1', 'SM2-SM3-SM4GCM-v1'] as const;
export const suiteIdSchema = z.enum(SUITE_IDS);
export type SuiteId = z.infer<typeof suiteIdSchema>;
