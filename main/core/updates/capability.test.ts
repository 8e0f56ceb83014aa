import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract/index';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { startFeedServer, type FeedServer } from './testing/feedServer';

/**
 * 程序更新 through core's contract on a real station, against a feed server on 127.0.0.1: the admin
 * sets the address, checks, downloads, and installs — each install verified again against the kept
 * signed feed, so a file changed after its download is refused. Only the desktop shell gets an
 * installer to run; the browser shell is told so with the verified file's path.
 */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-update-install-'));
const dataDir = join(root, 'station');
const PASSWORD = 'Qiaotou#2026';
const admin = { via: 'electron' as const, windowId: 'electron:1' };
const clerk = { via: 'electron' as const, windowId: 'electron:2' };
let feed: FeedServer;
let core: CoreApi;
const make = (shell: 'electron' | 'browser') =>
  createCore({
    shell,
    dataDir,
    version: '0.1.0',
    logger: silentLogger,
    deviceId: async () => 'd'.repeat(64),
    releaseKeyPem: feed.publicKeyPem,
  });
const ok = <T>(e: Envelope) => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.result as T;
};
const codeOf = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

beforeAll(async () => {
  feed = await startFeedServer(root);
  core = make('electron');
  ok(
    await core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
      },
      admin,
    ),
  );
  ok(await core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  ok(
    await core.invoke(
      'accounts.create',
      { username: 'clerk1', displayName: '李窗口', password: 'Chuangkou#2026', roles: ['clerk'] },
      admin,
    ),
  );
  ok(await core.invoke('session.login', { username: 'clerk1', password: 'Chuangkou#2026' }, clerk));
  ok(await core.invoke('session.changePassword', { oldPassword: 'Chuangkou#2026', newPassword: 'Chuangkou#2027' }, clerk));
}, 60_000);
afterAll(async () => {
  await core.close();
  await feed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('程序更新 in core', () => {
  it("starts from the preset's address, takes the one the admin sets, and refuses a clerk", async () => {
    const previous = process.env.JIUZHU_PRESET;
    try {
      process.env.JIUZHU_PRESET = join(root, 'none.json');
      expect(codeOf(await core.invoke('update.check', {}, admin))).toBe('UPDATE_NO_SOURCE');
      const preset = join(root, 'preset.json');
      writeFileSync(preset, JSON.stringify({ updateUrl: 'https://update.cq.gov.cn/jiuzhu/' }));
      process.env.JIUZHU_PRESET = preset;
      expect(ok(await core.invoke('update.status', {}, admin))).toMatchObject({
        current: '0.1.0',
        url: 'https://update.cq.gov.cn/jiuzhu/',
        urlFrom: 'preset',
        downloads: [],
        installable: null,
        previous: null,
        canInstall: true,
      });
      ok(await core.invoke('update.setSource', { url: feed.url }, admin));
      expect(ok(await core.invoke('update.status', {}, admin))).toMatchObject({ url: feed.url, urlFrom: 'station' });
    } finally {
      if (previous === undefined) delete process.env.JIUZHU_PRESET;
      else process.env.JIUZHU_PRESET = previous;
    }
    expect(codeOf(await core.invoke('update.check', {}, clerk))).toBe('FORBIDDEN');
    expect(codeOf(await core.invoke('update.setSource', { url: 'http://evil.example/' }, clerk))).toBe('FORBIDDEN');
  });

  it('check → download → install: the desktop shell gets the verified installer; a file changed after download is refused', async () => {
    const installer = randomBytes(400_000);
    const name = feed.publish('0.2.0', installer);
    expect(ok(await core.invoke('update.check', {}, admin))).toMatchObject({ state: 'newer', version: '0.2.0', current: '0.1.0' });
    const got = ok<{ version: string; installer: string }>(await core.invoke('update.download', {}, admin));
    expect(got).toEqual({ version: '0.2.0', installer: join(dataDir, 'updates', '0.2.0', name) });
    expect(ok(await core.invoke('update.install', { version: '0.2.0' }, admin))).toEqual({
      version: '0.2.0',
      installer: got.installer,
      kind: 'appimage',
    });

    // One byte changed on disk after the download: refused, nothing handed to the shell.
    const bytes = readFileSync(got.installer);
    bytes[77] = bytes[77]! ^ 0x40;
    writeFileSync(got.installer, bytes);
    expect(codeOf(await core.invoke('update.install', { version: '0.2.0' }, admin))).toBe('UPDATE_HASH_MISMATCH');
    // The kept feed rewritten to match the changed file: its signature no longer holds.
    const feedFile = join(dataDir, 'updates', '0.2.0', 'latest-linux.yml');
    const sha = (await import('node:crypto')).createHash('sha512').update(bytes).digest('base64');
    writeFileSync(feedFile, readFileSync(feedFile, 'utf8').replaceAll(/sha512: \S+/g, `sha512: ${sha}`));
    expect(codeOf(await core.invoke('update.install', { version: '0.2.0' }, admin))).toBe('UPDATE_SIGNATURE_BAD');
    expect(codeOf(await core.invoke('update.install', { version: '0.9.9' }, admin))).toBe('UPDATE_NOT_DOWNLOADED');
    expect(codeOf(await core.invoke('update.install', { version: '0.2.0' }, clerk))).toBe('FORBIDDEN');
  });

  it('回退到上一版本 installs the kept older download, verified the same way; the browser shell names the file for IT', async () => {
    feed.publish('0.0.9', randomBytes(20_000));
    expect(ok(await core.invoke('update.check', {}, admin))).toMatchObject({ state: 'current', version: '0.0.9' });
    ok(await core.invoke('update.download', {}, admin));
    const status = ok<{ previous: string | null; installable: string | null; downloads: Array<{ version: string }> }>(
      await core.invoke('update.status', {}, admin),
    );
    expect(status.previous).toBe('0.0.9');
    expect(status.installable).toBe('0.2.0');
    expect(status.downloads.map((d) => d.version)).toEqual(['0.2.0', '0.0.9']);
    expect(ok(await core.invoke('update.install', { version: '0.0.9' }, admin))).toMatchObject({ version: '0.0.9', kind: 'appimage' });

    await core.close();
    core = make('browser');
    const window = { via: 'browser' as const, windowId: 'w-update' };
    ok(await core.invoke('session.login', { username: 'admin', password: PASSWORD }, window));
    expect(ok(await core.invoke('update.status', {}, window))).toMatchObject({ canInstall: false });
    const refused = await core.invoke('update.install', { version: '0.0.9' }, window);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('UPDATE_NEEDS_DESKTOP');
    expect(refused.error.message).toContain(join(dataDir, 'updates', '0.0.9'));
    expect(refused.error.details).toEqual({ installer: join(dataDir, 'updates', '0.0.9', 'jiuzhu-workstation-0.0.9-x64.AppImage') });
  });
});
