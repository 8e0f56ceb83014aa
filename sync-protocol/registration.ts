import { JiuzhuError } from '../common/contract/errors';
import {
  registrationResponseSchema,
  type Registration,
  type RegistrationClaim,
  type RegistrationRequest,
  type RegistrationResponse,
} from '../common/sync/registration';
import { fromB64u, toB64u } from './base64url';
import { canonicalJson } from './canonical-json';
import { keyFingerprint } from './keys';
import type { KeyPair } from './suite';
import { DEFAULT_SUITE } from './suites';

const CLAIM_DOMAIN = 'jiuzhu-registration-claim-v1\n';
const ANSWER_DOMAIN = 'jiuzhu-registration-answer-v1\n';

const claimBytes = (claim: RegistrationClaim) => Buffer.from(CLAIM_DOMAIN + canonicalJson(claim), 'utf8');
const answerBytes = (registration: unknown) => Buffer.from(ANSWER_DOMAIN + canonicalJson(registration), 'utf8');

/** Device: sign the claim with the signing key it registers (proof of possession). */
export function buildRegistrationRequest(claim: RegistrationClaim, signing: KeyPair): RegistrationRequest {
  return { claim, proof: toB64u(DEFAULT_SUITE.sign(signing, claimBytes(claim))) };
}

/** Platform: the proof must verify with the key the claim carries. */
export function verifyRegistrationRequest(request: RegistrationRequest): boolean {
  return DEFAULT_SUITE.verify(request.claim.signingKey, claimBytes(request.claim), fromB64u(request.proof));
}

/** Platform: sign the registration it grants. */
export function signRegistration(registration: Registration, signing: KeyPair): RegistrationResponse {
  return { registration, signature: toB64u(DEFAULT_SUITE.sign(signing, answerBytes(registration))) };
}

/**
 * Device: check the answer against the platform fingerprint it was given out of band (on the
 * enrolment slip) and the signature; the returned keys are what the device pins from now on.
 * The signature covers the registration as the platform sent it, fields this build does not know
 * included (a newer platform's, or one it no longer reads), so ignoring them never breaks it.
 */
export function verifyRegistrationResponse(body: unknown, expectedFingerprint: string): Registration {
  const parsed = registrationResponseSchema.safeParse(body);
  if (!parsed.success) throw new JiuzhuError('SYNC_BUNDLE_MALFORMED', { detail: 'registration answer' });
  const { registration, signature } = parsed.data;
  const fingerprint = keyFingerprint(registration.signingKey, registration.encryptionKey);
  if (fingerprint !== expectedFingerprint) throw new JiuzhuError('SYNC_PLATFORM_KEY_MISMATCH');
  const signed = (body as { registration: unknown }).registration;
  if (!DEFAULT_SUITE.verify(registration.signingKey, answerBytes(signed), fromB64u(signature)))
    throw new JiuzhuError('SYNC_BUNDLE_FORGED', {}, { stage: 'registration signature' });
  return registration;
}
