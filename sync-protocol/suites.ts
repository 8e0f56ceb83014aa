import { JiuzhuError } from '../common/contract/errors';
import type { SuiteId } from '../common/sync/primitives';
import { fromB64u } from './base64url';
import type { CryptoSuite } from './suite';
import { gmSuite } from './suiteGm';
import { intlSuite } from './suiteIntl';

const SUITES = new Map<string, CryptoSuite>([
  [intlSuite.id, intlSuite],
  [gmSuite.id, gmSuite],
]);

/** The suite a sealed header names; an unknown id is a protocol mismatch, not a forgery. */
export function suiteById(id: SuiteId | string): CryptoSuite {
  const suite = SUITES.get(id);
  if (!suite) throw new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: id });
  return suite;
}

/**
 * The suite a registered public key belongs to: each suite has its own key format (32-byte
 * Ed25519 against a 65-byte SM2 point), so a device's keys say which suite it enrolled with.
 */
export function suiteOfPublicKey(publicKey: string): CryptoSuite {
  const length = fromB64u(publicKey).length;
  const suite = [...SUITES.values()].find((s) => s.publicKeyBytes === length);
  if (!suite) throw new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: `key of ${length} bytes` });
  return suite;
}

/**
 * The opener's guard against a downgrade: the header must name the suite the sender is pinned to.
 * Checked before any key is derived from the header.
 */
export function requireSuite(pinned: SuiteId, named: string): CryptoSuite {
  if (named !== pinned) throw new JiuzhuError('SYNC_SUITE_MISMATCH', { expected: pinned, got: named });
  return suiteById(named);
}

export const DEFAULT_SUITE = intlSuite;
export { gmSuite, intlSuite };
