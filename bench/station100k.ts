import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseService } from '../main/core/cases/caseService';
import { loadCaseResources } from '../main/core/cases/resources';
import { seedStatsLoad } from '../main/core/stats/testing/seed';
import { initStation } from '../main/core/kernel/store/initStation';
import { DEFAULT_KDF } from '../main/core/kernel/store/keys/kdf';
import { SCHEMA_VERSION } from '../main/core/kernel/store/migrations/index';
import type { StationOptions } from '../main/core/kernel/store/station';
import { ADMIN, FakeClock, MACHINE_A, machineSecretOf, openServices } from '../main/core/kernel/store/testing/fixtures';
import { authConfig } from '../main/core/kernel/accounts/config';

/**
 * A real station with 100,000 cases (demo intake mix, decisions, deadlines and a roster whose
 * applicants are enrolled members), built once and kept under the OS temp folder, keyed by the
 * schema version and this recipe (a cache of an older schema is upgraded by opening a copy, which
 * runs the new migrations); each benchmark works on a copy. The admin's slot uses the
 * production scrypt cost (DEFAULT_KDF), so a login here costs what it costs at a counter.
 */
export const STATION_CASES = 100_000;
export const STATION_AT = '2026-06-15T02:00:00Z';
const RECIPE = 1;
const KDF = DEFAULT_KDF;

export const cacheDir = (): string =>
  join(tmpdir(), 'jiuzhu-bench-cache', `station-${STATION_CASES / 1000}k-schema${SCHEMA_VERSION}-r${RECIPE}`);

export interface StationFacts {
  cases: number;
  roster: number;
  dbBytes: number;
  buildSeconds: number;
}

/** Build the cached station if it is missing; returns its folder and what it holds. */
export function ensureStation(log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): { dir: string; facts: StationFacts } {
  const dir = cacheDir();
  const factsFile = join(dir, 'facts.json');
  if (existsSync(factsFile)) return { dir, facts: JSON.parse(readFileSync(factsFile, 'utf8')) as StationFacts };
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t0 = performance.now();
  const clock = new FakeClock(Date.parse(STATION_AT));
  const dataDir = join(building, 'station');
  const older = olderCache();
  let opened: ReturnType<typeof openCases>;
  if (older) {
    // A station of an older schema, upgraded as a counter's station is: the open runs the new migrations.
    log(`upgrading the cached station ${older} to schema ${SCHEMA_VERSION} in ${dir}…`);
    cpSync(join(older, 'station'), dataDir, { recursive: true });
    opened = openCases(dataDir, clock);
  } else {
    log(`building the ${STATION_CASES.toLocaleString('en')}-case station in ${dir} (once per schema version)…`);
    initStation({
      dataDir,
      stationName: '城关镇社会救助工作站',
      regionCode: '500101',
      admin: ADMIN,
      machineId: MACHINE_A,
      machineSecret: machineSecretOf(MACHINE_A),
      clock,
      kdf: KDF,
    });
    opened = openCases(dataDir, clock);
    seedStatsLoad(opened.svc, opened.auth.adminId, STATION_CASES, 7);
    opened.svc.db.exec('INSERT OR IGNORE INTO roster_member (roster_id, id_number) SELECT id, applicant_id_number FROM roster');
  }
  const { svc, auth } = opened;
  svc.db.exec('ANALYZE');
  const counts = svc.db
    .prepare(
      "SELECT (SELECT count(*) FROM case_file) AS cases, (SELECT count(*) FROM roster_member m JOIN roster r ON r.id = m.roster_id WHERE r.status = 'active') AS roster",
    )
    .get() as { cases: number; roster: number };
  auth.auth.close();
  const facts: StationFacts = {
    cases: counts.cases,
    roster: counts.roster,
    dbBytes: statSync(join(dataDir, 'jiuzhu.db')).size,
    buildSeconds: (performance.now() - t0) / 1000,
  };
  writeFileSync(join(building, 'facts.json'), JSON.stringify(facts));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  log(`built in ${facts.buildSeconds.toFixed(0)} s: ${facts.cases} cases, ${(facts.dbBytes / 2 ** 20).toFixed(0)} MiB`);
  return { dir, facts };
}

/** The newest complete cache of an older schema with this recipe, if any. */
function olderCache(): string | null {
  const root = join(tmpdir(), 'jiuzhu-bench-cache');
  if (!existsSync(root)) return null;
  const mine = new RegExp(`^station-${STATION_CASES / 1000}k-schema(\\d+)-r${RECIPE}$`);
  const found = readdirSync(root)
    .map((name) => ({ name, version: Number(mine.exec(name)?.[1] ?? Number.NaN) }))
    .filter((c) => c.version < SCHEMA_VERSION && existsSync(join(root, c.name, 'facts.json')))
    .sort((a, b) => b.version - a.version);
  return found[0] ? join(root, found[0].name) : null;
}

/** A private copy of the cached station (benchmarks write to it); remove it with `cleanup`. */
export function stationCopy(prefix: string): { dataDir: string; facts: StationFacts; cleanup: () => void } {
  const { dir, facts } = ensureStation();
  const work = join(tmpdir(), `${prefix}${process.pid}-${Date.now()}`);
  cpSync(join(dir, 'station'), join(work, 'station'), { recursive: true });
  return { dataDir: join(work, 'station'), facts, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

export const stationConfig = () => authConfig({ kdf: KDF });

/** Station services on an existing data folder, without logging in. */
export function stationServices(dataDir: string, clock = new FakeClock(Date.parse(STATION_AT)), check?: StationOptions['check']) {
  const s = openServices(dataDir, clock, stationConfig(), MACHINE_A, machineSecretOf(MACHINE_A), check);
  return { ...s, clock };
}

/** Logged in as the admin, with the case service and views on the station's database. */
export function openCases(dataDir: string, clock = new FakeClock(Date.parse(STATION_AT))) {
  const { station, auth } = stationServices(dataDir, clock);
  auth.login(ADMIN.username, ADMIN.password);
  const info = station.stationInfo()!;
  const adminId = auth.accounts().findByUsername(ADMIN.username)!.id;
  const svc = new CaseService({
    db: station.db,
    clock,
    audit: auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return { svc, views: svc.views, auth: { auth, adminId, close: () => auth.close() }, clock };
}
