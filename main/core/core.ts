import type { CoreEvent, Envelope, Shell } from '../../common/contract/index';
import { describeApp } from './app/appInfo';
import { IdCardService } from './devices/idcard/service';
import { readDeviceId } from './app/deviceId';
import { systemClock, type CallContext, type Clock } from './context';
import { createDispatcher } from './dispatch/dispatcher';
import type { Handlers } from './dispatch/handlers';
import { EventHub } from './events/hub';
import { checkIdNumberForApi } from './idnumber/checkHandler';
import { createStderrLogger, type Logger } from './logging/logger';
import { adminHandlers } from './station/adminHandlers';
import { setupAndSessionHandlers } from './station/sessionHandlers';
import { lazyStationServices, type StationServicesOptions } from './station/stationServices';
import { WindowSessions } from './station/windowSessions';
import { WorkstationSettingsFile } from './settings/workstationSettings';

export interface CoreOptions {
  shell: Shell;
  dataDir: string;
  version: string;
  clock?: Clock;
  logger?: Logger;
  /** Supplies the hashed device id; defaults to node-machine-id through readDeviceId. */
  deviceId?: () => Promise<string>;
  /** The reader emulator's pty in demo mode, listed among the ports and labelled 模拟读卡器. */
  emulatedReaderPath?: string;
  /** Security settings (lockout, idle lock); defaults are the national-practice ones. */
  auth?: StationServicesOptions['config'];
  /** The Electron build of the SQLite module, in the desktop shell. */
  sqliteNativeBinding?: string;
}

/** What every shell talks to, whether core runs in the same thread or in a worker. */
export interface CoreApi {
  invoke(method: string, input: unknown, ctx: CallContext): Promise<Envelope>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

/** Build the core services for one shell. Plain Node: no Electron, no UI thread assumptions. */
export function createCore(options: CoreOptions): CoreApi {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createStderrLogger();
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
  });
  let servicesStarted = false;
  const services = () => {
    servicesStarted = true;
    return lazyServices();
  };
  const windows = new WindowSessions(services);
  const settings = new WorkstationSettingsFile(options.dataDir);
  const idcard = new IdCardService({
    settings,
    emit: (event) => events.emit(event),
    clock,
    logger,
    ...(options.emulatedReaderPath ? { emulatedPath: options.emulatedReaderPath } : {}),
  });

  const handlers: Handlers = {
    'app.info': async () =>
      describeApp({ name: '救助通工作站', version: options.version, shell: options.shell, dataDir: options.dataDir }, await getDeviceId()),
    'idNumber.check': (input) => checkIdNumberForApi(input, clock),
    ...setupAndSessionHandlers({ services, windows, clock, dataDir: options.dataDir, deviceId: getDeviceId }),
    ...adminHandlers(services),
    'idcard.status': () => idcard.state(),
    'idcard.ports': () => idcard.ports(),
    'idcard.configure': (input) => idcard.configure(input),
    'idcard.read': (input) => idcard.read(input.timeoutSeconds),
    'idcard.watch': (input) => idcard.watch(input.on),
  };
  const dispatch = createDispatcher(handlers, logger, (ctx) => windows.resolve(ctx));

  events.setGreeting(() => ({ event: 'core.ready', payload: { shell: options.shell, version: options.version, at: clock.now().toISOString() } }));

  return {
    invoke: dispatch,
    onEvent: (listener) => events.subscribe(listener),
    close: async () => {
      await idcard.close();
      events.clear();
      if (servicesStarted) (await services()).auth.close();
    },
  };
}
