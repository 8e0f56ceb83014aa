import { JiuzhuError } from '../common/contract/errors';
import {
  registrationResponseSchema,
  type Registration,
  type RegistrationClaim,
  type RegistrationRequest,
  type RegistrationResponse,
} from '../common/sync/registration';
import { fromB64u, toB64u } from './base64url';
import { canonicalJson } from './canonicalJson';
import { keyFingerprint } from './keys';
import type { SuiteId } from '../common/sync/primitives';
import type { Signer } from './envelope';
import type { KeyPair } from './suite';
import { DEFAULT_SUITE, suiteById } from './suites';

const CLAIM_DOMAIN = 'jiuzhu-registration-claim-v1\n';
const ANSWER_DOMAIN = 'jiuzhu-registration-answer-v1\n';

const claimBytes = (claim: RegistrationClaim) => Buffer.from(CLAIM_DOMAIN + canonicalJson(claim), 'utf8');
const answerBytes = (registration: unknown) => Buffer.from(ANSWER_DOMAIN + canonicalJson(registration), 'utf8');

/** Device: sign the claim with the signing key it registers, in the claim's suite (proof of possession). */
export function buildRegistrationRequest(claim: RegistrationClaim, signing: KeyPair): RegistrationRequest {
  return { claim, proof: toB64u(suiteById(claim.suite).sign(signing, claimBytes(claim))) };
}

/** The same proof signed by `sign`: the device's KeyProvider, whose public key the claim carries. */
export async function signRegistrationRequest(claim: RegistrationClaim, sign: Signer): Promise<RegistrationRequest> {
  return { claim, proof: toB64u(await sign(claimBytes(claim))) };
}

/**
 * Platform: both keys must be of the claim's suite, and the proof must verify with the signing
 * key the claim carries.
 */
export function verifyRegistrationRequest(request: RegistrationRequest): boolean {
  const { claim } = request;
  const suite = suiteById(claim.suite);
  const fits = (key: string) => fromB64u(key).length === suite.publicKeyBytes;
  if (!fits(claim.signingKey) || !fits(claim.encryptionKey)) return false;
  return suite.verify(claim.signingKey, claimBytes(claim), fromB64u(request.proof));
}

/** Platform: sign the registration it grants, with its key of the device's suite. */
export function signRegistration(registration: Registration, signing: KeyPair, suite: SuiteId = DEFAULT_SUITE.id): RegistrationResponse {
  return { registration, signature: toB64u(suiteById(suite).sign(signing, answerBytes(registration))) };
}

/**
 * Device: check the answer against the platform fingerprint it was given out of band (on the
 * enrolment slip) and the signature; the returned keys are what the device pins from now on.
 * The signature covers the registration as the platform sent it, fields this build does not know
 * included (a newer platform's, or one it no longer reads), so ignoring them never breaks it.
 */
export function verifyRegistrationResponse(body: unknown, expectedFingerprint: string, suiteId: SuiteId = DEFAULT_SUITE.id): Registration {
  const parsed = registrationResponseSchema.safeParse(body);
  if (!parsed.success) throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'registration answer' });
  const { registration, signature } = parsed.data;
  const suite = suiteById(suiteId);
  const fingerprint = keyFingerprint(registration.signingKey, registration.encryptionKey, suite);
  if (fingerprint !== expectedFingerprint) throw new JiuzhuError('SYNC_PLATFORM_KEY_MISMATCH');
  const signed = (body as { registration: unknown }).registration;
  if (!suite.verify(registration.signingKey, answerBytes(signed), fromB64u(signature)))
    throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'registration signature' });
  return registration;
}
