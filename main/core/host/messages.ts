import type { CoreEvent, Envelope } from '../../../common/contract/index';
import type { CallContext } from '../context';

/** Messages between a shell and the core worker (structured-clone safe). */
export type ToWorker =
  | { type: 'invoke'; id: number; method: string; input: unknown; ctx: CallContext }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope }
  | { type: 'event'; event: CoreEvent }
  | { type: 'closed' };

/** What the shell hands the worker to build its core: plain data only. */
export interface WorkerCoreOptions {
  shell: 'electron' | 'browser' | 'cli';
  dataDir: string;
  version: string;
  emulatedReaderPath?: string;
  /** Overrides of the station's security settings (idle lock for demos and tests). */
  auth?: { idleLockMinutes?: number };
}
