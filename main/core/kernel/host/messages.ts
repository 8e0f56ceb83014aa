import type { CoreEvent, Envelope } from '../../../../common/contract/index';
import type { CallContext } from '../../context';
import type { SerialReplyMessage, SerialRequestMessage } from '../../devices/serial/serialHostPort';
import type { PrintRequestMessage, PrintResultMessage } from '../../documents/printHostPort';

/** Messages between a shell and the core worker (structured-clone safe). */
export type ToWorker =
  | { type: 'invoke'; id: number; method: string; input: unknown; ctx: CallContext }
  | { type: 'close' }
  | SerialReplyMessage
  | PrintResultMessage;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope }
  | { type: 'event'; event: CoreEvent; to?: string }
  | { type: 'closed' }
  | SerialRequestMessage
  | PrintRequestMessage;

/** What the shell hands the worker to build its core: plain data only. */
export interface WorkerCoreOptions {
  shell: 'electron' | 'browser' | 'cli';
  dataDir: string;
  version: string;
  emulatedReaderPath?: string;
  /** Overrides of the station's security settings (idle lock for demos and tests). */
  auth?: { idleLockMinutes?: number };
  /** The Electron-ABI build of SQLite, in the desktop shell during development. */
  sqliteNativeBinding?: string;
  /** The machine secret the desktop shell unsealed with safeStorage (main/electron/machineSecret.ts). */
  machineSecret?: Uint8Array;
  /** A station shared by the PC's staff accounts: core writes its files for their group (app/dataScope.ts). */
  dataScope?: 'machine';
  /** The release key's public half for 程序更新 (browser shell `--update-key`); default the build's. */
  releaseKeyPem?: string;
  /** The shell answers core's print requests (desktop shell: Electron printing). */
  printHost?: boolean;
  /** Test clock (browser shell `--clock`): core's clock runs this many ms ahead of the system clock. */
  clockOffsetMs?: number;
}
