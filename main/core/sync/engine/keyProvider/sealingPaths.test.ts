import type * as NodeCrypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxRecord } from '../../../../../common/sync/push';
import type { RegistrationClaim } from '../../../../../common/sync/registration';
import {
  buildBundle,
  buildPullRequest,
  buildSessionRequest,
  sealBundle,
  sealPullRequest,
  sealSessionRequest,
} from '../../../../../sync-protocol/deviceCodec';
import { generatePartyKeys } from '../../../../../sync-protocol/keys';
import type { DeviceContext, KnownDevice, PlatformContext } from '../../../../../sync-protocol/parties';
import { openBundle, openPullRequest, openSessionRequest } from '../../../../../sync-protocol/platformCodec';
import { buildRegistrationRequest, signRegistrationRequest, verifyRegistrationRequest } from '../../../../../sync-protocol/registration';
import { gmSuite, intlSuite } from '../../../../../sync-protocol/suites';
import { softwareKeyProvider } from './softwareProvider';

/**
 * The engine seals through the KeyProvider (`sealBundle`, `sealSessionRequest`, `sealPullRequest`,
 * `signRegistrationRequest`); the platform's test client and the bench still seal with the key pair
 * in hand (`buildBundle` …). With the software provider both paths must give the same bytes. The
 * envelope's randomness (message ids, nonces, the ephemeral key) is replayed so the two paths can be
 * compared whole; Ed25519 signatures are deterministic, so the bytes must be identical. SM2
 * signatures are not (a fresh k each time), so in the 国密 suite the platform opens both and finds
 * the same header and payload, each signed by the device's key.
 */
const replay = vi.hoisted(() => {
  let counter = 0;
  return {
    reset: () => {
      counter = 0;
    },
    bytes: (n: number) => Buffer.alloc(n, ++counter),
    uuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  };
});
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  return { ...real, randomBytes: (n: number) => replay.bytes(n), randomUUID: () => replay.uuid() };
});

const records: OutboxRecord[] = [1, 2].map((i) => ({
  id: `22222222-2222-4222-8222-00000000000${i}`,
  seq: i,
  kind: 'case.upsert',
  caseId: `C${i}`,
  baseVersion: 0,
  madeAt: '2025-03-01T09:00:00+08:00',
  body: { applicant: { name: '王小文', idNumber: '11010519491231002X' } },
}));

for (const suite of [intlSuite, gmSuite]) {
  const platformKeys = generatePartyKeys(suite);
  const platform: PlatformContext = {
    platformId: 'test-city',
    keys: platformKeys,
    suiteKeys: { [suite.id]: platformKeys },
    maxPayloadBytes: 1 << 20,
  };
  const keys = generatePartyKeys(suite);
  const device: DeviceContext = {
    deviceId: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
    keys,
    platform: {
      platformId: 'test-city',
      signingKey: platformKeys.signing.publicKey,
      encryptionKey: platformKeys.encryption.publicKey,
      suite: suite.id,
    },
  };
  const known: KnownDevice = { deviceId: device.deviceId, signingKey: keys.signing.publicKey, encryptionKey: keys.encryption.publicKey };
  const lookup = () => known;
  const provider = softwareKeyProvider(suite, keys.signing);
  const sign = (data: Uint8Array) => provider.sign(data);
  const ephemeral = suite.generateEncryptionKeys();

  /** Runs `make` with the same randomness each time: the counter restarts and the ephemeral key is fixed. */
  async function replayed<T>(make: () => T | Promise<T>): Promise<T> {
    replay.reset();
    const spy = vi.spyOn(suite, 'generateEncryptionKeys').mockReturnValue(ephemeral);
    try {
      return await make();
    } finally {
      spy.mockRestore();
    }
  }

  const claim: RegistrationClaim = {
    enrolmentCode: 'ABCD-EFGH',
    platformId: 'test-city',
    suite: suite.id,
    signingKey: keys.signing.publicKey,
    encryptionKey: keys.encryption.publicKey,
    machineIdHash: 'a'.repeat(64),
    deviceName: '一号窗口',
    appVersion: '0.1.0-test',
  };

  describe(`sealing through the KeyProvider [${suite.id}]`, () => {
    if (suite === intlSuite) {
      it('gives byte-identical bundles, session and pull requests and registration proofs with the software provider', async () => {
        const input = { bundleSeq: 3, records, bundleId: '11111111-1111-4111-8111-111111111111' };
        const sync = await replayed(() => buildBundle(device, input));
        const viaProvider = await replayed(() => sealBundle(device, sign, input));
        expect(viaProvider.bytes.equals(sync.bytes)).toBe(true);
        expect(viaProvider.payload).toEqual(sync.payload);
        // The replay really fixes the randomness: without it, two seals differ.
        expect((await sealBundle(device, sign, input)).bytes.equals(sync.bytes)).toBe(false);

        const session = await replayed(() => buildSessionRequest(device));
        expect(await replayed(() => sealSessionRequest(device, sign))).toEqual(session);
        const pull = await replayed(() => buildPullRequest(device, { cursor: 'c-9', limit: 50 }));
        expect(await replayed(() => sealPullRequest(device, sign, { cursor: 'c-9', limit: 50 }))).toEqual(pull);
        expect(await signRegistrationRequest(claim, sign)).toEqual(buildRegistrationRequest(claim, keys.signing));
      });
    } else {
      it('SM2 signs afresh each time: the platform opens both paths to the same header and payload, signed by the device key', async () => {
        const input = { bundleSeq: 3, records, bundleId: '11111111-1111-4111-8111-111111111111' };
        const sync = openBundle(platform, await replayed(() => buildBundle(device, input).bytes), lookup);
        const viaProvider = openBundle(platform, await replayed(async () => (await sealBundle(device, sign, input)).bytes), lookup);
        expect(viaProvider).toEqual(sync);
        expect(viaProvider.payload.records).toEqual(records);

        const session = await replayed(() => sealSessionRequest(device, sign));
        expect(openSessionRequest(platform, session.bytes, lookup).payload.nonce).toBe(session.nonce);
        const pull = await replayed(() => sealPullRequest(device, sign, { cursor: 'c-9', limit: 50 }));
        expect(openPullRequest(platform, pull.bytes, lookup).payload).toMatchObject({ cursor: 'c-9', limit: 50, nonce: pull.nonce });
        expect(verifyRegistrationRequest(await signRegistrationRequest(claim, sign))).toBe(true);
        // Signed by another key, the proof does not verify.
        const other = softwareKeyProvider(suite, suite.generateSigningKeys());
        expect(verifyRegistrationRequest(await signRegistrationRequest(claim, (d) => other.sign(d)))).toBe(false);
      });
    }
  });
}
