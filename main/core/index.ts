/** What shells may use of core. Shells import from here, never from core's inner folders. */
export { createCore, type CoreApi, type CoreOptions } from './core';
export { type CallContext, type CallerSession, type Clock, systemClock } from './context';
export { startWorkerCore, type WorkerCoreApi, type WorkerCoreHostOptions } from './host/workerCore';
export { INPUT_LIMITS, assertInputWithinLimits, exceededInputLimit, inputTooLarge, jsonTextTooDeep } from './dispatch/inputLimits';
export type { WorkerCoreOptions } from './host/messages';
export { createStderrLogger, silentLogger, type Logger } from './logging/logger';
export { createFileLogger, teeLogger } from './logging/fileLogger';
export { logsDir } from './diagnostics/logsDir';
export { defaultDataDir } from './app/dataDir';
export { readPreset } from './app/preset';
export { loadMachineSecretWithKeystore, unsealForHelper, type OsKeystore } from './store/keys/os-keystore';
export { MACHINE_SECRET_HELPER_FLAG } from './store/keys/machine-secret';
export { APP_VERSION } from './app/version';
export { readStatic, type StaticFile } from './shellSupport/staticFiles';
export { findChromium } from './shellSupport/findChromium';
export { createFixedCore } from './testing/fixedCore';
export { closeUnread } from '../../sync-protocol/transport/closeUnread';
export type { PrinterInfo, PrintHost, PrintJob } from './documents/printHost';
