import type { CoreEvent, Envelope, Shell } from '../../common/contract/index';
import { appCapability } from './kernel/app/capability';
import { backupCapability } from './backup/capability';
import { readDeviceId } from './kernel/app/deviceId';
import type { CoreDeps } from './capability';
import { idcardCapability } from './devices/idcard/capability';
import { createNativeSerialTransport } from './devices/serial/nativeTransport';
import type { SerialTransport } from './devices/serial/transport';
import { casesCapability } from './cases/capability';
import { applicantCapability } from './applicant/capability';
import { afterAcceptanceCapability } from './afterAcceptance/capability';
import { certificationCapability } from './certification/capability';
import { documentsCapability } from './documents/capability';
import type { PrintHost } from './documents/printHost';
import { stationCapability } from './kernel/station/capability';
import { systemClock, type CallContext, type Clock } from './context';
import { createDispatcher } from './kernel/dispatch/dispatcher';
import type { Handlers } from './kernel/dispatch/handlers';
import { EventHub } from './kernel/events/hub';
import { createStderrLogger, type Logger } from './kernel/logging/logger';
import { createFileLogger, teeLogger } from './kernel/logging/fileLogger';
import { diagnosticsCapability } from './diagnostics/capability';
import { logsDir } from './diagnostics/logsDir';
import { lazyStationServices, type StationServicesOptions } from './kernel/station/stationServices';
import { WindowSessions } from './kernel/station/windowSessions';
import { WorkstationSettingsFile } from './kernel/settings/workstationSettings';
import { PullHandlers, syncCapability } from './sync/capability';
import { statsCapability } from './stats/capability';
import { ratingsCapability } from './ratings/capability';
import { shareFilesWithGroup } from './kernel/store/fileModes';
import { updatesCapability } from './updates/capability';
import { rosterImportCapability } from './rosterImport/capability';
import { onlineApplicationsCapability } from './onlineApplications/capability';
import { platformStatusCapability } from './cases/platformStatusCapability';
import { verificationCapability } from './cases/verificationCapability';

export interface CoreOptions {
  shell: Shell;
  dataDir: string;
  version: string;
  clock?: Clock;
  logger?: Logger;
  /** Supplies the hashed device id; defaults to node-machine-id through readDeviceId. */
  deviceId?: () => Promise<string>;
  /** Serial IO for device drivers; default the native binding (core on a main thread). */
  serialTransport?: SerialTransport;
  /** The reader emulator's pty in demo mode, listed among the ports and labelled 模拟读卡器. */
  emulatedReaderPath?: string;
  /** The vendor reader library folder; default the install's resources/idcard-sdk (tests name their own). */
  idcardLibraryDir?: string;
  /** Security settings (lockout, idle lock); defaults are the national-practice ones. */
  auth?: StationServicesOptions['config'];
  /** The Electron build of the SQLite module, in the desktop shell. */
  sqliteNativeBinding?: string;
  /** The machine secret unsealed by the desktop shell's safeStorage; elsewhere read from its file (store README). */
  machineSecret?: Uint8Array;
  /** The desktop shell's printing (Electron); absent elsewhere: the page prints through the browser. */
  printHost?: PrintHost;
  /** A station shared by the PC's staff accounts (app/dataScope.ts): files written 0660 / 2770 for their group. */
  dataScope?: 'machine';
  /** The release key's public half for 程序更新; default the build's resources/update/release-key.pem. */
  releaseKeyPem?: string;
}

/** What every shell talks to, whether core runs in the same thread or in a worker. */
export interface CoreApi {
  invoke(method: string, input: unknown, ctx: CallContext): Promise<Envelope>;
  /** `window`: the subscriber's window (also receives events addressed to it; see events/hub.ts). */
  onEvent(listener: (event: CoreEvent, to?: string) => void, window?: string): () => void;
  close(): Promise<void>;
}

