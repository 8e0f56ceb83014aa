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
    'idcard.status': () => idcard.state(),
    'idcard.ports': () => idcard.ports(),
    'idcard.configure': (input) => idcard.configure(input),
    'idcard.read': (input) => idcard.read(input.timeoutSeconds),
    'idcard.watch': (input) => idcard.watch(input.on),
  };
  const dispatch = createDispatcher(handlers, logger);

  events.setGreeting(() => ({ event: 'core.ready', payload: { shell: options.shell, version: options.version, at: clock.now().toISOString() } }));

  return {
    invoke: dispatch,
    onEvent: (listener) => events.subscribe(listener),
    close: async () => {
      await idcard.close();
      events.clear();
    },
  };
}
