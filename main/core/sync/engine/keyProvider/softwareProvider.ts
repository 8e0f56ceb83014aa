/**
 * The key provider used today: the device signing key pair kept in the encrypted store
 * (`PartyKeys.signing`), signed with by the pinned suite exactly as the engine's envelopes are.
 */
import { fromB64u } from '../../../../../sync-protocol/base64url';
import type { CryptoSuite, KeyPair } from '../../../../../sync-protocol/suite';
import { algorithmOfSuite, type KeyProvider } from './keyProvider';

export function softwareKeyProvider(suite: CryptoSuite, signing: KeyPair): KeyProvider {
  const publicKey = fromB64u(signing.publicKey);
  return {
    algorithm: algorithmOfSuite(suite.id),
    location: { kind: 'software' },
    publicKey: () => Buffer.from(publicKey),
    sign: async (message) => suite.sign(signing, message),
    close: async () => undefined,
  };
}
