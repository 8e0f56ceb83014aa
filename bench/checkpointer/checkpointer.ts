import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db, Logger } from '../../main/core/store/types';
import { noLogger } from '../../main/core/store/types';
import { WORKER_SOURCE } from './worker-source';

export interface CheckpointSettings {
  /** How often the thread reads the WAL-index header. */
  pollMs: number;
  /** Frames not yet in the database file before a PASSIVE checkpoint is worth running... */
  thresholdFrames: number;
  /** ...once the writer has committed nothing for this long. */
  quietMs: number;
  /** Frames behind at which the thread checkpoints even while the writer keeps committing. */
  behindFrames: number;
  /** No commit for this long: PASSIVE, then TRUNCATE (the WAL file goes back to 0 bytes). */
  idleMs: number;
  /**
   * The writer's own `wal_autocheckpoint` while the thread is in charge: if the thread falls
   * behind (or is paused), the writer checkpoints itself once the WAL holds this many frames.
   */
  hardLimitFrames: number;
  /** The writer's `wal_autocheckpoint` when there is no thread (dead, stopped): configureConnection's 4000. */
  fallbackFrames: number;
  /** busy_timeout of the thread's connection (only the idle TRUNCATE waits for locks). */
  busyTimeoutMs: number;
  /** How long stop() waits for a running checkpoint to finish before giving up on the thread. */
  stopTimeoutMs: number;
}

export const DEFAULT_CHECKPOINT_SETTINGS: CheckpointSettings = {
  pollMs: 100,
  thresholdFrames: 1000,
  quietMs: 250,
  behindFrames: 2000,
  idleMs: 30_000,
  hardLimitFrames: 8000,
  fallbackFrames: 4000,
  busyTimeoutMs: 100,
  stopTimeoutMs: 15_000,
};

export interface CheckpointerOptions {
  /** The database file; the thread opens its own connection to it. */
  dbPath: string;
  /** Raw DB key (copied, handed to the thread in memory only); null = plain file (benchmarks only). */
  key: Uint8Array | null;
  /** The writer connection: its wal_autocheckpoint becomes the hard limit while the thread runs. */
  writer: Db;
  nativeBinding?: string;
  logger?: Logger;
  settings?: Partial<CheckpointSettings>;
}

export interface CheckpointStats {
  /** Checkpoints run by the thread (threshold or idle). */
  checkpoints: number;
  /** Sum of SQLite's `checkpointed` counts of the thread's checkpoints (cumulative per WAL, so an upper bound). */
  framesCheckpointed: number;
  /** Wall time spent inside the thread's checkpoints. */
  busyMs: number;
  state: 'starting' | 'running' | 'stopped' | 'dead';
}

interface DoneMessage {
  type: 'done';
  reason: string;
  busy: number;
  log: number;
  checkpointed: number;
  ms: number;
}
type WorkerMessage = { type: 'ready' } | DoneMessage | { type: 'error'; message: string; code: string };

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/**
 * EXPERIMENT, measured by bench/store.ts and not used by the app (README.md in this folder says
 * why). Runs WAL checkpoints of a database on a second connection in its own thread, so the writer
 * does not pay for them. stop() is synchronous: it returns once the thread's connection is closed,
 * so the writer's close (or a restore moving the files) can follow at once.
 */
export class BackgroundCheckpointer {
  readonly settings: CheckpointSettings;
  private readonly worker: Worker;
  private readonly shared = new Int32Array(new SharedArrayBuffer(4));
  private readonly logger: Logger;
  private stats_: CheckpointStats = { checkpoints: 0, framesCheckpointed: 0, busyMs: 0, state: 'starting' };

  constructor(private readonly options: CheckpointerOptions) {
    this.settings = { ...DEFAULT_CHECKPOINT_SETTINGS, ...options.settings };
    this.logger = options.logger ?? noLogger;
    const key = options.key ? new Uint8Array(options.key).buffer : null; // a copy, moved (not cloned) to the thread
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      name: 'jiuzhu-checkpointer',
      workerData: {
        modulePath,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        dbPath: options.dbPath,
        shmPath: `${options.dbPath}-shm`,
        key,
        littleEndian: endianness() === 'LE',
        settings: this.settings,
        state: this.shared.buffer,
      },
      transferList: key ? [key] : [],
    });
    this.worker.unref();
    this.worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    this.worker.on('error', (e) => this.onDeath(e));
    this.worker.on('exit', (code) => {
      if (this.stats_.state !== 'stopped') this.onDeath(new Error(`checkpointer thread exited (${code})`));
    });
    options.writer.pragma(`wal_autocheckpoint = ${this.settings.hardLimitFrames}`);
  }

  stats(): CheckpointStats {
    return { ...this.stats_ };
  }

  /** Resolves once the thread's connection is open (rejects if it could not open). */
  ready(): Promise<void> {
    if (this.stats_.state === 'running') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (m: WorkerMessage) => {
        if (m.type === 'ready') done(resolve);
      };
      const failed = () => done(() => reject(new Error('checkpointer thread did not start')));
      const done = (f: () => void) => {
        this.worker.off('message', check);
        this.worker.off('exit', failed);
        f();
      };
      this.worker.on('message', check);
      this.worker.on('exit', failed);
    });
  }

  /**
   * Close the thread's connection and wait for it (a checkpoint in progress finishes first).
   * The writer gets back its ordinary automatic checkpoint. Safe to call more than once.
   */
  stop(): void {
    if (this.stats_.state === 'stopped' || this.stats_.state === 'dead') return;
    this.stats_.state = 'stopped';
    this.worker.postMessage({ type: 'stop' });
    const r = Atomics.wait(this.shared, 0, 0, this.settings.stopTimeoutMs);
    if (r === 'timed-out') {
      this.logger.log('error', 'store.checkpointer_stop_timeout', { ms: this.settings.stopTimeoutMs });
      void this.worker.terminate();
    }
    this.restoreWriter();
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type === 'ready') {
      if (this.stats_.state === 'starting') this.stats_.state = 'running';
      this.logger.log('debug', 'store.checkpointer_ready');
    } else if (m.type === 'error') {
      this.logger.log('error', 'store.checkpointer_error', { message: m.message, code: m.code });
    } else {
      this.stats_.checkpoints++;
      if (m.checkpointed > 0) this.stats_.framesCheckpointed += m.checkpointed;
      this.stats_.busyMs += m.ms;
      this.logger.log('debug', 'store.checkpoint', { reason: m.reason, busy: m.busy, log: m.log, checkpointed: m.checkpointed, ms: Math.round(m.ms) });
    }
  }

  /** The thread is gone: the writer checkpoints itself as it did before there was a thread. */
  private onDeath(e: Error): void {
    if (this.stats_.state === 'stopped' || this.stats_.state === 'dead') return;
    this.stats_.state = 'dead';
    this.logger.log('error', 'store.checkpointer_died', { message: e.message });
    this.restoreWriter();
  }

  private restoreWriter(): void {
    if (this.options.writer.open) this.options.writer.pragma(`wal_autocheckpoint = ${this.settings.fallbackFrames}`);
  }
}
