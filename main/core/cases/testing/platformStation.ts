import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../../../city-platform/platform';
import type { StoreFixture } from '../../../../city-platform/testing/stores';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { engineFixture, registerWith, type EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { stationCases } from './station';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const run = promisify(execFile);

/** Where the platform's CLI finds the platform's store: its data directory, and its PostgreSQL where the suite runs on one. */
export interface PlatformData {
  dataDir: string;
  pgUrl: string | undefined;
}

/** `npm run platform -- COMMAND --data DIR [--pg URL] ARGS…` in its own process, on the platform's store. */
export function platformCli(store: PlatformData, command: string, args: string[]) {
  return run(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'city-platform', 'cli.ts'), command, '--data', store.dataDir, ...(store.pgUrl ? ['--pg', store.pgUrl] : []), ...args],
    { cwd: ROOT },
  );
}

/** A workstation on the platform: a real encrypted station with the real engine, and its case service. */
export interface Workstation {
  f: EngineFixture;
  cases: CaseService;
}

/**
 * What a test of a pulled kind runs on: the reference platform on the suite's store, one logged-in
 * workstation (more with `workstation`), every event its engine logged, and one `close`.
 */
export interface PlatformStation extends PlatformData, Workstation {
  platform: RunningPlatform;
  clock: FakeClock;
  logs: Array<{ event: string; fields: Record<string, unknown> }>;
  /** Register the workstation (or `w`) with the platform under `stationId`. */
  register(stationId: string, w?: Workstation): ReturnType<typeof registerWith>;
  /** Keep the removers of registered pull handlers; each runs at `close`. */
  handlers(...offs: Array<() => void>): void;
  /** Another workstation on the same platform (its own store and engine, the same clock unless given), closed with the rest. */
  workstation(options?: { machineId?: string; clock?: FakeClock }): Workstation;
  /** A temporary folder removed at `close`. */
  folder(prefix: string): string;
  /** The platform's CLI on its store (`platformCli`). */
  cli(command: string, args: string[]): ReturnType<typeof platformCli>;
  /** Removes the handlers, closes the workstations, stops the platform and removes the folders, each even when one before it failed. */
  close(): Promise<void>;
}

export interface PlatformStationOptions {
  /** The clock's start (ISO time); default now. */
  at?: string;
  machineId?: string;
  /** More platform options (limits, guards). */
  platform?: Omit<PlatformOptions, 'dataDir' | 'suites' | 'pgUrl'>;
}

/**
 * Starts the platform on a fresh store of `store` (SQLite or PostgreSQL, the suite's crypto) and one
 * workstation with a fake clock. A set-up that fails half-way cleans what it made and throws.
 */
export async function platformStation(store: StoreFixture, options: PlatformStationOptions = {}): Promise<PlatformStation> {
  const folders: string[] = [];
  const offs: Array<() => void> = [];
  const fixtures: EngineFixture[] = [];
  let platform: RunningPlatform | undefined;
  const folder = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    folders.push(dir);
    return dir;
  };
  const close = async () => {
    const steps = [
      ...offs.splice(0),
      ...fixtures.splice(0).map((f) => () => f.cleanup()),
      async () => {
        await platform?.stop().catch(() => undefined);
        platform = undefined;
      },
      ...folders.splice(0).map((dir) => () => rmSync(dir, { recursive: true, force: true })),
    ];
    const failed: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (e) {
        failed.push(e);
      }
    }
    if (failed.length > 0) throw failed[0];
  };

  try {
    const dataDir = folder('jiuzhu-platform-');
    const fresh = await store.fresh();
    const pgUrl = fresh.pgUrl;
    const running = await startPlatform({ ...options.platform, dataDir, suites: fresh.suites, ...(pgUrl ? { pgUrl } : {}) });
    platform = running;
    const clock = new FakeClock(options.at ? Date.parse(options.at) : Date.now());
    const logs: PlatformStation['logs'] = [];
    const workstation = (o: { machineId?: string; clock?: FakeClock; logged?: boolean } = {}): Workstation => {
      const f = engineFixture({
        clock: o.clock ?? clock,
        idleTimeoutMs: 3000,
        ...(o.machineId ? { machineId: o.machineId } : {}),
        ...(o.logged ? { logger: { log: (_level, event, fields = {}) => logs.push({ event, fields }) } } : {}),
      });
      fixtures.push(f);
      return { f, cases: stationCases(f.t) };
    };
    const main = workstation({ logged: true, ...(options.machineId ? { machineId: options.machineId } : {}) });
    return {
      platform: running,
      dataDir,
      pgUrl,
      clock,
      logs,
      ...main,
      register: (stationId, w) => registerWith((w ?? main).f, running, stationId),
      handlers: (...more) => void offs.push(...more),
      workstation: (o = {}) => workstation(o),
      folder,
      cli: (command, args) => platformCli({ dataDir, pgUrl }, command, args),
      close,
    };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
