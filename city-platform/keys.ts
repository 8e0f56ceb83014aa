import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { JiuzhuError } from '../common/contract/errors';
import { SUITE_IDS, suiteIdSchema, type SuiteId } from '../common/sync/primitives';
import { generatePartyKeys } from '../sync-protocol/keys';
import type { BlobKeyInput } from '../sync-protocol/blobCipher';
import { deviceSuite, platformKeysFor, type KnownDevice, type PlatformContext } from '../sync-protocol/parties';
import type { PartyKeys } from '../sync-protocol/suite';
import { DEFAULT_SUITE, suiteById } from '../sync-protocol/suites';

const keyPair = z.object({ publicKey: z.string(), privateKey: z.string() });
const partyKeys = z.object({ signing: keyPair, encryption: keyPair });
const fileSchema = z.object({
  platformId: z.string(),
  /** The international suite's keys (the file's first form, kept as it was). */
  signing: keyPair,
  encryption: keyPair,
  /** Keys of the other suites, made the first time the platform is configured to offer one. */
  suiteKeys: z.partialRecord(suiteIdSchema, partyKeys).optional(),
  /** The suites offered, preferred first: the deployment's choice, kept for every command. */
  suites: z.array(suiteIdSchema).min(1).optional(),
  /** HMAC key of pull cursors. */
  cursorSecret: z.string(),
});
type KeyFile = z.infer<typeof fileSchema>;

export interface PlatformIdentity {
  platformId: string;
  /** The suites this deployment offers, preferred first (`/v1/platform` lists them in this order). */
  suites: SuiteId[];
  /** The keys of the preferred suite: the fingerprint printed on enrolment slips. */
  keys: PartyKeys;
  /** The keys of every offered suite. */
  suiteKeys: Partial<Record<SuiteId, PartyKeys>>;
  cursorSecret: Buffer;
}

/** `--suites intl,gm` style lists: suite ids, or `intl` / `gm` for short. */
export function parseSuites(text: string): SuiteId[] {
  const aliases: Record<string, SuiteId> = { intl: 'X25519-ED25519-AES256GCM-v1', gm: 'SM2-SM3-SM4GCM-v1' };
  const suites = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => aliases[s.toLowerCase()] ?? s);
  const unknown = suites.find((s) => !(SUITE_IDS as readonly string[]).includes(s));
  if (unknown !== undefined || suites.length === 0)
    throw new JiuzhuError('INVALID_INPUT', { path: 'suites', detail: `known suites: intl, gm, ${SUITE_IDS.join(', ')}` });
  return [...new Set(suites as SuiteId[])];
}

const keysOf = (file: KeyFile, suite: SuiteId): PartyKeys | undefined =>
  suite === DEFAULT_SUITE.id ? { signing: file.signing, encryption: file.encryption } : file.suiteKeys?.[suite];

/**
 * The platform's long-term keys live in DATA/platform-keys.json (0600), made on first start, with
 * the suites it offers. `suites` (from `--suites` or the options) changes that choice and is kept;
 * without it the kept choice stands (the international suite alone by default). Keys of a suite
 * offered for the first time are made then; keys of a suite no longer offered stay in the file.
 */
export function loadOrCreateIdentity(dataDir: string, platformId = 'city-platform', suites?: SuiteId[]): PlatformIdentity {
  const file = join(dataDir, 'platform-keys.json');
  if (!existsSync(file)) {
    const keys = generatePartyKeys();
    const content = { platformId, ...keys, cursorSecret: randomBytes(32).toString('base64url') };
    writeFileSync(file, JSON.stringify(content, null, 2), { mode: 0o600 });
  }
  const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const offered = suites ?? parsed.suites ?? [DEFAULT_SUITE.id];
  const missing = offered.filter((s) => !keysOf(parsed, s));
  const changed =
    missing.length > 0 || (suites !== undefined && JSON.stringify(suites) !== JSON.stringify(parsed.suites ?? [DEFAULT_SUITE.id]));
  if (changed) {
    const suiteKeys = { ...parsed.suiteKeys };
    for (const s of missing) suiteKeys[s] = generatePartyKeys(suiteById(s));
    Object.assign(parsed, { suiteKeys, suites: offered });
    writeFileSync(file, JSON.stringify(parsed, null, 2), { mode: 0o600 });
  }
  const suiteKeys = Object.fromEntries(offered.map((s) => [s, keysOf(parsed, s)!])) as Partial<Record<SuiteId, PartyKeys>>;
  return {
    platformId: parsed.platformId,
    suites: offered,
    keys: suiteKeys[offered[0]!]!,
    suiteKeys,
    cursorSecret: Buffer.from(parsed.cursorSecret, 'base64url'),
  };
}

/** What the codec needs of the identity. */
export const codecContext = (identity: PlatformIdentity, maxPayloadBytes: number): PlatformContext => ({
  platformId: identity.platformId,
  keys: identity.keys,
  suiteKeys: identity.suiteKeys,
  maxPayloadBytes,
});

/** The blob key of a device's upload or download, in the device's suite with the platform's key of that suite. */
export function deviceBlobKey(codec: PlatformContext, device: KnownDevice, sha256: string, direction: 'up' | 'down'): BlobKeyInput {
  const suite = deviceSuite(device);
  return {
    mine: platformKeysFor(codec, suite.id).encryption,
    peerKey: device.encryptionKey,
    deviceId: device.deviceId,
    sha256,
    direction,
    suite,
  };
}
