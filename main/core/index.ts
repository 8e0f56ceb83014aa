/**
 * What the shells (main/electron, main/browser, main/cli) use of core: core built in-thread or in a worker, the
 * input limits a shell checks before a call crosses to the worker, logging, the data folder and machine preset,
 * the machine secret's keystore, static files and the Chromium finder, a fixed-clock core for the shells' tests
 * and bench/, and sync-protocol's `closeUnread` for the browser shell (shells do not import sync-protocol). Lint
 * holds the shells to this file and, for the CLI, `cliSupport.ts`; never core's inner folders.
 */
export { createCore, type CoreApi, type CoreOptions } from './core';
export { type CallContext, type CallerSession, type Clock, systemClock } from './context';
export { startWorkerCore, type WorkerCoreApi, type WorkerCoreHostOptions } from './kernel/host/workerCore';
export { INPUT_LIMITS, assertInputWithinLimits, exceededInputLimit, inputTooLarge, jsonTextTooDeep } from './kernel/dispatch/inputLimits';
export type { WorkerCoreOptions } from './kernel/host/messages';
export { createStderrLogger, silentLogger, type Logger } from './kernel/logging/logger';
export { createFileLogger, teeLogger } from './kernel/logging/fileLogger';
export { logsDir } from './diagnostics/logsDir';
export { defaultDataDir } from './kernel/app/dataDir';
export { dataLocation, machineRoot, machineScopeOptions, type DataLocation } from './kernel/app/dataScope';
export { shareFilesWithGroup } from './kernel/store/fileModes';
export { readPreset } from './kernel/app/preset';
export { loadMachineSecretWithKeystore, unsealForHelper, type OsKeystore } from './kernel/store/keys/osKeystore';
export { MACHINE_SECRET_HELPER_FLAG } from './kernel/store/keys/machineSecret';
export { APP_VERSION } from './kernel/app/version';
export { readStatic, type StaticFile } from './kernel/shellSupport/staticFiles';
export { findChromium } from './kernel/shellSupport/findChromium';
export { createFixedCore } from './kernel/testing/fixedCore';
export { closeUnread } from '../../sync-protocol/transport/closeUnread';
export type { PrinterInfo, PrintHost, PrintJob } from './documents/printHost';
