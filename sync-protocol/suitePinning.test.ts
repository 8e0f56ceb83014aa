import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JiuzhuError } from '../common/contract/errors';
import type { RegistrationClaim } from '../common/sync/registration';
import { buildBundle, buildPullRequest, buildSessionRequest, openPullPage, openSession } from './deviceCodec';
import { seal } from './envelope';
import { generatePartyKeys, newMessageId, platformAddress } from './keys';
import type { DeviceContext, KnownDevice, PlatformContext } from './parties';
import { openBundle, openSessionRequest, sealSession } from './platformCodec';
import { buildRegistrationRequest, verifyRegistrationRequest } from './registration';
import { gmSuite, intlSuite } from './suites';

/**
 * A station pinned to the 国密 suite is never talked down to the international one: a header that
 * names another suite is refused before any key is derived from it, on either side, with a typed
 * error; a platform that no longer offers the station's suite refuses it rather than using another.
 */
const platformGm = generatePartyKeys(gmSuite);
const platformIntl = generatePartyKeys(intlSuite);
const platform: PlatformContext = {
  platformId: 'city',
  keys: platformGm,
  suiteKeys: { [gmSuite.id]: platformGm, [intlSuite.id]: platformIntl },
  maxPayloadBytes: 1 << 20,
};
const deviceKeys = generatePartyKeys(gmSuite);
const device: DeviceContext = {
  deviceId: 'dev_aaaaaaaaaaaaaaaaaaaaaaaaaa',
  keys: deviceKeys,
  platform: {
    platformId: 'city',
    signingKey: platformGm.signing.publicKey,
    encryptionKey: platformGm.encryption.publicKey,
    suite: gmSuite.id,
  },
};
const known: KnownDevice = {
  deviceId: device.deviceId,
  signingKey: deviceKeys.signing.publicKey,
  encryptionKey: deviceKeys.encryption.publicKey,
};
const lookup = () => known;
const records = [
  {
    id: randomUUID(),
    seq: 1,
    kind: 'case.upsert',
    caseId: 'C1',
    baseVersion: 0,
    madeAt: '2026-03-01T09:00:00+08:00',
    body: { note: '低保申请' },
  },
];

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof JiuzhuError ? e.code : `not a JiuzhuError: ${String(e)}`;
  }
  return 'no error';
};

/** The same sealed bytes with the clear-text header's suite rewritten (its length field adjusted). */
function renameSuite(bytes: Buffer, suite: string): Buffer {
  const length = bytes.readUInt32BE(4);
  const header = JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as Record<string, unknown>;
  const rewritten = Buffer.from(JSON.stringify({ ...header, suite }), 'utf8');
  const prefix = Buffer.alloc(8);
  bytes.copy(prefix, 0, 0, 4);
  prefix.writeUInt32BE(rewritten.length, 4);
  return Buffer.concat([prefix, rewritten, bytes.subarray(8 + length)]);
}

