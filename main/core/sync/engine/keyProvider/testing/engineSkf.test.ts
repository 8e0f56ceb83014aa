import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../../../../city-platform/platform';
import { toB64u } from '../../../../../../sync-protocol/base64url';
import { sealSessionRequest } from '../../../../../../sync-protocol/deviceCodec';
import { sm2GenerateKeyPair, sm2SignDigest } from '../../../../../../sync-protocol/gm/index';
import { ADMIN, tempDir } from '../../../../kernel/store/testing/fixtures';
import { engineFixture, registerWith, type EngineFixture } from '../../testing/engineFixture';
import { SkfKeyProvider } from '../skf/skfProvider';
import { buildFakeSkf } from './fakeSkf';

const GM = 'SM2-SM3-SM4GCM-v1' as const;

/**
 * The workstation's signing key in a USB key: the engine enrols with the key's SM2 point and signs
 * every session request, bundle and pull request through the SKF provider (koffi → the fake SKF
 * library built with gcc → the device's signer below, which signs whatever digest it is handed,
 * as a real key does). The real platform on loopback, in the 国密 suite, verifies every signature.
 */
const fake = buildFakeSkf();
afterAll(() => fake?.remove());

/** The key "inside" the USB key: the fake exports its point and signs e with its private half. */
function insertKey(key: { privateKey: Buffer; publicKey: Buffer }, digests: Buffer[]) {
  fake!.setKey(key.publicKey);
  fake!.setSigner((e) => {
    digests.push(e);
    return sm2SignDigest(key.privateKey, e);
  });
}

describe.skipIf(!fake)('the sync engine with its signing key in an SKF USB key (fake SKF library, real platform, 国密 suite)', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(): Promise<{ platform: RunningPlatform; f: EngineFixture; pins: string[] }> {
    fake!.reset(6, true);
    const { dir, cleanup } = tempDir('jiuzhu-skf-engine-');
    cleanups.push(cleanup);
    const platform = await startPlatform({ dataDir: dir, suites: [GM] });
    cleanups.push(() => platform.stop());
    const pins: string[] = [];
    const f = engineFixture({
      keyProvider: async () =>
        SkfKeyProvider.open({
          library: fake!.library,
          application: 'JIUZHU',
          container: 'sync-signing',
          pin: async () => {
            pins.push('asked');
            return '123456';
          },
        }),
    });
    cleanups.push(() => f.cleanup());
    return { platform, f, pins };
  }

  it('enrols with the key’s SM2 point (no private signing key in the store) and syncs cases the platform verifies', async () => {
    const { platform, f, pins } = await setUp();
    const key = sm2GenerateKeyPair();
    const digests: Buffer[] = [];
    insertKey(key, digests);

    await registerWith(f, platform, 'ST-SKF');
    expect(f.engine.state().registration()?.suite).toBe(GM);
    const stored = f.engine.state().keys()!;
    expect(stored.signing).toEqual({ publicKey: toB64u(key.publicKey), privateKey: '' });
    // The registration proof was the device's signature; the enrolment closed the key again.
    expect(digests).toHaveLength(1);
    expect(fake!.openHandles()).toBe(0);

    f.enqueueCase('C-SKF-1', 31);
    f.enqueueCase('C-SKF-2', 32);
    const run = await f.engine.run('test');
    expect(run.error).toBeUndefined();
    expect(run.outcome).toBe('ok');
    expect((await platform.admin.records()).map((r) => r.caseId).sort()).toEqual(['C-SKF-1', 'C-SKF-2']);
    // Session request, bundle, pull request: each signed inside the key.
    expect(digests.length).toBeGreaterThanOrEqual(4);
    // One provider for the open store: opened once (one PIN), kept open across runs.
    expect(fake!.openHandles()).toBe(3);
    f.enqueueCase('C-SKF-3', 33);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect(pins).toHaveLength(2); // enrolment, then the store's provider

    // The store closes (everyone logs out) and opens again: the old provider is closed, a new one opened.
    f.t.station.close();
    f.t.auth.login(ADMIN.username, ADMIN.password);
    f.enqueueCase('C-SKF-4', 34);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect(fake!.openHandles()).toBe(3);
    expect(pins).toHaveLength(3);
    expect((await platform.admin.records()).map((r) => r.caseId).sort()).toEqual(['C-SKF-1', 'C-SKF-2', 'C-SKF-3', 'C-SKF-4']);

    // The key is pulled and plugged in again (its login gone): the run fails typed, the provider is
    // dropped, and the next run opens the key again, with the PIN.
    fake!.reset(6, true);
    f.enqueueCase('C-SKF-5', 35);
    const replugged = await f.engine.run('test');
    expect(replugged.outcome).toBe('failed');
    expect(replugged.error?.code).toBe('KEY_DEVICE_FAILED');
    expect(fake!.openHandles()).toBe(0);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect(pins).toHaveLength(4);
    expect((await platform.admin.records()).map((r) => r.caseId)).toContain('C-SKF-5');

    await f.engine.releaseSigner();
    expect(fake!.openHandles()).toBe(0);
  }, 120_000);

  it('another key in the USB slot: the engine stops before sending, and the platform refuses what that key signs', async () => {
    const { platform, f } = await setUp();
    const enrolled = sm2GenerateKeyPair();
    insertKey(enrolled, []);
    await registerWith(f, platform, 'ST-SKF-2');
    const device = f.engine.state().deviceContext()!;

    // Someone plugs in another station's key (its own key pair, signing honestly with it).
    const other = sm2GenerateKeyPair();
    const digests: Buffer[] = [];
    insertKey(other, digests);
    f.enqueueCase('C-SKF-OTHER', 41);
    const run = await f.engine.run('test');
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ code: 'KEY_DEVICE_BAD_KEY', message: expect.stringContaining('不是本工作站登记的签名密钥') });
    expect(digests).toHaveLength(0);
    expect(fake!.openHandles()).toBe(0);
    expect(await platform.admin.records()).toEqual([]);

    // Past the engine's check, the platform itself refuses a session request that key signed for this device.
    const provider = await SkfKeyProvider.open({
      library: fake!.library,
      application: 'JIUZHU',
      container: 'sync-signing',
      pin: async () => '123456',
    });
    try {
      const request = await sealSessionRequest(device, (data) => provider.sign(data));
      const answer = await fetch(`${platform.url}/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.jiuzhu.sealed' },
        body: request.bytes,
      });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { code: string }).code).toBe('SYNC_BUNDLE_FORGED');
      expect(digests).toHaveLength(1);
    } finally {
      await provider.close();
    }
    // With the enrolled key back in the slot, the same queue goes through.
    insertKey(enrolled, []);
    expect((await f.engine.run('test')).outcome).toBe('ok');
    expect((await platform.admin.records()).map((r) => r.caseId)).toEqual(['C-SKF-OTHER']);
  }, 120_000);
});
