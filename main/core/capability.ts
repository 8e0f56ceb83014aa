import type { CoreEvent, Shell } from '../../common/contract/index';
import type { Clock } from './context';
import type { Handlers } from './kernel/dispatch/handlers';
import type { Logger } from './kernel/logging/logger';
import type { WorkstationSettingsFile } from './kernel/settings/workstationSettings';
import type { StationServices } from './kernel/station/stationServices';
import type { WindowSessions } from './kernel/station/windowSessions';
import type { PullHandlers } from './sync/capability';

/**
 * What core.ts gives every capability: the shell and version, the data folder, time, logs, events, the device
 * id, the store's services, the window → session map, this workstation's settings, and the handlers of pulled sync items.
 */
export interface CoreDeps {
  shell: Shell;
  version: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  emit(event: CoreEvent): void;
  deviceId(): Promise<string>;
  /** The station (the encrypted store), sign-in and accounts; the database is open only while someone is logged in. */
  services(): Promise<StationServices>;
  windows: WindowSessions;
  settings: WorkstationSettingsFile;
  /** The handlers of pulled sync items, built once by core.ts: the sync engine applies pulled items with them, features claim their kinds in them. */
  pullHandlers: PullHandlers;
  /** The Electron build of the SQLite module, in the desktop shell (else the package's Node build). */
  sqliteNativeBinding?: string;
}

/**
 * One capability of core: the handlers of its contract methods, and what to release on close. core.ts builds
 * each from CoreDeps (a few also get what another one hands over: the applicant screen to ratings, sync's status
 * to diagnostics) and merges their handlers into one `Handlers`. A feature uses another only through its
 * top-level files (lint). The one registry they share is `deps.pullHandlers`, in which each capability claims the
 * pulled item kinds it applies when it is built (sync/engine/pullHandlers.ts).
 */
export interface Capability<K extends keyof Handlers = keyof Handlers> {
  handlers: Pick<Handlers, K>;
  close?(): Promise<void>;
}