/** Build the core services for one shell. Plain Node: no Electron, no UI thread assumptions. */
export function createCore(options: CoreOptions): CoreApi {
  const clock = options.clock ?? systemClock;
  if (options.dataScope === 'machine') shareFilesWithGroup();
  // Every line also goes to this shell's core log file, redacted (logging/fileLogger.ts), for the county's IT.
  const logger = teeLogger(
    options.logger ?? createStderrLogger(),
    createFileLogger({ dir: logsDir(options.dataDir), name: `core-${options.shell}` }),
  );
  const events = new EventHub(logger);
  let deviceId: Promise<string> | undefined;
  const getDeviceId = () => (deviceId ??= (options.deviceId ?? readDeviceId)());
  const lazyServices = lazyStationServices({
    dataDir: options.dataDir,
    clock,
    logger,
    deviceId: getDeviceId,
    ...(options.auth ? { config: options.auth } : {}),
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
    ...(options.machineSecret ? { machineSecret: options.machineSecret } : {}),
    onIntegrityDamaged: (r) => events.emit({ event: 'store.damaged', payload: { finishedAt: r.finishedAt, problems: r.problems.length } }),
  });
  let servicesStarted = false;
  const services = () => {
    servicesStarted = true;
    return lazyServices();
  };
  const windows = new WindowSessions(services);
  const deps: CoreDeps = {
    shell: options.shell,
    version: options.version,
    dataDir: options.dataDir,
    clock,
    logger,
    emit: (event) => events.emit(event),
    deviceId: getDeviceId,
    services,
    windows,
    settings: new WorkstationSettingsFile(options.dataDir),
    pullHandlers: new PullHandlers(),
    ...(options.sqliteNativeBinding ? { sqliteNativeBinding: options.sqliteNativeBinding } : {}),
  };

  // Every capability of core. A new capability adds its line here and its handlers below;
  // `handlers` is typed Handlers, so a contract method without a handler does not compile.
  const app = appCapability(deps);
  const station = stationCapability(deps);
  const backup = backupCapability(deps);
  const idcard = idcardCapability(deps, {
    transport:
      options.serialTransport ??
      createNativeSerialTransport({ onFallback: (reason) => logger.log('warn', 'serial.list_fallback', { reason }) }),
    ...(options.emulatedReaderPath ? { emulatedReaderPath: options.emulatedReaderPath } : {}),
    ...(options.idcardLibraryDir ? { libraryDir: options.idcardLibraryDir } : {}),
    emitTo: (windowId, event) => events.emitTo(windowId, event),
  });
  const cases = casesCapability(deps);
  const sync = syncCapability(deps);
  const documents = documentsCapability(deps, { ...(options.printHost ? { printHost: options.printHost } : {}) });
  const applicant = applicantCapability(deps, { emitTo: (windowId, event) => events.emitTo(windowId, event) });
  const afterAcceptance = afterAcceptanceCapability(deps);
  const stats = statsCapability(deps);
  const certification = certificationCapability(deps);
  const ratings = ratingsCapability(deps, { screen: applicant.screen });
  const rosterImport = rosterImportCapability(deps);
  const onlineApplications = onlineApplicationsCapability(deps);
  const platformStatus = platformStatusCapability(deps);
  const verification = verificationCapability(deps);
  const diagnostics = diagnosticsCapability(deps, { syncStatus: async (ctx) => sync.handlers['sync.status']({}, ctx) });
  const updates = updatesCapability(deps, options.releaseKeyPem ? { releaseKeyPem: options.releaseKeyPem } : {});
  const capabilities: Array<{ close?(): Promise<void> }> = [
    app,
    station,
    backup,
    idcard,
    sync,
    documents,
    cases,
    applicant,
    afterAcceptance,
    certification,
    stats,
    ratings,
    diagnostics,
    rosterImport,
    onlineApplications,
    platformStatus,
    verification,
    updates,
  ];
  const handlers: Handlers = {
    ...app.handlers,
    ...station.handlers,
    ...backup.handlers,
    ...idcard.handlers,
    ...sync.handlers,
    ...documents.handlers,
    ...cases.handlers,
    ...applicant.handlers,
    ...afterAcceptance.handlers,
    ...certification.handlers,
    ...stats.handlers,
    ...ratings.handlers,
    ...diagnostics.handlers,
    ...rosterImport.handlers,
    ...onlineApplications.handlers,
    ...platformStatus.handlers,
    ...verification.handlers,
    ...updates.handlers,
  };
  const dispatch = createDispatcher(handlers, logger, (ctx) => windows.resolve(ctx));

  events.setGreeting(() => ({
    event: 'core.ready',
    payload: { shell: options.shell, version: options.version, at: clock.now().toISOString() },
  }));

  return {
    invoke: dispatch,
    onEvent: (listener, window) => events.subscribe(listener, window),
    close: async () => {
      for (const capability of capabilities) await capability.close?.();
      events.clear();
      if (servicesStarted) (await services()).auth.close();
    },
  };
}
