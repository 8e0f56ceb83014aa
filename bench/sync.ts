import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '../city-platform/platform';
import { engineFixture, registerWith, type EngineFixture } from '../main/core/sync/engine/testing/engineFixture';
import { seededRandom } from '../tools/linkProxy/prng';
import { PROFILES } from '../tools/linkProxy/profiles';
import { startLinkProxy, type LinkProxyOptions } from '../tools/linkProxy/index';
import { row, type Benchmark, type BenchRow } from './types';

const LINE = (200 * 1000) / 8; // 200 kbit/s in bytes per second

interface Setup {
  platform: RunningPlatform;
  f: EngineFixture;
  proxy: Awaited<ReturnType<typeof startLinkProxy>>;
  done: () => Promise<void>;
}

/** A platform, a registered station and a link proxy between them (registration goes direct). */
async function setup(link: Omit<LinkProxyOptions, 'target'>, phases: Record<string, number> = {}): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-sync-'));
  const platform = await startPlatform({ dataDir });
  const f = engineFixture({
    backoff: { baseMs: 200, capMs: 2000 },
    idleTimeoutMs: 60_000,
    onProgress: (p) => {
      if (p.fraction === 0) phases[p.phase] ??= performance.now();
    },
  });
  await registerWith(f, platform, 'ST-BENCH');
  const proxy = await startLinkProxy({ target: { port: platform.port }, ...link });
  f.db().prepare('UPDATE sync_registration SET platform_url = ?').run(proxy.url);
  return {
    platform,
    f,
    proxy,
    done: async () => {
      await proxy.close();
      f.cleanup();
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function timedRun(f: EngineFixture) {
  const t0 = performance.now();
  const r = await f.engine.run('bench');
  if (r.outcome !== 'ok') throw new Error(`sync run ended ${r.outcome}: ${r.error?.message ?? ''}`);
  return { seconds: (performance.now() - t0) / 1000, summary: r.summary };
}

/** One 300 KB blob (with its case record) at 200 kbit/s up, 240 down, 200 ms; optionally one reset mid-upload. */
async function goodput(cutAt: number | undefined) {
  let armed = cutAt !== undefined;
  const phases: Record<string, number> = {};
  const s = await setup(
    {
      up: { bytesPerSecond: LINE, latencyMs: 200 },
      down: { bytesPerSecond: 30_000, latencyMs: 200 },
      faults: () => (armed ? ((armed = false), { cutUpAfter: cutAt!, cutMode: 'reset' as const }) : undefined),
    },
    phases,
  );
  try {
    const size = 300 * 1024;
    const sha = s.f.putBlob(size);
    s.f.enqueueCase('B-1', 1, { blobs: [sha] });
    const { seconds } = await timedRun(s.f);
    const blobSeconds = (phases['pull']! - phases['blobs']!) / 1000;
    return { seconds, share: size / LINE / seconds, blobShare: size / LINE / blobSeconds, bytesUp: s.proxy.stats().bytesUp };
  } finally {
    await s.done();
  }
}

/** Structured data of 100 cases (no attachments): bytes both ways on the wire, including the pull of the station's cases. */
async function structured() {
  const s = await setup({});
  try {
    for (let i = 0; i < 100; i++) s.f.enqueueCase(`S-${i}`, 1000 + i, { name: ['王小文', '李秀英', '张建国', '刘桂兰'][i % 4]! });
    const r = await timedRun(s.f);
    const { bytesUp, bytesDown } = s.proxy.stats();
    return { bytesUp, bytesDown, acknowledged: r.summary.acknowledged };
  } finally {
    await s.done();
  }
}

/** A day's work (scaled): cases with one attachment each, on an ATC profile, with seeded random cuts. */
async function dayOnProfile(profile: string, cases: number, attachmentBytes: number) {
  const p = PROFILES[profile]!;
  const s = await setup({
    up: p.up,
    down: p.down,
    seed: 7,
    randomCuts: { probability: 0.2, maxOffset: Math.max(20_000, cases * attachmentBytes), directions: ['up'], modes: ['reset', 'close'] },
  });
  try {
    const random = seededRandom(11);
    for (let i = 0; i < cases; i++)
      s.f.enqueueCase(`D-${i}`, 2000 + i, { blobs: [s.f.putBlob(Math.floor(attachmentBytes * (0.8 + random() * 0.4)))] });
    const r = await timedRun(s.f);
    const payload = Number((s.f.db().prepare('SELECT sum(size) AS n FROM attachment').get() as { n: number }).n);
    const line = p.up.bytesPerSecond!;
    // Per-case cost beyond the bytes themselves (round trips, headers, sealing, the cuts), for extrapolation.
    const overheadPerCase = Math.max(0, r.seconds - payload / line) / cases;
    return { seconds: r.seconds, share: payload / line / r.seconds, cuts: s.proxy.stats().cuts, payload, overheadPerCase };
  } finally {
    await s.done();
  }
}

export const benchmark: Benchmark = {
  name: 'sync',
  summary:
    'sync engine ⇄ reference platform through the link proxy: goodput, re-sent bytes after a cut, wire bytes of 100 cases, a (scaled) day on ATC profiles',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const clean = await goodput(undefined);
    const cutAt = 80_000 + Math.floor(seededRandom(3)() * 150_000);
    const cut = await goodput(cutAt);
    rows.push(
      row(
        'goodput of the blob channel, one reset',
        '300 KB at 200 kbit/s, 200 ms',
        cut.blobShare * 100,
        '% of line (goal ≥ 80)',
        clean.blobShare * 100,
      ),
    );
    rows.push(row('goodput of the whole cycle, one reset', 'push + blob + pull', cut.share * 100, '% of line', clean.share * 100));
    rows.push(
      row(
        'bytes re-sent after the cut',
        `reset at ${Math.round(cutAt / 1024)} KB`,
        Math.max(0, cut.bytesUp - clean.bytesUp) / 1024,
        'KB (goal ≤ 64)',
      ),
    );
    const st = await structured();
    rows.push(row('structured data of 100 cases, up', `${st.acknowledged} records`, st.bytesUp / 1024, 'KB (goal ≤ 150)'));
    rows.push(row('structured data of 100 cases, up + down', 'incl. pull of the cases', (st.bytesUp + st.bytesDown) / 1024, 'KB'));
    // Scaled so that each profile runs about a minute; the full day (30 cases × ~2 MiB) is extrapolated from the measured goodput.
    for (const [profile, cases, bytes] of [
      ['2g-rural', 10, 2_000],
      ['edge-lossy', 30, 25_000],
      ['3g', 30, 50_000],
    ] as const) {
      const d = await dayOnProfile(profile, cases, bytes);
      rows.push(row(`day on ${profile}: time`, `${cases} cases × ~${bytes / 1000} KB, ${d.cuts} cuts`, d.seconds, 's'));
      rows.push(row(`day on ${profile}: goodput`, `${Math.round(d.payload / 1024)} KB of attachments`, d.share * 100, '% of line'));
      const fullDay = (30 * (d.overheadPerCase + (2 * 1024 * 1024) / PROFILES[profile]!.up.bytesPerSecond!)) / 3600;
      rows.push(
        row(
          `day on ${profile}: 30 cases × 2 MiB (extrapolated)`,
          `line rate + ${d.overheadPerCase.toFixed(1)} s/case measured`,
          fullDay,
          'h',
        ),
      );
    }
    return rows;
  },
};
