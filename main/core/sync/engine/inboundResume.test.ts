import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../../city-platform/platform';
import { describeStores } from '../../../../city-platform/testing/stores';
import { encryptedBlobSize } from '../../../../sync-protocol/blobCipher';
import { startLinkProxy, type LinkProxy } from '../../../../tools/linkProxy/proxy';
import { AttachmentStore } from '../../kernel/store/attachments/attachmentStore';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { onlineApplication } from '../../onlineApplications/testing/application';
import { claimInboundKinds, rosterRecipients } from './testing/inboundFeed';
import { engineFixture, registerWith, type EngineFixture } from './testing/engineFixture';

const STATION = 'ST-RESUME';
const DAY = 86_400_000;

/**
 * Inbound kinds resume where a cut stopped them, on the next run: a roster page cut partway leaves the
 * pages before it applied and the cursor after them, and the next run pulls only what is left; a blob
 * download cut partway keeps the bytes that arrived, and the next run asks for the rest (Range) — the
 * real engine and handlers, the real platform on both stores, the cuts made by tools/linkProxy.
 */
describeStores('inbound kinds resume after a cut (roster page, blob download)', (store) => {
  let platform: RunningPlatform;
  let dataDir: string;
  let f: EngineFixture;
  let proxy: LinkProxy;
  let unclaim: () => void;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-resume-'));
    const fresh = await store.fresh();
    // Pages of three items: the roster arrives over three pages.
    platform = await startPlatform({
      dataDir,
      suites: fresh.suites,
      limits: { maxPullLimit: 3 },
      ...(fresh.pgUrl ? { pgUrl: fresh.pgUrl } : {}),
    });
    // Three attempts without progress end a run: a link that stays cut ends it quickly.
    f = engineFixture({ clock: new FakeClock(Date.now()), idleTimeoutMs: 3000, maxAttempts: 3 });
    unclaim = claimInboundKinds(f);
    await registerWith(f, platform, STATION);
    proxy = await startLinkProxy({ target: { port: platform.port } });
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
  });
  afterEach(async () => {
    unclaim();
    await proxy.close();
    f.cleanup();
    await platform.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every request the engine sends, with its headers, and a hook run before each. */
  const watch = (before: (url: string) => void = () => undefined) => {
    const sent: Array<{ url: string; range?: string }> = [];
    const http = f.engine.http;
    const original = http.request.bind(http);
    http.request = (url, input) => {
      const path = String(url).replace(/^https?:\/\/[^/]+/, '');
      const range = (input.headers as Record<string, string> | undefined)?.['Range'];
      sent.push({ url: path, ...(range ? { range } : {}) });
      before(path);
      return original(url, input);
    };
    return sent;
  };
  /** From now on every new connection's answer is cut after `bytes` (0: at once), and the open ones are cut. */
  const cutFromNow = (bytes: (n: number) => number) => {
    proxy.setOptions({ faults: (index) => ({ cutDownAfter: bytes(index), cutMode: 'reset' }) });
    proxy.cutAll('reset');
  };
  const heads = () =>
    f.db().prepare("SELECT applicant_id_number FROM roster WHERE status = 'active' ORDER BY applicant_id_number").pluck().all() as string[];
  const cursor = () => f.db().prepare("SELECT value FROM sync_state WHERE key = 'cursor'").pluck().get() as string | undefined;

  it('a roster page cut partway: the pages before it are on the roster once, the cursor after them; the next run pulls only the rest', async () => {
    const households = rosterRecipients(8);
    expect(await platform.admin.loadRoster({ stationId: STATION, households })).toEqual({ loaded: 8, refused: [] });
    const all = households.map((h) => h.applicant.idNumber).sort();

    // The third page's answer is cut partway, and the link stays cut: the run ends without it.
    let pulls = 0;
    const sent = watch((path) => {
      if (path === '/v1/pull' && ++pulls === 3) cutFromNow(() => 600);
    });
    const first = await f.engine.run('manual');
    expect(first.outcome).toBe('failed');
    expect(first.error?.code).toBe('SYNC_PLATFORM_UNREACHABLE');
    expect(proxy.stats().perConnection.some((c) => c.cut?.direction === 'down' && c.cut.atByte === 600)).toBe(true);
    // Two whole pages applied, each household once; nothing of the cut page.
    const afterCut = heads();
    expect(afterCut).toEqual(
      households
        .slice(0, 6)
        .map((h) => h.applicant.idNumber)
        .sort(),
    );
    expect(first.summary.pulled).toBe(6);
    const kept = cursor();
    expect(kept).toBeTruthy();

    // The link is back: the next run starts from the kept cursor and pulls the two items left, once — and
    // after them the platform status (县级已作出决定) of the six households whose roster.imported the run
    // pushed first: eight items, three a page; from the start it would have been fourteen.
    proxy.setOptions({ faults: undefined });
    sent.length = 0;
    const second = await f.engine.run('manual');
    expect(second.outcome).toBe('ok');
    expect(second.summary.pulled).toBe(2 + 6);
    expect(sent.filter((r) => r.url === '/v1/pull')).toHaveLength(3);
    expect(heads()).toEqual(all);
    expect(cursor()).not.toBe(kept);
    const members = f.db().prepare('SELECT id_number, count(*) AS n FROM roster_member GROUP BY id_number HAVING n > 1').all();
    expect(members).toEqual([]);
  });

  it('a blob download cut partway: the bytes that came are kept, the next run asks for the rest and the blob is whole', async () => {
    const filed = onlineApplication(new Date(Date.now() - 2 * DAY).toISOString());
    const made = await platform.admin.fileApplication({ stationId: STATION, body: filed.body, blobs: filed.files });
    const sizeOf = new Map(filed.files.map((b) => [createHash('sha256').update(b).digest('hex'), b.length]));

    // The first blob answer is cut halfway through its body, and the link stays cut after it.
    let cutSha = '';
    const sent = watch((path) => {
      const m = /^\/v1\/cases\/[^/]+\/blobs\/([0-9a-f]{64})$/.exec(path);
      if (!m || cutSha) return;
      cutSha = m[1]!;
      const half = Math.floor(encryptedBlobSize(sizeOf.get(cutSha)!) / 2);
      // The answer's head (status line and headers) is a few hundred bytes; the cut falls in the body.
      let first = true;
      cutFromNow(() => (first ? ((first = false), 400 + half) : 0));
    });
    const first = await f.engine.run('manual');
    // The prefetch after the pull is best effort: the run itself succeeds.
    expect(first.outcome).toBe('ok');
    expect(cutSha).not.toBe('');
    const total = encryptedBlobSize(sizeOf.get(cutSha)!);
    const partial = f
      .db()
      .prepare('SELECT coalesce(sum(length(data)), 0) FROM sync_download_chunk WHERE sha256 = ?')
      .pluck()
      .get(cutSha) as number;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);
    const state = () =>
      f.db().prepare('SELECT sha256, state FROM sync_remote_blob WHERE case_id = ? ORDER BY sha256').all(made.id) as Array<{
        sha256: string;
        state: string;
      }>;
    expect(state().find((r) => r.sha256 === cutSha)?.state).toBe('remote');

    // The link is back: the next run resumes that blob from the bytes kept, then fetches the others.
    proxy.setOptions({ faults: undefined });
    sent.length = 0;
    expect((await f.engine.run('manual')).outcome).toBe('ok');
    const resumed = sent.filter((r) => r.url.endsWith(`/blobs/${cutSha}`));
    expect(resumed).toEqual([{ url: expect.any(String), range: `bytes=${partial}-` }]);
    expect(state().map((r) => r.state)).toEqual(filed.files.map(() => 'stored'));
    expect(f.db().prepare('SELECT count(*) FROM sync_download_chunk').pluck().get()).toBe(0);
    const attachments = new AttachmentStore(f.db(), f.t.clock);
    for (const { sha256 } of state()) {
      const id = f
        .db()
        .prepare('SELECT attachment_id FROM sync_remote_blob WHERE case_id = ? AND sha256 = ?')
        .pluck()
        .get(made.id, sha256) as string;
      const bytes = attachments.get(id);
      expect([createHash('sha256').update(bytes).digest('hex'), bytes.length]).toEqual([sha256, sizeOf.get(sha256)]);
    }
  });
});
