import { ERROR_CODES, JiuzhuError, type ErrorCode } from '../../../../common/contract/errors';
import {
  platformInfoSchema,
  type PlatformInfo,
  type Registration,
  type RegistrationClaim,
  type RegistrationRequest,
} from '../../../../common/sync/registration';
import type { Clock, Db } from '../../kernel/store/types';
import { generatePartyKeys } from '../../../../sync-protocol/keys';
import { hashMachineId } from '../../../../sync-protocol/machineId';
import { signRegistrationRequest, verifyRegistrationResponse } from '../../../../sync-protocol/registration';
import { toB64u } from '../../../../sync-protocol/base64url';
import type { KeyProviderFactory } from './keyProvider/providerFactory';
import type { CryptoSuite, PartyKeys } from '../../../../sync-protocol/suite';
import { DEFAULT_SUITE, suiteById } from '../../../../sync-protocol/suites';
import { backoffDelay, type BackoffOptions } from './backoff';
import { HttpClient, PlatformError, TransportError } from './http';
import { sleep } from './throttle';
import { isLoopbackHost } from './tlsPins';
import { RegistrationState } from './registrationState';
import { counterNoOf, issuedWithCounter, setCounterNo } from '../../cases/caseNumber';

/**
 * The counter number (窗口号) to claim at registration: the one this workstation must keep — set
 * by an administrator, assigned by the platform before (re-registration), or already used in case
 * numbers. Undefined lets the platform choose (a new workstation that has numbered nothing).
 */
export function claimedCounterNo(db: Db): number | undefined {
  const { counterNo, source } = counterNoOf(db);
  return source !== 'default' || issuedWithCounter(db, counterNo) ? counterNo : undefined;
}

const MISSING_FINGERPRINT = '请填写登记单上印的平台指纹';

export interface RegisterInput {
  platformUrl: string;
  code: string;
  /** The platform fingerprint printed on the enrolment slip; the platform's key must match it. */
  fingerprint: string;
  deviceName: string;
  appVersion: string;
  /** The workstation's hashed machine id (core/kernel/app/deviceId.ts); hashed again with the platform id. */
  machineId: string;
}

export function normalizePlatformUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new JiuzhuError('SYNC_PLATFORM_URL_INVALID', { url });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new JiuzhuError('SYNC_PLATFORM_URL_INVALID', { url });
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname))
    throw new JiuzhuError('SYNC_PLATFORM_HTTPS_REQUIRED', { url: parsed.origin });
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/**
 * Enrol this workstation: fetch the platform's identity, compare its fingerprint with the slip,
 * send the claim (keys made here and kept in the encrypted store; the same claim is resent after a
 * lost answer), verify the signed registration and pin the platform's keys.
 */
