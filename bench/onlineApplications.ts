import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../city-platform/platform';
import { CaseService } from '../main/core/cases/caseService';
import { loadCaseResources } from '../main/core/cases/resources';
import { registerOnlineApplicationsPullHandler } from '../main/core/onlineApplications/pullHandler';
import { OnlineApplicationsService } from '../main/core/onlineApplications/service';
import { onlineApplication } from '../main/core/onlineApplications/testing/application';
import { FakeClock } from '../main/core/kernel/store/testing/fixtures';
import { engineFixture, registerWith, type EngineFixture } from '../main/core/sync/engine/testing/engineFixture';
import { row, type Benchmark, type BenchRow } from './types';

const APPLICATIONS = 1_000;
const STATION = 'ST-BENCH-ONLINE';

async function timedAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
}

const serviceOf = (f: EngineFixture) => {
  const info = f.t.station.stationInfo()!;
  const cases = new CaseService({
    db: f.db(),
    clock: f.t.clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return new OnlineApplicationsService({ cases, clock: f.t.clock, audit: f.t.auth.audit() });
};

/**
 * A city's day of online applications (about 1,000, issue 16) for one station: filed on the
 * reference platform (SQLite, each with two pages and a signature), then pulled by the real engine
 * over loopback into a real encrypted station. The baseline of the pull is the same feed pulled by a
 * station with no handler for the kind (the engine keeps the items raw in pulled_item): the ratio is
 * what keeping each once in the 待受理 queue, with its blob references and audit row, costs. The
 * queue's list of every waiting application is timed after.
 */
export const benchmark: Benchmark = {
  name: 'online-applications',
  summary: 'online applications: 1,000 filed on the platform, pulled into a real encrypted station, the 待受理 list',
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-online-'));
    const platform = await startPlatform({ dataDir });
    const fixtures: EngineFixture[] = [];
    try {
      await platform.admin.createEnrolmentCode({ stationId: STATION, regionCode: '500110' });
      const filed = onlineApplication(new Date(Date.now() - 86_400_000).toISOString());
      const [, fileMs] = await timedAsync(async () => {
        for (let i = 0; i < APPLICATIONS; i++)
          await platform.admin.fileApplication({ stationId: STATION, body: filed.body, blobs: i === 0 ? filed.files : [] });
      });
      const fixture = async () => {
        const f = engineFixture({ clock: new FakeClock(Date.now()), machineId: `bench-${fixtures.length}` });
        fixtures.push(f);
        await registerWith(f, platform, STATION);
        return f;
      };
      const raw = await fixture();
      const [rawRun, rawMs] = await timedAsync(() => raw.engine.run('manual'));
      if (rawRun.outcome !== 'ok') throw new Error(`baseline pull ${rawRun.outcome}`);

      const kept = await fixture();
      const keeper = serviceOf(kept);
      const off = registerOnlineApplicationsPullHandler(kept.engine.pullHandlers, () => keeper);
      let keptMs: number;
      try {
        const [run, ms] = await timedAsync(() => kept.engine.run('manual'));
        if (run.outcome !== 'ok') throw new Error(`pull ${run.outcome}`);
        keptMs = ms;
      } finally {
        off();
      }
      const svc = keeper;
      const t0 = performance.now();
      const list = svc.list(kept.t.adminId, 'waiting');
      const listMs = performance.now() - t0;
      if (list.rows.length !== 500 && list.rows.length !== APPLICATIONS) throw new Error(`the queue lists ${list.rows.length}`);
      const work = `${APPLICATIONS.toLocaleString('en')} applications`;
      return [
        row('online-applications file (platform, SQLite)', work, fileMs / 1000, 's'),
        row('online-applications pull into the 待受理 queue', work, keptMs / 1000, 's', rawMs / 1000),
        row('online-applications 待受理 list', `${list.rows.length} rows`, listMs, 'ms'),
      ];
    } finally {
      for (const f of fixtures) f.cleanup();
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
