import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';
import { keyringMacKey } from './slotCrypto';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const kdfSpec = z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: b64 });
const sealed = z.object({ nonce: b64, ct: b64 });
const box = z.object({ keyId: z.string().min(1), epk: b64, nonce: b64, ct: b64 });

/** A staff member's slot: X25519 key pair, private key sealed under scrypt(password) + machine secret, DB key boxed to the public key. */
export const passwordSlotSchema = z.object({
  type: z.literal('password'),
  id: z.string().min(1),
  username: z.string().min(1),
  kdf: kdfSpec,
  pub: b64,
  priv: sealed,
  box,
  /** The next DB key while a rekey is under way (README "Rotation"). */
  nextBox: box.optional(),
  updatedAt: z.string(),
});
/** The recovery slot: as a password slot, under the recovery code and without the machine secret. */
export const recoverySlotSchema = z.object({
  type: z.literal('recovery'),
  id: z.string().min(1),
  kdf: kdfSpec,
  pub: b64,
  priv: sealed,
  box,
  nextBox: box.optional(),
  createdAt: z.string(),
});
/** Format 1 slots (DB key sealed directly under scrypt, AAD bound to the stored machine tag), kept until migrated. */
export const legacyPasswordSlotSchema = z.object({
  type: z.literal('password-v1'),
  id: z.string().min(1),
  username: z.string().min(1),
  kdf: kdfSpec,
  nonce: b64,
  ct: b64,
  updatedAt: z.string(),
});
export const legacyRecoverySlotSchema = z.object({
  type: z.literal('recovery-v1'),
  id: z.string().min(1),
  kdf: kdfSpec,
  nonce: b64,
  ct: b64,
  createdAt: z.string(),
});
export const slotSchema = z.discriminatedUnion('type', [
  passwordSlotSchema,
  recoverySlotSchema,
  legacyPasswordSlotSchema,
  legacyRecoverySlotSchema,
]);

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
  version: z.literal(2),
  keyringId: z.string().min(1),
  stationId: z.string().min(1),
  createdAt: z.string(),
  /** HMAC of the keyring id under the machine secret of the machine the password slots were made on. */
  machineCheck: hex64.nullable(),
  /** Format 1's stored tag, only while format 1 slots remain (it binds nothing an attacker cannot recompute). */
  legacyMachineTag: hex64.optional(),
  /** Id of the current database key, and of the next one while a rekey is under way. */
  keyId: z.string().min(1),
  nextKeyId: z.string().min(1).optional(),
  slots: z.array(slotSchema),
  /** HMAC over the authenticated part (all but guard, pendingEvents and the MACs) keyed from the DB key; null only right after a format 1 file was read. */
  mac: hex64.nullable(),
  /** The same keyed from the next DB key, while a rekey is under way. */
  nextMac: hex64.optional(),
  guard: z.record(z.string(), guardSchema),
  pendingEvents: z.array(pendingEventSchema),
});
export const keyringFileSchema = keyringBodySchema.extend({ checksum: hex64 });

/** Format 1 as written by earlier versions; read once and converted (keyringFile.ts). */
export const legacyKeyringFileSchema = z.object({
  format: z.literal('jiuzhu-keyring'),
  version: z.literal(1),
  keyringId: z.string().min(1),
  stationId: z.string().min(1),
  createdAt: z.string(),
  machineTag: hex64,
  slots: z.array(
    z.discriminatedUnion('type', [
      z.object({
        type: z.literal('password'),
        id: z.string().min(1),
        username: z.string().min(1),
        kdf: kdfSpec,
        nonce: b64,
        ct: b64,
        updatedAt: z.string(),
      }),
      z.object({ type: z.literal('recovery'), id: z.string().min(1), kdf: kdfSpec, nonce: b64, ct: b64, createdAt: z.string() }),
      z.object({ type: z.literal('os-keystore'), id: z.string().min(1), backend: z.string(), blob: b64, createdAt: z.string() }),
    ]),
  ),
  guard: z.record(z.string(), guardSchema),
  pendingEvents: z.array(pendingEventSchema),
  checksum: hex64,
});
export type LegacyKeyringFile = z.infer<typeof legacyKeyringFileSchema>;

export type PasswordSlot = z.infer<typeof passwordSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
export type LegacyPasswordSlot = z.infer<typeof legacyPasswordSlotSchema>;
export type LegacyRecoverySlot = z.infer<typeof legacyRecoverySlotSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type Guard = z.infer<typeof guardSchema>;
export type PendingAuthEvent = z.infer<typeof pendingEventSchema>;
export type KeyringBody = z.infer<typeof keyringBodySchema>;

/** Unkeyed checksum of the whole file: catches damage before unlock (the MAC catches edits after). */
export function keyringChecksum(body: unknown): string {
  return createHash('sha256').update('jiuzhu-keyring/v1\0').update(canonicalJson(body)).digest('hex');
}

/** What the MAC covers: everything but the fields written without the key (guard, pending events) and the MACs. */
export function authenticatedPart(body: KeyringBody): unknown {
  const { guard: _g, pendingEvents: _p, mac: _m, nextMac: _n, ...rest } = body;
  return rest;
}

export function keyringMac(body: KeyringBody, dbKey: Uint8Array): string {
  return createHmac('sha256', keyringMacKey(dbKey))
    .update('jiuzhu-keyring/v2/mac\0')
    .update(canonicalJson(authenticatedPart(body)))
    .digest('hex');
}

/** Format 1's machine tag: SHA-256 over the keyring id and the hashed machine id (both public). */
export function legacyMachineTag(keyringId: string, machineId: string): string {
  return createHash('sha256').update('jiuzhu-keyring/machine/v1\0').update(keyringId).update('\0').update(machineId).digest('hex');
}
