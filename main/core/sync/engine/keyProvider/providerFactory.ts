/**
 * How the engine gets the device signing key of an open store: a factory given the pinned suite
 * and the signing pair the store holds. The default is the software key in the store; a workstation
 * whose key is in a USB key passes a factory that opens it (SkfKeyProvider.open) and ignores the
 * stored private key (there is none: the store keeps only the device's public key).
 */
import { JiuzhuError } from '../../../../../common/contract/errors';
import type { CryptoSuite, KeyPair } from '../../../../../sync-protocol/suite';
import type { KeyProvider } from './keyProvider';
import { softwareKeyProvider } from './softwareProvider';

export interface KeyProviderRequest {
  suite: CryptoSuite;
  /** The signing pair in the store (at enrolment: the one just made). Its private key is empty when the key lives in a device. */
  stored: KeyPair;
}

export type KeyProviderFactory = (request: KeyProviderRequest) => Promise<KeyProvider>;

export const softwareKeys: KeyProviderFactory = async ({ suite, stored }) => {
  // Enrolled with a USB key, now asked to sign without one: say so rather than fail inside the suite.
  if (!stored.privateKey) throw new JiuzhuError('KEY_DEVICE_NOT_FOUND', { device: '' });
  return softwareKeyProvider(suite, stored);
};
