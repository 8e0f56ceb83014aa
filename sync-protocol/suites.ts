import { JiuzhuError } from '../common/contract/errors';
import type { SuiteId } from '../common/sync/primitives';
import type { CryptoSuite } from './suite';
import { intlSuite } from './suite-intl';

const SUITES = new Map<string, CryptoSuite>([[intlSuite.id, intlSuite]]);

/** The suite a sealed header names; an unknown id is a protocol mismatch, not a forgery. */
export function suiteById(id: SuiteId | string): CryptoSuite {
  const suite = SUITES.get(id);
  if (!suite) throw new JiuzhuError('SYNC_PROTOCOL_UNSUPPORTED', { version: id });
  return suite;
}

/** For a deployment that adds a 国密 suite: register it once at start-up. */
export function registerSuite(suite: CryptoSuite): void {
  SUITES.set(suite.id, suite);
}

export const DEFAULT_SUITE = intlSuite;