describe('suite pinning (no downgrade)', () => {
  it('seals every message of a 国密 station with SM2/SM4: SM2 keys in the header, 65-byte points', () => {
    const built = buildBundle(device, { bundleSeq: 1, records });
    const header = JSON.parse(built.bytes.subarray(8, 8 + built.bytes.readUInt32BE(4)).toString()) as { suite: string; epk: string };
    expect(header.suite).toBe('SM2-SM3-SM4GCM-v1');
    expect(Buffer.from(header.epk, 'base64url')).toHaveLength(65);
    expect(openBundle(platform, built.bytes, lookup).payload.bundleSeq).toBe(1);
  });

  it('platform: a bundle whose header was rewritten to name the international suite is refused as a suite mismatch, not opened', () => {
    const built = buildBundle(device, { bundleSeq: 1, records });
    const downgraded = renameSuite(built.bytes, intlSuite.id);
    expect(codeOf(() => openBundle(platform, downgraded, lookup))).toBe('SYNC_SUITE_MISMATCH');
  });

  it('platform: a request sealed in the international suite under a 国密 device id is refused as a suite mismatch', () => {
    // Whoever holds some Ed25519/X25519 keys seals for the platform's international key, claiming the device.
    const forger = generatePartyKeys(intlSuite);
    const bytes = seal({
      kind: 'session-request',
      from: device.deviceId,
      to: platformAddress('city'),
      id: newMessageId(),
      payload: { nonce: 'n'.repeat(24) },
      signer: forger.signing,
      recipientKey: platformIntl.encryption.publicKey,
      suite: intlSuite,
    });
    expect(codeOf(() => openSessionRequest(platform, bytes, lookup))).toBe('SYNC_SUITE_MISMATCH');
  });

  it("workstation: an answer sealed in the international suite is refused, even with the platform's own international keys", () => {
    const request = buildSessionRequest(device);
    expect(openSessionRequest(platform, request.bytes, lookup).payload.nonce).toBe(request.nonce);
    const session = { token: 'x'.repeat(43), nonce: request.nonce, expiresIn: 3600, serverTime: 1 };
    // What a platform that switched the station to the international suite (or an impostor holding its keys) would send.
    const intlPlatform: PlatformContext = { ...platform, keys: platformIntl, suiteKeys: { [intlSuite.id]: platformIntl } };
    const intlDevice: KnownDevice = { ...known, signingKey: generatePartyKeys(intlSuite).signing.publicKey };
    const answer = sealSession(intlPlatform, { ...intlDevice, encryptionKey: generatePartyKeys(intlSuite).encryption.publicKey }, session);
    const retargeted = renameSuite(answer, intlSuite.id);
    expect(codeOf(() => openSession(device, retargeted, request.nonce))).toBe('SYNC_SUITE_MISMATCH');
    // A genuine 国密 answer still opens.
    expect(openSession(device, sealSession(platform, known, session), request.nonce).nonce).toBe(request.nonce);
  });

  it('workstation: a pull page naming the weaker suite stops as a suite mismatch (not as a bad page to retry)', () => {
    const request = buildPullRequest(device, { limit: 10 });
    const page = seal({
      kind: 'pull-page',
      from: platformAddress('city'),
      to: device.deviceId,
      id: randomUUID(),
      payload: { nonce: request.nonce, requestCursor: null, mustRefetch: false, items: [], cursor: 'c', hasMore: false, serverTime: 1 },
      signer: platformIntl.signing,
      recipientKey: generatePartyKeys(intlSuite).encryption.publicKey,
      suite: intlSuite,
    });
    expect(codeOf(() => openPullPage(device, page, request))).toBe('SYNC_SUITE_MISMATCH');
  });

  it('platform: a suite it no longer offers is refused with SYNC_SUITE_NOT_OFFERED, never answered in another', () => {
    const intlOnly: PlatformContext = { ...platform, keys: platformIntl, suiteKeys: { [intlSuite.id]: platformIntl } };
    const built = buildBundle(device, { bundleSeq: 1, records });
    expect(codeOf(() => openBundle(intlOnly, built.bytes, lookup))).toBe('SYNC_SUITE_NOT_OFFERED');
    expect(codeOf(() => sealSession(intlOnly, known, { token: 't'.repeat(43), nonce: 'n', expiresIn: 1, serverTime: 1 }))).toBe(
      'SYNC_SUITE_NOT_OFFERED',
    );
  });

  it('registration: the proof is checked in the claimed suite, and keys of another suite do not pass as its keys', () => {
    const claim = (keys: ReturnType<typeof generatePartyKeys>, suite: RegistrationClaim['suite']): RegistrationClaim => ({
      enrolmentCode: 'ABCD-EFGH-JKMN',
      platformId: 'city',
      suite,
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
      machineIdHash: '0'.repeat(64),
      deviceName: '一号窗口',
      appVersion: '0.1.0',
    });
    const gmKeys = generatePartyKeys(gmSuite);
    expect(verifyRegistrationRequest(buildRegistrationRequest(claim(gmKeys, gmSuite.id), gmKeys.signing))).toBe(true);
    const intlKeys = generatePartyKeys(intlSuite);
    // International keys claimed as 国密 keys: refused whatever the proof.
    const mislabelled = buildRegistrationRequest(claim(intlKeys, intlSuite.id), intlKeys.signing);
    expect(verifyRegistrationRequest({ ...mislabelled, claim: { ...mislabelled.claim, suite: gmSuite.id } })).toBe(false);
  });
});