export async function registerDevice(
  db: Db,
  clock: Clock,
  http: HttpClient,
  input: RegisterInput,
  backoff: BackoffOptions,
  keyProvider: KeyProviderFactory,
): Promise<Registration & { fingerprint: string }> {
  // No trust on first use: without the slip's fingerprint nothing is asked of the platform.
  if (!input.fingerprint?.trim())
    throw new JiuzhuError('INVALID_INPUT', { path: 'fingerprint', detail: MISSING_FINGERPRINT }, { path: 'fingerprint' });
  const state = new RegistrationState(db, clock);
  const baseUrl = normalizePlatformUrl(input.platformUrl);
  const info = await retrying(backoff, async () =>
    platformInfoSchema.parse(
      JSON.parse(HttpClient.expect(await http.request(`${baseUrl}/v1/platform`, { method: 'GET' }), 200).body.toString('utf8')),
    ),
  );
  // On a mismatch the platform's fingerprint is never said (message, details, logs): printing it
  // would let whoever answers at that address supply the value the clerk then "checks" the slip against.
  const fingerprint = input.fingerprint.trim().toLowerCase();
  // The slip's fingerprint names the keys, and the keys their suite: the deployment chooses the
  // suite by the slip it prints, and this workstation pins it for good.
  const offered = info.suiteKeys ?? [
    { suite: DEFAULT_SUITE.id, signingKey: info.signingKey, encryptionKey: info.encryptionKey, fingerprint: info.fingerprint },
  ];
  const chosen = offered.find((o) => o.fingerprint === fingerprint && info.suites.includes(o.suite));
  if (!chosen) throw new JiuzhuError('SYNC_PLATFORM_KEY_MISMATCH');
  const suite = suiteById(chosen.suite);
  const pending = pendingKeys(state, input.code, suite);
  const claimed = claimedCounterNo(db);
  // The signing key registered is the provider's: the software pair just made, or the USB key's
  // point, whose private half never leaves the key (the store then keeps only the public key).
  const signer = await keyProvider({ suite, stored: pending.signing });
  let keys: PartyKeys;
  let body: RegistrationRequest;
  try {
    const signingKey = toB64u(signer.publicKey());
    keys = {
      signing: { publicKey: signingKey, privateKey: signer.location.kind === 'software' ? pending.signing.privateKey : '' },
      encryption: pending.encryption,
    };
    const claim: RegistrationClaim = {
      enrolmentCode: input.code.trim().toUpperCase(),
      platformId: info.platformId,
      suite: suite.id,
      signingKey,
      encryptionKey: keys.encryption.publicKey,
      machineIdHash: hashMachineId(input.machineId, info.platformId),
      deviceName: input.deviceName,
      appVersion: input.appVersion,
      ...(claimed !== undefined ? { counterNo: claimed } : {}),
    };
    body = await signRegistrationRequest(claim, (data) => signer.sign(data));
  } finally {
    await signer.close();
  }
  const answer = await retrying(backoff, async () =>
    HttpClient.expect(
      await http.request(`${baseUrl}/v1/devices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
      }),
      201,
    ),
  );
  const registration = verifyRegistrationResponse(JSON.parse(answer.body.toString('utf8')), chosen.fingerprint, suite.id);
  if (registration.platformId !== info.platformId) throw new JiuzhuError('SYNC_PLATFORM_KEY_MISMATCH');
  db.transaction(() => {
    state.saveKeys(keys);
    state.saveRegistration(
      {
        deviceId: registration.deviceId,
        stationId: registration.stationId,
        regionCode: registration.regionCode,
        platformUrl: baseUrl,
        platformId: registration.platformId,
        platformSigningKey: registration.signingKey,
        platformEncryptionKey: registration.encryptionKey,
        platformFingerprint: chosen.fingerprint,
        suite: suite.id,
        limits: info.limits,
      },
      registration.tlsSpkiPins ?? [],
    );
    state.set('pendingKeys', null);
    if (registration.counterNo !== undefined) setCounterNo(db, registration.counterNo, 'platform', clock.now().toISOString());
  })();
  return { ...registration, fingerprint: chosen.fingerprint };
}

/** Keys for this code: the same ones on every retry of the same code (a lost answer), fresh for a new code or suite. */
function pendingKeys(state: RegistrationState, code: string, suite: CryptoSuite): PartyKeys {
  const raw = state.get('pendingKeys');
  if (raw) {
    const saved = JSON.parse(raw) as { code: string; suite?: string; keys: PartyKeys };
    if (saved.code === code && (saved.suite ?? DEFAULT_SUITE.id) === suite.id) return saved.keys;
  }
  const keys = generatePartyKeys(suite);
  state.set('pendingKeys', JSON.stringify({ code, suite: suite.id, keys }));
  return keys;
}

async function retrying<T>(backoff: BackoffOptions, fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const transient =
        e instanceof TransportError || (e instanceof PlatformError && (e.status >= 500 || e.status === 429 || e.status === 408));
      if (!transient || attempt + 1 >= attempts) throw asJiuzhu(e);
      await sleep(backoffDelay(attempt, backoff, e instanceof PlatformError ? e.retryAfterMs : undefined));
    }
  }
}

/** A platform's typed refusal becomes our error with the platform's own message kept. */
export function asJiuzhu(e: unknown): unknown {
  if (e instanceof PlatformError) return platformErrorToJiuzhu(e);
  if (e instanceof TransportError) return new JiuzhuError('SYNC_PLATFORM_UNREACHABLE', { detail: e.code ?? e.message });
  return e;
}

/** The platform's code when this build knows it, with the platform's complete zh-CN message; else SYNC_PLATFORM_REFUSED. */
export function platformErrorToJiuzhu(e: PlatformError): JiuzhuError {
  const details = { platformCode: e.code, status: e.status, ...(e.wire.details ?? {}) };
  if (!(ERROR_CODES as readonly string[]).includes(e.code))
    return new JiuzhuError('SYNC_PLATFORM_REFUSED', { message: e.wire.message }, details);
  const error = new JiuzhuError(e.code as ErrorCode, {}, details);
  error.message = e.wire.message;
  return error;
}

export type { PlatformInfo };
