import { randomUUID } from 'node:crypto';
import { fromB64u } from './base64url';
import type { CryptoSuite, PartyKeys } from './suite';
import { DEFAULT_SUITE } from './suites';

/** Fresh signing and encryption key pairs for a device or a platform. */
export function generatePartyKeys(suite: CryptoSuite = DEFAULT_SUITE): PartyKeys {
  return { signing: suite.generateSigningKeys(), encryption: suite.generateEncryptionKeys() };
}

/**
 * A short, readable fingerprint of a party's two public keys: first 16 bytes of the suite's hash
 * (SHA-256, or SM3 in the 国密 suite) of signing ‖ encryption, as 8 groups of 4 hex digits.
 * Printed on the enrolment slip and compared (pinned) by the workstation.
 */
export function keyFingerprint(signingKey: string, encryptionKey: string, suite: CryptoSuite = DEFAULT_SUITE): string {
  const digest = suite.hash(Buffer.concat([fromB64u(signingKey), fromB64u(encryptionKey)])).toString('hex');
  return (digest.slice(0, 32).match(/.{4}/g) ?? []).join('-');
}

/** "platform:<id>" — how sealed headers name the platform. */
export const platformAddress = (platformId: string): string => `platform:${platformId}`;

export const newMessageId = (): string => randomUUID();
