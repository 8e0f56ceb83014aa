import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const kdfSpec = z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: b64 });

export const passwordSlotSchema = z.object({
  type: z.literal('password'),
  id: z.string().min(1),
  username: z.string().min(1),
  kdf: kdfSpec,
  nonce: b64,
  ct: b64,
  updatedAt: z.string(),
});
export const recoverySlotSchema = z.object({
  type: z.literal('recovery'),
  id: z.string().min(1),
  kdf: kdfSpec,
  nonce: b64,
  ct: b64,
  createdAt: z.string(),
});
export const keystoreSlotSchema = z.object({
  type: z.literal('os-keystore'),
  id: z.string().min(1),
  /** The backend used when the slot was made (e.g. gnome_libsecret, kwallet5, dpapi); pinned. */
  backend: z.string().min(1),
  blob: b64,
  createdAt: z.string(),
});
export const slotSchema = z.discriminatedUnion('type', [passwordSlotSchema, recoverySlotSchema, keystoreSlotSchema]);

/** Failed-login state of one username, readable before the database is unlocked. */
export const guardSchema = z.object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable() });

/** Auth events that happened while the database was closed; copied to the audit log at next unlock. */
export const pendingEventSchema = z.object({
  at: z.string(),
  action: z.enum(['auth.login_failed', 'auth.locked_out', 'auth.login_refused_locked', 'auth.recovery_failed']),
  username: z.string(),
});

export const keyringBodySchema = z.object({
  format: z.literal('jiuzhu-keyring'),
  version: z.literal(1),
  keyringId: z.string().min(1),
  stationId: z.string().min(1),
  createdAt: z.string(),
  /** SHA-256 over the machine id and keyringId: which machine the password slots are bound to. */
  machineTag: z.string().regex(/^[0-9a-f]{64}$/),
  slots: z.array(slotSchema),
  guard: z.record(z.string(), guardSchema),
  pendingEvents: z.array(pendingEventSchema),
});
export const keyringFileSchema = keyringBodySchema.extend({ checksum: z.string().regex(/^[0-9a-f]{64}$/) });

export type PasswordSlot = z.infer<typeof passwordSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
export type KeystoreSlot = z.infer<typeof keystoreSlotSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type Guard = z.infer<typeof guardSchema>;
export type PendingAuthEvent = z.infer<typeof pendingEventSchema>;
export type KeyringBody = z.infer<typeof keyringBodySchema>;

export function keyringChecksum(body: KeyringBody): string {
  return createHash('sha256').update('jiuzhu-keyring/v1\0').update(canonicalJson(body)).digest('hex');
}

export function machineTag(keyringId: string, machineId: string): string {
  return createHash('sha256').update('jiuzhu-keyring/machine/v1\0').update(keyringId).update('\0').update(machineId).digest('hex');
}
