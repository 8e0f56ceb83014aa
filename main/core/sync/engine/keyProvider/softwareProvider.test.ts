import { describe, expect, it } from 'vitest';
import { toB64u } from '../../../../../sync-protocol/base64url';
import { gmSuite, intlSuite } from '../../../../../sync-protocol/suites';
import { softwareKeyProvider } from './softwareProvider';

describe('the software key provider (the device signing key in the store, as today)', () => {
  for (const suite of [intlSuite, gmSuite]) {
    it(`signs as the ${suite.id} suite signs: the platform's verify accepts it, and refuses another message`, async () => {
      const keys = suite.generateSigningKeys();
      const provider = softwareKeyProvider(suite, keys);
      expect(provider.algorithm).toBe(suite === gmSuite ? 'sm2' : 'ed25519');
      expect(provider.location).toEqual({ kind: 'software' });
      expect(toB64u(provider.publicKey())).toBe(keys.publicKey);
      expect(provider.publicKey()).toHaveLength(suite.publicKeyBytes);
      const message = Buffer.from('jiuzhu-sealed-v1-signature\0{"kind":"bundle"}');
      const signature = await provider.sign(message);
      expect(signature).toHaveLength(64);
      expect(suite.verify(keys.publicKey, message, signature)).toBe(true);
      expect(suite.verify(keys.publicKey, Buffer.concat([message, Buffer.from('x')]), signature)).toBe(false);
      await provider.close();
    });
  }
});
