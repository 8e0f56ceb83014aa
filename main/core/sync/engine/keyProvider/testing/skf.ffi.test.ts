import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { toB64u } from '../../../../../../sync-protocol/base64url';
import { sm2Digest, sm2GenerateKeyPair, sm2Sign } from '../../../../../../sync-protocol/gm/index';
import { gmSuite } from '../../../../../../sync-protocol/suites';
import { SkfKeyProvider } from '../skf/skfProvider';
import { buildFakeSkf } from './fakeSkf';

/**
 * The SKF provider through koffi against skf_fake.c, built with gcc (fakeSkf.ts). The fake does no SM2:
 * its SKF_ECCSignData passes the digest it received to the signer registered below, which holds
 * the private key and signs only a digest that is SM3(Z ‖ M) of a message the test is signing
 * (anything else: the device fails). So the test sees the exact bytes the binding sent and checks
 * the provider's r ‖ s with the suite's verify over the original message — a wrong digest, a
 * misread blob or a swapped r/s fails.
 */
const fake = buildFakeSkf();
afterAll(() => fake?.remove());
const library = fake?.library ?? '';
const dir = fake?.dir ?? '';

const key = sm2GenerateKeyPair();
const digests: Buffer[] = [];
/** The messages this test has the key sign, by the digest the device must be given for each. */
const expected = new Map<string, Buffer>();
const signing = (text: string) => {
  const message = Buffer.from(text);
  expected.set(sm2Digest(key.publicKey, message).toString('hex'), message);
  return message;
};
if (fake) {
  fake.setSigner((digest) => {
    digests.push(digest);
    const message = expected.get(digest.toString('hex'));
    return message ? sm2Sign(key.privateKey, key.publicKey, message) : undefined;
  });
  fake.setKey(key.publicKey);
}

const options = (pin = '123456') => ({ library, application: 'JIUZHU', container: 'sync-signing', pin: async () => pin });

describe.skipIf(!fake)('the SKF (GM/T 0016) key provider through koffi, against a fake SKF library', () => {
  beforeEach(() => {
    fake!.reset(6, true);
    digests.length = 0;
  });

  it('finds the key holding the application, exports its SM2 public key, and signs SM3(Z ‖ M) as the 国密 suite verifies', async () => {
    const provider = await SkfKeyProvider.open(options());
    try {
      expect(provider.location).toEqual({
        kind: 'skf',
        library,
        device: 'FAKE-KEY-JIUZHU',
        application: 'JIUZHU',
        container: 'sync-signing',
      });
      expect(provider.algorithm).toBe('sm2');
      expect(provider.publicKey().equals(key.publicKey)).toBe(true);
      const message = signing('jiuzhu-sealed-v1-signature\0{"v":1,"suite":"SM2-SM3-SM4GCM-v1"}');
      const signature = await provider.sign(message);
      expect(digests).toHaveLength(1);
      expect(digests[0]!.equals(sm2Digest(key.publicKey, message))).toBe(true);
      expect(signature).toHaveLength(64);
      expect(gmSuite.verify(toB64u(key.publicKey), message, signature)).toBe(true);
      expect(gmSuite.verify(toB64u(key.publicKey), Buffer.from('another message'), signature)).toBe(false);
      // Concurrent signs are queued: one device session, each answer for its own message.
      const many = await Promise.all([1, 2, 3].map((i) => provider.sign(signing(`bundle ${i}`))));
      many.forEach((sig, i) => expect(gmSuite.verify(toB64u(key.publicKey), Buffer.from(`bundle ${i + 1}`), sig)).toBe(true));
      expect(fake!.openHandles()).toBe(3);
    } finally {
      await provider.close();
    }
    expect(fake!.openHandles()).toBe(0);
  });

  it('a wrong PIN says how many tries are left, then locked; nothing stays open', async () => {
    await expect(SkfKeyProvider.open(options('000000'))).rejects.toMatchObject({
      code: 'KEY_DEVICE_PIN_INCORRECT',
      details: { retries: 5 },
      message: expect.stringContaining('还可以再试 5 次'),
    });
    expect(fake!.openHandles()).toBe(0);
    fake!.reset(1, true);
    await expect(SkfKeyProvider.open(options('000000'))).rejects.toMatchObject({ code: 'KEY_DEVICE_PIN_LOCKED' });
    await expect(SkfKeyProvider.open(options())).rejects.toMatchObject({ code: 'KEY_DEVICE_PIN_LOCKED' });
    expect(fake!.openHandles()).toBe(0);
  });

  it('no key inserted, a named device that is not there, an unknown application or container: typed errors', async () => {
    fake!.reset(6, false);
    await expect(SkfKeyProvider.open(options())).rejects.toMatchObject({ code: 'KEY_DEVICE_NOT_FOUND' });
    fake!.reset(6, true);
    await expect(SkfKeyProvider.open({ ...options(), device: 'OTHER-KEY' })).rejects.toMatchObject({
      code: 'KEY_DEVICE_NOT_FOUND',
      message: expect.stringContaining('OTHER-KEY'),
    });
    await expect(SkfKeyProvider.open({ ...options(), device: 'FAKE-KEY-EMPTY' })).rejects.toMatchObject({
      code: 'KEY_DEVICE_FAILED',
      details: { step: 'SKF_OpenApplication', code: '0x0A00002E' },
    });
    await expect(SkfKeyProvider.open({ ...options(), container: 'nope' })).rejects.toMatchObject({
      code: 'KEY_DEVICE_FAILED',
      details: { step: 'SKF_OpenContainer' },
    });
    expect(fake!.openHandles()).toBe(0);
  });

  it('a library that is not SKF, or not there, is KEY_DEVICE_LIBRARY_FAILED', async () => {
    await expect(SkfKeyProvider.open({ ...options(), library: join(dir, 'missing.so') })).rejects.toMatchObject({
      code: 'KEY_DEVICE_LIBRARY_FAILED',
    });
    const notSkf = join(dir, 'libnot_skf.so');
    execFileSync('gcc', ['-shared', '-fPIC', '-o', notSkf, '-x', 'c', '-'], { input: 'int other(void) { return 0; }\n' });
    await expect(SkfKeyProvider.open({ ...options(), library: notSkf })).rejects.toMatchObject({
      code: 'KEY_DEVICE_LIBRARY_FAILED',
      message: expect.stringContaining('SKF_EnumDev'),
    });
  });

  it('a key that signs with another private key is refused before its signature is used', async () => {
    const other = sm2GenerateKeyPair();
    fake!.setKey(other.publicKey);
    const provider = await SkfKeyProvider.open(options());
    try {
      expect(provider.publicKey().equals(other.publicKey)).toBe(true);
      // The fake's signer still signs with the test's key: the device answers, but not for the key it exported.
      expected.clear();
      const message = Buffer.from('bundle');
      expected.set(sm2Digest(other.publicKey, message).toString('hex'), message);
      await expect(provider.sign(message)).rejects.toMatchObject({ code: 'KEY_DEVICE_BAD_KEY' });
      // A digest the signer does not recognise: the device fails, typed.
      await expect(provider.sign(Buffer.from('unknown'))).rejects.toMatchObject({
        code: 'KEY_DEVICE_FAILED',
        details: { step: 'SKF_ECCSignData', code: '0x0A000001' },
      });
    } finally {
      await provider.close();
      fake!.setKey(key.publicKey);
    }
  });
});
