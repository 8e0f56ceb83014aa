import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../common/contract/errors';
import type { OutboxRecord } from '../common/sync/push';
import { buildBundle, openBundleResult, openPullPage, buildPullRequest } from './deviceCodec';
import { peekHeader, seal } from './envelope';
import { generatePartyKeys, keyFingerprint, platformAddress } from './keys';
import type { DeviceContext, KnownDevice, PlatformContext } from './parties';
import { openBundle, sealBundleResult, sealPullPage } from './platformCodec';
import { signRegistration, verifyRegistrationResponse } from './registration';
import { gmSuite, intlSuite } from './suites';

/** Everything below holds for both suites: each runs the same tests. */
for (const suite of [intlSuite, gmSuite]) {
  const platformKeys = generatePartyKeys(suite);
  const platform: PlatformContext = {
    platformId: 'test-city',
    keys: platformKeys,
    suiteKeys: { [suite.id]: platformKeys },
    maxPayloadBytes: 1 << 20,
  };
  const deviceKeys = generatePartyKeys(suite);
  const device: DeviceContext = {
    deviceId: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
    keys: deviceKeys,
    platform: {
      platformId: 'test-city',
      signingKey: platform.keys.signing.publicKey,
      encryptionKey: platform.keys.encryption.publicKey,
      suite: suite.id,
    },
  };
  const known: KnownDevice = {
    deviceId: device.deviceId,
    signingKey: deviceKeys.signing.publicKey,
    encryptionKey: deviceKeys.encryption.publicKey,
  };
  const lookup = (id: string): KnownDevice => {
    if (id !== known.deviceId) throw new JiuzhuError('SYNC_DEVICE_UNKNOWN', { deviceId: id });
    return known;
  };

  const records = (n: number, from = 1): OutboxRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      seq: from + i,
      kind: 'case.upsert',
      caseId: `C${from + i}`,
      baseVersion: 0,
      madeAt: '2025-03-01T09:00:00+08:00',
      body: { applicant: { name: '王小文', idNumber: '11010519491231002X' }, note: '低保申请 '.repeat(20) },
    }));

  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return e instanceof JiuzhuError ? e.code : `not a JiuzhuError: ${String(e)}`;
    }
    return 'no error';
  };

  describe(`sealed bundle codec [${suite.id}]`, () => {
    it('round-trips a bundle: compressed, encrypted, signed', () => {
      const input = records(50);
      const built = buildBundle(device, { bundleSeq: 7, records: input });
      const opened = openBundle(platform, built.bytes, lookup);
      expect(opened.payload.records).toEqual(input);
      expect(opened.header).toMatchObject({ kind: 'bundle', from: device.deviceId, to: 'platform:test-city', seq: 7, id: built.bundleId });
      // Compressed: 50 repetitive records take far less than their JSON.
      expect(built.bytes.length).toBeLessThan(JSON.stringify(input).length / 3);
      // Encrypted: no clear text of the payload on the wire.
      expect(built.bytes.includes(Buffer.from('11010519491231002X'))).toBe(false);
      expect(built.bytes.includes(Buffer.from('王小文'))).toBe(false);
    });

    it('refuses every single flipped byte (header, signature, ciphertext, tag)', () => {
      const built = buildBundle(device, { bundleSeq: 1, records: records(3) });
      const headerEnd = 8 + built.bytes.readUInt32BE(4);
      const positions = [
        0,
        5,
        10,
        headerEnd - 2,
        headerEnd,
        headerEnd + 1,
        headerEnd + 70,
        built.bytes.length - 20,
        built.bytes.length - 1,
      ];
      for (const at of positions) {
        const tampered = Buffer.from(built.bytes);
        tampered[at] = tampered[at]! ^ 0x01;
        expect(['SYNC_BUNDLE_FORGED', 'SYNC_BUNDLE_MALFORMED', 'SYNC_DEVICE_UNKNOWN', 'SYNC_PROTOCOL_UNSUPPORTED']).toContain(
          code(() => openBundle(platform, tampered, lookup)),
        );
      }
      // Every byte of ciphertext and tag: always FORGED, never accepted.
      for (let at = headerEnd; at < built.bytes.length; at += 7) {
        const tampered = Buffer.from(built.bytes);
        tampered[at] = tampered[at]! ^ 0x80;
        expect(code(() => openBundle(platform, tampered, lookup))).toBe('SYNC_BUNDLE_FORGED');
      }
    });

    it('refuses a bundle signed by another key or encrypted to another platform', () => {
      const impostor: DeviceContext = { ...device, keys: generatePartyKeys(suite) };
      const forged = buildBundle(impostor, { bundleSeq: 1, records: records(1) });
      // Encrypted to the right platform, claims the right device id, signed with the wrong key.
      const signedByOther = seal({
        kind: 'bundle',
        from: device.deviceId,
        to: platformAddress('test-city'),
        id: forged.bundleId,
        seq: 1,
        payload: forged.payload,
        signer: generatePartyKeys(suite).signing,
        recipientKey: platform.keys.encryption.publicKey,
        suite,
      });
      expect(code(() => openBundle(platform, signedByOther, lookup))).toBe('SYNC_BUNDLE_FORGED');
      // Encrypted to another platform's key (a TLS-intercepting proxy's, say).
      const otherPlatform = generatePartyKeys(suite);
      const misdirected = buildBundle(
        { ...device, platform: { ...device.platform, encryptionKey: otherPlatform.encryption.publicKey } },
        { bundleSeq: 1, records: records(1) },
      );
      expect(code(() => openBundle(platform, misdirected.bytes, lookup))).toBe('SYNC_BUNDLE_FORGED');
      // A different platform id in the header.
      const wrongTo = buildBundle(
        { ...device, platform: { ...device.platform, platformId: 'other-city' } },
        { bundleSeq: 1, records: records(1) },
      );
      expect(code(() => openBundle(platform, wrongTo.bytes, lookup))).toBe('SYNC_BUNDLE_WRONG_RECIPIENT');
    });

    it('refuses an answer replayed for another bundle, and a pull page answering another request', () => {
      const first = buildBundle(device, { bundleSeq: 1, records: records(1) });
      const answer = sealBundleResult(platform, known, {
        bundleId: first.bundleId,
        bundleSeq: 1,
        duplicate: false,
        answers: [{ id: first.payload.records[0]!.id, seq: 1, status: 'acknowledged' }],
        lastRecordSeq: 1,
        receivedAt: 1,
        serverTime: 1,
      });
      expect(openBundleResult(device, answer, first.bundleId).answers[0]?.status).toBe('acknowledged');
      const second = buildBundle(device, { bundleSeq: 2, records: records(1, 2) });
      // An old acknowledgement replayed as the answer to a new bundle must not clear the new records.
      expect(code(() => openBundleResult(device, answer, second.bundleId))).toBe('SYNC_BUNDLE_MALFORMED');

      const request = buildPullRequest(device, { cursor: 'c1', limit: 10 });
      const page = sealPullPage(platform, known, {
        nonce: 'someone-elses-nonce-0001',
        requestCursor: 'c1',
        mustRefetch: false,
        items: [],
        cursor: 'c2',
        hasMore: false,
        serverTime: 1,
      });
      expect(code(() => openPullPage(device, page, request))).toBe('SYNC_PULL_PAGE_INVALID');
      // An item of a known kind that fails its schema: refused naming the kind and the field (the records module's formatter).
      const badItem = sealPullPage(platform, known, {
        nonce: request.nonce,
        requestCursor: 'c1',
        mustRefetch: false,
        items: [{ kind: 'warning', feedSeq: 1, at: 1, id: 'w-1', idNumber: '500115196001010018', type: 'flood' }],
        cursor: 'c2',
        hasMore: false,
        serverTime: 1,
      });
      expect(() => openPullPage(device, badItem, request)).toThrow(/（warning type：/);
    });

    it('bounds decompression: a compression bomb stops at the limit', () => {
      const bomb = records(1);
      bomb[0]!.body = { pad: 'x'.repeat(4 << 20) };
      const built = buildBundle(device, { bundleSeq: 1, records: bomb });
      expect(built.bytes.length).toBeLessThan(20_000);
      expect(code(() => openBundle(platform, built.bytes, lookup))).toBe('SYNC_BUNDLE_TOO_LARGE');
    });

    it('exposes the header without crypto, and fingerprints are stable', () => {
      const built = buildBundle(device, { bundleSeq: 3, records: records(1) });
      expect(peekHeader(built.bytes).from).toBe(device.deviceId);
      const fp = keyFingerprint(platform.keys.signing.publicKey, platform.keys.encryption.publicKey, suite);
      expect(fp).toMatch(/^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
    });
  });

  describe(`registration answer [${suite.id}]`, () => {
    const registration = {
      deviceId: device.deviceId,
      stationId: 'ST-0001',
      regionCode: '500110',
      platformId: platform.platformId,
      signingKey: platform.keys.signing.publicKey,
      encryptionKey: platform.keys.encryption.publicKey,
      serverTime: 1_795_969_548_340,
    };
    const fingerprint = keyFingerprint(platform.keys.signing.publicKey, platform.keys.encryption.publicKey, suite);

    it('verifies over the registration as sent: fields this build does not read (an older platform’s replacedDeviceId, a newer one’s additions) still verify; a changed one does not', () => {
      const sent = { ...registration, replacedDeviceId: 'dev_bbbbbbbbbbbbbbbbbbbbbbbbbb', supportUrl: 'https://help.example/jiuzhu' };
      const answer = JSON.parse(JSON.stringify(signRegistration(sent as typeof registration, platform.keys.signing, suite.id))) as {
        registration: Record<string, unknown>;
        signature: string;
      };
      const verified = verifyRegistrationResponse(answer, fingerprint, suite.id);
      expect(verified.deviceId).toBe(device.deviceId);
      expect(verified).not.toHaveProperty('replacedDeviceId');
      expect(verified).not.toHaveProperty('supportUrl');
      const changed = { ...answer, registration: { ...answer.registration, replacedDeviceId: 'dev_cccccccccccccccccccccccccc' } };
      expect(() => verifyRegistrationResponse(changed, fingerprint, suite.id)).toThrow(
        expect.objectContaining({ code: 'SYNC_BUNDLE_FORGED' }),
      );
    });
  });
}
