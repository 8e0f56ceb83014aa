import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../../city-platform/platform';
import { describeStores, type StoreFixture } from '../../../../city-platform/testing/stores';
import { seededRandom } from '../../../../tools/linkProxy/prng';
import { startLinkProxy } from '../../../../tools/linkProxy/proxy';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { Outbox } from '../outbox/outbox';
import {
  claimInboundKinds,
  decideChangeOnce,
  expectInboundOnce,
  inboundPending,
  postVerificationOnce,
  proposedChange,
  seedInboundFeed,
  verifiableCase,
} from './testing/inboundFeed';
import { engineFixture, registerWith } from './testing/engineFixture';

const DAY = 86_400_000;
const MODES = ['reset', 'close', 'half-close'] as const;
/** The runs' platform folders: each removed after its run, and any a failed or timed-out run left, after the file. */
const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The seeded fault matrix: the real engine against the real platform through the link proxy,
 * with cuts at random byte offsets both ways (resets, closes, half-closes: lost requests and lost
 * responses), duplicated requests, platform restarts mid-transfer and clocks a day apart on
 * either side. The feed also holds one item of every inbound kind (roster recipients, an online
 * application with its blobs, a 核对 report, a remote 资格认证, the working-day calendar and the
 * county's standards, materials and policy texts, the station's cases and their platform status, the
 * county's decision on the station's proposal to stop a household's benefit),
 * applied by the capabilities' real handlers (testing/inboundFeed.ts). Afterwards the platform holds every record
 * exactly once and every blob whole, each inbound item is applied exactly once in the station's own
 * tables with its blobs whole, and the outbox is empty. JIUZHU_SEED replays one run.
 */
describeStores('fault matrix (engine ⇄ platform through the link proxy)', (store) => {
  // The PostgreSQL half runs a shorter slice in the normal suite (each run costs a new database), and
  // so does the 国密 suite (its pure-TypeScript SM2 costs ~15 ms a signature check).
  const slice = store.kind === 'pg' ? 8 : 24;
  const runs = Number(process.env['JIUZHU_SEED'] ? 1 : process.env['JIUZHU_LONG'] ? 200 : store.suite === 'gm' ? slice / 2 : slice);
  const seed0 = Number(process.env['JIUZHU_SEED'] ?? 8_2026_0);

  it(`${runs} seeded runs: every record exactly once, every blob whole, outbox empty`, async () => {
    const tally = { cuts: 0, restarts: 0, duplicates: 0, retries: 0 };
    for (let run = 0; run < runs; run++) {
      const seed = seed0 + run;
      try {
        const t = await oneRun(seed, store);
        tally.cuts += t.cuts;
        tally.restarts += t.restarts;
        tally.duplicates += t.duplicates;
        tally.retries += t.retries;
      } catch (e) {
        throw new Error(`fault matrix run ${run} (JIUZHU_SEED=${seed}) failed: ${(e as Error).message}`, { cause: e });
      }
    }
    // The matrix must actually have exercised the faults it claims. How many cut points a run reaches
    // depends on how its bytes are split into reads, which varies with machine load; half the runs is the floor.
    if (runs >= 10) {
      expect(tally.cuts).toBeGreaterThanOrEqual(runs / 2);
      expect(tally.duplicates).toBeGreaterThan(0);
      expect(tally.restarts).toBeGreaterThan(0);
    }
    console.log(
      `fault matrix: ${runs} runs, ${tally.cuts} cuts, ${tally.restarts} platform restarts, ${tally.duplicates} duplicated requests, ${tally.retries} retries`,
    );
  }, 600_000);
});

async function oneRun(seed: number, store: StoreFixture) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const platformSkew = pick([-DAY, 0, DAY]);
  const stationSkew = pick([-DAY, 0, DAY]);
  const cutProbability = 0.5 + random() * 0.4;
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-matrix-'));
  dataDirs.push(dataDir);
  const now = () => Date.now() + platformSkew;
  const { pgUrl, suites } = await store.fresh();
  let platform: RunningPlatform = await startPlatform({ dataDir, now, suites, ...(pgUrl ? { pgUrl } : {}) });
  const port = platform.port;
  const f = engineFixture({ clock: new FakeClock(Date.now() + stationSkew), idleTimeoutMs: 3000 });
  let restarts = 0;
  let duplicates = 0;
  let proxy: Awaited<ReturnType<typeof startLinkProxy>> | undefined;
  let watcher: NodeJS.Timeout | undefined;
  const unclaim = claimInboundKinds(f);
  try {
    const stationId = `ST-${seed % 5}`;
    await registerWith(f, platform, stationId);
    // Inbound: one item of every kind waiting in the feed; the 核对 report is posted once the push has taken its case's 授权书 there,
    // the change decision once it has taken the proposal.
    const feed = await seedInboundFeed(platform, stationId, {
      verifiable: verifiableCase(f, `V${seed}`, seed * 40 + 35, now()),
      change: proposedChange(f, now()),
      households: 2 + Math.floor(random() * 2),
      now: now(),
    });
    proxy = await startLinkProxy({
      target: { port },
      seed,
      // A cut on some connections, up (requests) or down (answers), at a random offset scaled to what flows that way.
      faults: (_index, r) =>
        r() < cutProbability
          ? r() < 0.6
            ? { cutUpAfter: Math.floor(r() * 80_000), cutMode: pick(MODES) }
            : { cutDownAfter: Math.floor(r() * 3_000), cutMode: pick(MODES) }
          : undefined,
    });
    f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);

    // Duplicated requests: some requests are sent twice, the first answer thrown away.
    const http = f.engine.http;
    const original = http.request.bind(http);
    http.request = async (url, input) => {
      if (random() < 0.15) {
        duplicates++;
        // The first answer is thrown away: a download's body must not reach the download's sink.
        await original(url, { ...input, ...(input.sink ? { sink: () => undefined } : {}) }).catch(() => undefined);
      }
      const answer = await original(url, input);
      if (String(url).endsWith('/v1/bundles') && !restarting) {
        await postVerificationOnce(platform, feed, now());
        await decideChangeOnce(platform, feed);
      }
      return answer;
    };

    // Work: cases (one referencing blobs), a decision and a warning waiting in the feed.
    const blobs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => f.putBlob(10_000 + Math.floor(random() * 110_000)));
    const ids: string[] = [];
    const cases = 3 + Math.floor(random() * 25);
    for (let i = 0; i < cases; i++) ids.push(f.enqueueCase(`M${seed}-${i}`, seed * 40 + i, i === 0 ? { blobs } : {}));
    f.engine.state().saveSettings({ ...f.engine.state().settings(), bundleTargetBytes: 4096 + Math.floor(random() * 8192) });
    await platform.admin.decide({ caseId: `M${seed}-0`, stationId, outcome: 'approved', amountFen: 68000, startMonth: '2026-12' });
    await platform.admin.warn({ idNumber: '500115196001010013', type: 'death', stationId });

    // A platform restart once the upload has moved a random amount of bytes.
    const restartAt = random() < 0.5 ? 20_000 + Math.floor(random() * 150_000) : Infinity;
    let restarting = false;
    watcher = setInterval(() => {
      if (restarting || restarts > 0 || proxy!.stats().bytesUp < restartAt) return;
      restarting = true;
      void (async () => {
        await platform.stop();
        // A crashed process writes nothing more; in one process, let the old handlers see their dead sockets first.
        await new Promise((r) => setTimeout(r, 100));
        platform = await startPlatform({ dataDir, port, now, suites, ...(pgUrl ? { pgUrl } : {}) });
        restarts++;
        restarting = false;
      })();
    }, 5);

    let retries = 0;
    let outcome = '';
    let lastError = '';
    // Until a run ends ok with nothing left: the roster's `roster.imported` records (written by the pull) sent,
    // the online application's blobs (fetched after the pull, best effort) whole, the 核对 report and the change decision applied.
    const done = () => outcome === 'ok' && new Outbox(f.db(), f.t.clock).counts().queued === 0 && inboundPending(f, feed) === 0;
    for (let attempt = 0; attempt < 10 && !done(); attempt++) {
      const r = await f.engine.run('matrix');
      if (!restarting) {
        await postVerificationOnce(platform, feed, now());
        await decideChangeOnce(platform, feed);
      }
      retries += r.summary.retries;
      outcome = r.outcome;
      lastError = `${r.error?.code ?? ''} ${r.error?.message ?? ''}`;
      if (r.outcome === 'failed' && r.error && !['SYNC_PLATFORM_UNREACHABLE'].includes(r.error.code))
        throw new Error(`run failed: ${r.error.code} ${r.error.message}`);
    }
    clearInterval(watcher);
    while (restarting) await new Promise((r) => setTimeout(r, 5));
    expect(`${outcome} ${outcome === 'ok' ? '' : lastError}`.trim()).toBe('ok');

    const deviceId = f.engine.state().registration()!.deviceId;
    const held = (await platform.admin.records()).filter((r) => r.deviceId === deviceId);
    const matrixIds = new Set(ids);
    expect(
      held
        .filter((r) => matrixIds.has(r.recordId))
        .map((r) => r.recordId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(new Set(held.map((r) => r.recordId)).size).toBe(held.length);
    expect(held.every((r) => r.status === 'acknowledged')).toBe(true);
    const stored = await platform.admin.blobs();
    for (const sha of blobs) {
      const row = stored.filter((b) => b.sha256 === sha);
      if (row.length !== 1) console.log('BLOB', sha, JSON.stringify(f.engine.blobs().get(sha)), JSON.stringify(f.engine.runs().recent(9)));
      expect(row).toHaveLength(1);
      const local = f.db().prepare('SELECT size FROM attachment WHERE sha256 = ?').get(Buffer.from(sha, 'hex')) as { size: number };
      expect(row[0]!.size).toBe(local.size);
    }
    const counts = new Outbox(f.db(), f.t.clock).counts();
    expect(counts).toMatchObject({ queued: 0, sent: 0, rejected: 0, conflict: 0, acknowledged: held.length });
    expect(f.engine.state().inflight()).toBeUndefined();
    expect(f.engine.blobs().counts()).toMatchObject({ queued: 0, failed: 0 });
    // Only the kinds left unclaimed are kept; every other item was applied (none refused, none deferred).
    const pulled = f.db().prepare('SELECT kind, count(*) AS n FROM pulled_item GROUP BY kind ORDER BY kind').all();
    expect(pulled).toEqual([
      { kind: 'decision', n: 1 },
      { kind: 'warning', n: 1 },
    ]);
    // The station's cases came back as `case` items: each kept once, at the platform's version.
    const caseIds = Array.from({ length: cases }, (_, i) => `M${seed}-${i}`);
    const local = f
      .db()
      .prepare('SELECT id, version FROM case_file WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(caseIds));
    expect(local).toEqual(caseIds.sort().map((id) => ({ id, version: 1 })));
    // What the platform said of each of them (`case.status`): each change kept once, every case at least received.
    const said = f
      .db()
      .prepare('SELECT case_id AS caseId, status, count(*) AS n FROM case_platform_status GROUP BY case_id, status')
      .all() as Array<{
      caseId: string;
      status: string;
      n: number;
    }>;
    expect(said.filter((r) => r.n > 1)).toEqual([]);
    const received = said.filter((r) => r.status === 'received').map((r) => r.caseId);
    expect(received.sort()).toEqual([...caseIds, feed.verification.caseId, feed.change.caseId].sort());
    await expectInboundOnce(f, platform, feed);
    return { cuts: proxy.stats().cuts, restarts, duplicates, retries };
  } finally {
    unclaim();
    if (watcher) clearInterval(watcher);
    await proxy?.close();
    f.cleanup();
    await platform.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
