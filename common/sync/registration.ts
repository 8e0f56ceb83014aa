import { z } from 'zod';
import { deviceIdSchema, publicKeySchema, serverTimeSchema, sha256HexSchema, suiteIdSchema } from './primitives';

export const limitsSchema = z.object({
  /** Largest sealed bundle body the platform accepts, in bytes. */
  maxBundleBytes: z.number().int().positive(),
  maxRecordsPerBundle: z.number().int().positive(),
  /** Largest decompressed bundle payload, in bytes (guards against compression bombs). */
  maxPayloadBytes: z.number().int().positive(),
  maxBlobBytes: z.number().int().positive(),
  maxPullLimit: z.number().int().positive(),
});
export type Limits = z.infer<typeof limitsSchema>;

/** 窗口号, 1–99: two digits of every case number the counter issues. */
export const counterNoSchema = z.number().int().min(1).max(99);

/** `GET /v1/platform`: who the platform is. Compare `fingerprint` with the one printed on the enrolment slip. */
export const platformInfoSchema = z.object({
  protocol: z.number().int().positive(),
  platformId: z.string().min(1).max(64),
  suites: z.array(suiteIdSchema).min(1),
  signingKey: publicKeySchema,
  encryptionKey: publicKeySchema,
  /** First 16 bytes of SHA-256(signingKey ‖ encryptionKey) as hex, grouped for reading aloud. */
  fingerprint: z.string(),
  /**
   * Every offered suite with its own keys and fingerprint (SM3 instead of SHA-256 for the 国密
   * suite), in `suites` order; the top-level keys are the first one's. The workstation enrols with
   * the suite whose fingerprint is the one on its enrolment slip.
   */
  suiteKeys: z
    .array(z.object({ suite: suiteIdSchema, signingKey: publicKeySchema, encryptionKey: publicKeySchema, fingerprint: z.string() }))
    .optional(),
  limits: limitsSchema,
  serverTime: serverTimeSchema,
});
export type PlatformInfo = z.infer<typeof platformInfoSchema>;

/** The fields a device signs to prove it holds the private signing key it registers. */
export const registrationClaimSchema = z.object({
  enrolmentCode: z.string().min(6).max(64),
  platformId: z.string().min(1).max(64),
  suite: suiteIdSchema,
  signingKey: publicKeySchema,
  encryptionKey: publicKeySchema,
  /** SHA-256 hex of "jiuzhu-machine-v1|" + platformId + "|" + the raw machine id; never the raw id. */
  machineIdHash: sha256HexSchema,
  deviceName: z.string().min(1).max(64),
  appVersion: z.string().max(32),
  /**
   * The counter number (窗口号) this workstation already issues case numbers with. The platform
   * assigns exactly it or refuses with SYNC_COUNTER_TAKEN; without it the platform picks one.
   */
  counterNo: counterNoSchema.optional(),
});
export type RegistrationClaim = z.infer<typeof registrationClaimSchema>;

/** `POST /v1/devices`. */
export const registrationRequestSchema = z.object({
  claim: registrationClaimSchema,
  /** Signature (base64url, 64 bytes: Ed25519, or SM2 r ‖ s) over the canonical JSON of `claim`. */
  proof: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

export const registrationSchema = z.object({
  deviceId: deviceIdSchema,
  stationId: z.string().min(1).max(64),
  regionCode: z.string().regex(/^\d{6,12}$/),
  /** 窗口号: unique within the station, kept on re-enrolment of the same machine; case numbers embed it. */
  counterNo: counterNoSchema.optional(),
  platformId: z.string(),
  signingKey: publicKeySchema,
  encryptionKey: publicKeySchema,
  /**
   * SHA-256 (base64) of the SubjectPublicKeyInfo of the platform's TLS keys, current and next.
   * Signed with the registration, the workstation pins them for HTTPS. Empty on plain-HTTP test
   * platforms (the reference platform on loopback).
   */
  tlsSpkiPins: z
    .array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/))
    .max(4)
    .optional(),
  serverTime: serverTimeSchema,
});
export type Registration = z.infer<typeof registrationSchema>;

/** `201` answer: the registration plus the platform's signature (in the claim's suite) over its canonical JSON. */
export const registrationResponseSchema = z.object({
  registration: registrationSchema,
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;
