import type { CoreEvent, Shell } from '../../common/contract/index';
import type { Clock } from './context';
import type { Handlers } from './kernel/dispatch/handlers';
import type { Logger } from './kernel/logging/logger';
import type { WorkstationSettingsFile } from './kernel/settings/workstationSettings';
import type { StationServices } from './kernel/station/stationServices';
import type { WindowSessions } from './kernel/station/windowSessions';

/** What core gives every capability: time, logs, events, the store's services, settings. */
export interface CoreDeps {
  shell: Shell;
  version: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  emit(event: CoreEvent): void;
  deviceId(): Promise<string>;
  /** The store, accounts and audit; the database is open only while someone is logged in. */
  services(): Promise<StationServices>;
  windows: WindowSessions;
  settings: WorkstationSettingsFile;
  /** The Electron build of the SQLite module, in the desktop shell (else the package's Node build). */
  sqliteNativeBinding?: string;
}

/**
 * One capability of core: the handlers of its contract methods, and what to release on close.
 * core.ts lists the capabilities; a capability never reaches into another's folder for state.
 */
export interface Capability<K extends keyof Handlers = keyof Handlers> {
  handlers: Pick<Handlers, K>;
  close?(): Promise<void>;
}
