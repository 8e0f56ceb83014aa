import { generateKeyPairSync, createHash, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRelease } from './feed';
import { checkUpdate, downloadUpdate, previousRelease, rolloutBucket, type UpdateContext } from './updater';
import { startFeedServer, type FeedServer } from './testing/feedServer';

/** Updates against a feed server on 127.0.0.1 serving what a release publishes (testing/feedServer.ts). */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-updates-'));
let feed: FeedServer;
let feedDir = '';
let publicKeyPem = '';
let served: string[] = [];
let url = '';
const publish = (dir: string, version: string, installer: Buffer, extra: Record<string, unknown> = {}) =>
  feed.publish(version, installer, { dir, extra });

const ctx = (over: Partial<UpdateContext> = {}): UpdateContext => ({
  currentVersion: '0.1.0',
  platform: 'linux',
  arch: 'x64',
  deviceId: 'a'.repeat(64),
  publicKeyPem,
  dataDir: join(root, 'data'),
  timeoutMs: 5000,
  ...over,
});
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

beforeAll(async () => {
  feed = await startFeedServer(root);
  ({ feedDir, publicKeyPem, served, url } = feed);
});
afterAll(async () => {
  await feed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('program updates', () => {
  it('reads the feed electron-builder writes, release notes and all; refuses a path that leaves the folder', () => {
    const name = publish(join(root, 'parse'), '0.2.0', randomBytes(1000));
    const release = parseRelease(readFileSync(join(root, 'parse', 'latest-linux.yml'), 'utf8'));
    expect(release).toMatchObject({ version: '0.2.0', path: name, size: 1000, stagingPercentage: null });
    expect(() =>
      parseRelease(
        `version: 0.2.0\npath: ../evil\nsha512: ${'A'.repeat(86)}==\nfiles:\n  - url: ../evil\n    sha512: ${'A'.repeat(86)}==\n    size: 5\n`,
      ),
    ).toThrow(/path/);
  });

  it('a newer signed release is found, downloaded, hashed and kept with its feed', async () => {
    const installer = randomBytes(2 * 1024 * 1024);
    const name = publish(feedDir, '0.2.0', installer);
    expect(await checkUpdate(ctx(), { kind: 'url', url })).toMatchObject({ state: 'newer', release: { version: '0.2.0' } });
    const got = await downloadUpdate(ctx(), { kind: 'url', url });
    expect(got.installer).toBe(join(root, 'data', 'updates', '0.2.0', name));
    expect(readFileSync(got.installer).equals(installer)).toBe(true);
    expect(readdirSync(join(root, 'data', 'updates', '0.2.0')).sort()).toEqual([name, 'latest-linux.yml', 'latest-linux.yml.sig'].sort());
    expect(await checkUpdate(ctx({ currentVersion: '0.2.0' }), { kind: 'url', url })).toMatchObject({ state: 'current' });
  });

  it('a tampered installer is deleted; a tampered feed is refused before any installer is fetched', async () => {
    const installer = randomBytes(300_000);
    const name = publish(feedDir, '0.3.0', installer);
    const tampered = Buffer.from(installer);
    tampered[1234] = tampered[1234]! ^ 1;
    writeFileSync(join(feedDir, name), tampered);
    const data = join(root, 'tamper');
    expect(await code(downloadUpdate(ctx({ dataDir: data }), { kind: 'url', url }))).toBe('UPDATE_HASH_MISMATCH');
    expect(readdirSync(join(data, 'updates', '0.3.0'))).toEqual([]);

    publish(feedDir, '0.3.0', installer);
    const yml = readFileSync(join(feedDir, 'latest-linux.yml'), 'utf8');
    writeFileSync(join(feedDir, 'latest-linux.yml'), yml.replace('version: 0.3.0', 'version: 0.3.1'));
    served.length = 0;
    expect(await code(downloadUpdate(ctx({ dataDir: data }), { kind: 'url', url }))).toBe('UPDATE_SIGNATURE_BAD');
    expect(served).toEqual(['latest-linux.yml', 'latest-linux.yml.sig']);
    // Signed by another key: the same refusal.
    const other = generateKeyPairSync('ed25519');
    writeFileSync(join(feedDir, 'latest-linux.yml'), yml);
    writeFileSync(join(feedDir, 'latest-linux.yml.sig'), sign(null, Buffer.from(yml), other.privateKey).toString('base64'));
    expect(await code(checkUpdate(ctx(), { kind: 'url', url }))).toBe('UPDATE_SIGNATURE_BAD');
    expect(await code(checkUpdate(ctx({ publicKeyPem: null }), { kind: 'url', url }))).toBe('UPDATE_NO_KEY');
  });

  it('a staged rollout reaches its share of workstations, the same ones at every check; a USB stick is not staged', async () => {
    publish(feedDir, '0.4.0', randomBytes(1000), { stagingPercentage: 30 });
    const ids = Array.from({ length: 400 }, (_, i) => createHash('sha256').update(`device-${i}`).digest('hex'));
    const states = await Promise.all(
      ids.map(async (deviceId) => (await checkUpdate(ctx({ deviceId, timeoutMs: 30_000 }), { kind: 'url', url })).state),
    );
    const taking = states.filter((s) => s === 'newer').length;
    expect(taking).toBe(ids.filter((id) => rolloutBucket(id, '0.4.0') < 30).length);
    expect(taking / ids.length).toBeGreaterThan(0.2);
    expect(taking / ids.length).toBeLessThan(0.4);
    const outId = ids[states.indexOf('staged-out')]!;
    expect((await checkUpdate(ctx({ deviceId: outId }), { kind: 'folder', path: feedDir })).state).toBe('newer');
  });

  it('from a USB folder the same checks hold; an unreachable server says so; rollback finds the previous download', async () => {
    const usb = join(root, 'usb');
    const installer = randomBytes(50_000);
    publish(usb, '0.0.9', installer);
    const data = join(root, 'rollback');
    await downloadUpdate(ctx({ dataDir: data, currentVersion: '0.0.8' }), { kind: 'folder', path: usb });
    publish(usb, '0.1.1', randomBytes(10_000));
    await downloadUpdate(ctx({ dataDir: data }), { kind: 'folder', path: usb });
    expect(previousRelease(ctx({ dataDir: data, currentVersion: '0.1.1' }))).toBe('0.0.9');
    expect(await code(checkUpdate(ctx(), { kind: 'folder', path: join(root, 'nothing') }))).toBe('UPDATE_FEED_BAD');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await code(checkUpdate(ctx(), { kind: 'url', url: `http://127.0.0.1:${port}/` }))).toBe('UPDATE_UNREACHABLE');
  });
});
