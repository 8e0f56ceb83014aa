import { createHash } from 'node:crypto';
import { JiuzhuError, isJiuzhuError } from '../../../../common/contract/errors';
import type { Clock, Db, Logger } from '../../kernel/store/types';
import { Outbox } from '../outbox/outbox';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';
import { announceCaseBlobs } from './announce';
import { attachmentBlobSource } from './blobSource';
import { uploadBlobs } from './blobs';
import type { BlobSource, RunContext } from './context';
import { CancelledError, HttpClient, PlatformError, TransportError } from './http';
import { downloadRemoteBlob, mustRemoteBlob, type DownloadOutcome } from './download';
import { listQuarantine, resolveQuarantined, type QuarantinedRecord } from './quarantine';
import { remoteBlob, remoteBlobsOfCase, type RemoteBlobRow } from './remoteBlobRepo';
import { prefetchRecent } from './prefetch';
import { pullFeed } from './pull';
import { PullHandlers } from './pullHandlers';
import { pushOutbox } from './push';
import { asJiuzhu, registerDevice, type RegisterInput } from './register';
import { BlobQueue } from './blobQueue';
import { RegistrationState } from './registrationState';
import { emptySummary, SyncRuns, type RunOutcome, type RunSummary } from './runs';
import { sleep } from './throttle';
import { cloneSuspected, hostHardwareMarks } from './hardware';
import { suiteById } from '../../../../sync-protocol/suites';
import { toB64u } from '../../../../sync-protocol/base64url';
import type { KeyProvider } from './keyProvider/keyProvider';
import { softwareKeys, type KeyProviderFactory } from './keyProvider/providerFactory';

/** sync_state key of the enrolled PC's hashed network cards. */
const HARDWARE_KEY = 'hardwareMarks';
/** sync_state key of a clone's own salt for its machine id (enrolmentMachineId). */
const CLONE_SALT_KEY = 'cloneSalt';

export type SyncPhase = 'push' | 'blobs' | 'pull';

export interface SyncEngineOptions {
  clock: Clock;
  logger: Logger;
  /** The open encrypted store; throws STORE_NOT_OPEN while nobody is logged in. */
  db: () => Db;
  appVersion: string;
  /** The handlers of pulled item kinds (core.ts builds them and gives them to the features that claim kinds); default none: every pulled item is kept in pulled_item. */
  pullHandlers?: PullHandlers;
  blobSource?: BlobSource;
  backoff?: BackoffOptions;
  /** Consecutive failed attempts (without any successful request between them) before a run gives up. */
  maxAttempts?: number;
  /**
   * The longest the engine waits inside a run before trying again (backoff, Retry-After). A
   * platform asking for longer (a rate limit of minutes) ends the run; the scheduler tries again
   * after the Retry-After. Default 60 s.
   */
  maxInRunWaitMs?: number;
  idleTimeoutMs?: number;
  /** Extra trusted CA certificates (PEM) for the platform's HTTPS, besides Node's roots. */
  tlsCa?: string[];
  /** Overrides the setting `prefetchDays` (blobs of station cases pulled within that many days are fetched at the end of each run; 0 = only on demand). */
  prefetchDays?: number;
  /** At most this many plaintext bytes are prefetched per run. Default 50 MB. */
  prefetchMaxBytes?: number;
  onProgress?: (p: { phase: SyncPhase; fraction: number }) => void;
  onChange?: (p: { running: boolean; outcome?: RunOutcome }) => void;
  /**
   * Where the device signing key lives (keyProvider/): by default the software key in the store;
   * a USB key's factory opens the device (and asks its PIN) when the store first needs a signature.
   */
  keyProvider?: KeyProviderFactory;
  /** This PC's hashed network cards (hardware.ts); tests pass their own. */
  hardwareMarks?: () => string[];
}

export type FetchOutcome = DownloadOutcome | { state: 'offline' };

export interface RunResult {
  runId: number;
  outcome: RunOutcome;
  summary: RunSummary;
  error?: { code: string; message: string };
  /** The platform asked not to be tried again before this many ms (a Retry-After longer than a run waits). */
  retryAfterMs?: number;
}

interface Running {
  trigger: string;
  startedAt: string;
  phase: SyncPhase;
  fraction: number;
  controller: AbortController;
  promise: Promise<RunResult>;
}

/** Platform answers after which syncing stops until someone acts (re-enrol, check the address, upgrade). */
const FATAL_STATUS = new Set([400, 401, 403, 404, 412, 413, 421, 426]);

const DEFAULT_MAX_IN_RUN_WAIT_MS = 60_000;

/**
 * The workstation's sync engine: one run at a time (push → blobs → pull), every step resumable
 * from the store, transport failures retried with full-jitter backoff inside the run.
 */
export class SyncEngine {
  private current: Running | undefined;
  readonly http: HttpClient;
  private readonly backoff: BackoffOptions;
  /** The platform session (bearer token of bundles, pulls and blobs), kept in memory across runs until it expires. */
  private readonly session: { token?: string } = {};

  /** The handlers pulled items are applied with. */
  readonly pullHandlers: PullHandlers;

  constructor(private readonly options: SyncEngineOptions) {
    this.pullHandlers = options.pullHandlers ?? new PullHandlers();
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.http = new HttpClient({
      idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
      bytesPerSecond: () => {
        try {
          const kbps = new RegistrationState(options.db(), options.clock).settings().bandwidthKbps;
          return kbps ? (kbps * 1000) / 8 : null;
        } catch {
          return null;
        }
      },
      // The pins signed into the registration; none before registering (CA validation only).
      tlsPins: () => {
        try {
          return new RegistrationState(options.db(), options.clock).tlsPins();
        } catch {
          return [];
        }
      },
      ...(options.tlsCa ? { ca: options.tlsCa } : {}),
      onBytesSent: (n) => {
        if (this.current) this.summaryOf.bytesSent += n;
      },
      onBytesReceived: (n) => {
        if (this.current) this.summaryOf.bytesReceived += n;
      },
    });
  }

  private summaryOf: RunSummary = emptySummary();

  /** The signing key of the open store: one provider per store connection and signing key, closed with either. */
  private held: { db: Db; publicKey: string; provider: Promise<KeyProvider> } | undefined;

  private async signerOf(state: RegistrationState): Promise<KeyProvider> {
    const reg = state.registration();
    const keys = state.keys();
    if (!reg || !keys) throw new JiuzhuError('SYNC_NOT_REGISTERED');
    const held = this.held;
    if (held && held.db === state.db && state.db.open && held.publicKey === keys.signing.publicKey) return held.provider;
    if (held) await this.releaseSigner();
    const factory = this.options.keyProvider ?? softwareKeys;
    const provider = factory({ suite: suiteById(reg.suite), stored: keys.signing }).then(async (p) => {
      // Another key than the one enrolled (a swapped USB key): nothing it signs would be accepted.
      if (toB64u(p.publicKey()) !== keys.signing.publicKey) {
        await p.close();
        throw new JiuzhuError('KEY_DEVICE_BAD_KEY', {
          container: p.location.kind === 'skf' ? p.location.container : '',
          reason: '不是本工作站登记的签名密钥',
        });
      }
      return p;
    });
    this.held = { db: state.db, publicKey: keys.signing.publicKey, provider };
    provider.catch(() => {
      if (this.held?.provider === provider) this.held = undefined;
    });
    return provider;
  }

  /** Close the signing key's provider (the store closed, the registration changed, the engine stops). */
  async releaseSigner(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (held) await held.provider.then((p) => p.close()).catch(() => undefined);
  }

  /** The registration, keys and named values of the open store. */
  state(): RegistrationState {
    return new RegistrationState(this.options.db(), this.options.clock);
  }

  /** The blobs the open store owes the platform. */
  blobs(): BlobQueue {
    return new BlobQueue(this.options.db(), this.options.clock);
  }

  /** The log of runs of the open store. */
  runs(): SyncRuns {
    return new SyncRuns(this.options.db(), this.options.clock);
  }

  async register(input: RegisterInput) {
    if (this.current) throw new JiuzhuError('SYNC_RUNNING');
    delete this.session.token;
    await this.releaseSigner();
    const registered = await registerDevice(
      this.options.db(),
      this.options.clock,
      this.http,
      input,
      this.backoff,
      this.options.keyProvider ?? softwareKeys,
    );
    this.confirmHardware();
    return registered;
  }

  running(): { trigger: string; startedAt: string; phase: SyncPhase; fraction: number } | null {
    const c = this.current;
    return c ? { trigger: c.trigger, startedAt: c.startedAt, phase: c.phase, fraction: c.fraction } : null;
  }

  private marks(): string[] {
    return (this.options.hardwareMarks ?? hostHardwareMarks)();
  }

  /** Whether this PC looks like a clone of the one that enrolled (hardware.ts): then nothing syncs until re-enrolled or confirmed. */
  cloneSuspected(): boolean {
    const recorded = this.state().get(HARDWARE_KEY);
    return recorded !== undefined && cloneSuspected(JSON.parse(recorded) as string[], this.marks());
  }

  /**
   * The machine id this PC enrols with. A copied image shares the OS's machine id with the PC it was
   * copied from, and the platform would take its enrolment for that PC's replacement; once a clone is
   * found, its enrolments use an id salted with its own cards — from then on, whatever its cards do.
   */
  enrolmentMachineId(osMachineId: string): string {
    const state = this.state();
    if (this.cloneSuspected() && state.get(CLONE_SALT_KEY) === undefined) state.set(CLONE_SALT_KEY, this.marks().join(','));
    const salt = state.get(CLONE_SALT_KEY);
    return salt === undefined ? osMachineId : createHash('sha256').update(`jiuzhu-clone:${osMachineId}:${salt}`).digest('hex');
  }

  /** The admin confirms this is the enrolled PC (its network card was replaced): its cards become the recorded ones. */
  confirmHardware(): void {
    this.state().set(HARDWARE_KEY, JSON.stringify(this.marks()));
  }

  /** Start a run (or join the one under way) and resolve when it ends. */
  run(trigger: string, options: { maxAttempts?: number } = {}): Promise<RunResult> {
    if (this.current) return this.current.promise;
    const state = this.state();
    if (!state.registration()) throw new JiuzhuError('SYNC_NOT_REGISTERED');
    // A copied disk image keeps the device id and keys: it must not sync as the enrolled PC.
    if (state.get(HARDWARE_KEY) === undefined) this.confirmHardware();
    else if (this.cloneSuspected()) throw new JiuzhuError('SYNC_CLONE_SUSPECTED');
    const controller = new AbortController();
    const running: Running = {
      trigger,
      startedAt: this.options.clock.now().toISOString(),
      phase: 'push',
      fraction: 0,
      controller,
      promise: Promise.resolve(undefined as never),
    };
    this.current = running;
    this.summaryOf = emptySummary();
    this.options.onChange?.({ running: true });
    running.promise = this.execute(state, trigger, controller.signal, options.maxAttempts ?? this.options.maxAttempts ?? 8).finally(() => {
      this.current = undefined;
    });
    void running.promise.then((r) => this.options.onChange?.({ running: false, outcome: r.outcome }));
    return running.promise;
  }

  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort();
    return true;
  }

  close(): void {
    this.cancel();
    this.http.close();
    void this.releaseSigner();
  }

  /** On-demand downloads under way, by SHA-256: a second request for the same blob joins the first. */
  private readonly downloads = new Map<string, Promise<FetchOutcome>>();

  /** Whether a blob is being fetched right now (the attachment list shows 正在下载). */
  downloading(sha256: string): boolean {
    return this.downloads.has(sha256);
  }

  /**
   * Fetch a blob of a station case now (a clerk opened the attachment), resuming a download cut
   * earlier; `offline` when the platform cannot be reached (the bytes stay wanted: the next try or
   * the next run's prefetch resumes). Runs beside a sync run: requests share the one connection.
   */
  fetchBlob(caseId: string, sha256: string): Promise<FetchOutcome> {
    const under = this.downloads.get(sha256);
    if (under) return under;
    const promise = (async (): Promise<FetchOutcome> => {
      const state = this.state();
      const ref = mustRemoteBlob(state.db, caseId, sha256);
      if (!state.registration()) return { state: 'offline' };
      const controller = new AbortController();
      const ctx = await this.context(state, controller.signal, emptySummary(), { progressed: false });
      try {
        // A clerk is waiting at the counter: a few quick tries, then "offline" (what arrived is kept).
        return await downloadRemoteBlob(ctx, ref, { attempts: 4, delayMs: (n) => Math.min(2_000, backoffDelay(n, this.backoff)) });
      } catch (e) {
        if (e instanceof TransportError) return { state: 'offline' };
        if (e instanceof PlatformError) {
          this.options.logger.log('warn', 'sync.download.refused', { code: e.code, status: e.status });
          const typed = asJiuzhu(e);
          throw isJiuzhuError(typed) ? typed : e;
        }
        throw e;
      }
    })().finally(() => this.downloads.delete(sha256));
    this.downloads.set(sha256, promise);
    return promise;
  }

  private async context(
    state: RegistrationState,
    signal: AbortSignal,
    summary: RunSummary,
    attemptState: { progressed: boolean },
  ): Promise<RunContext> {
    const reg = state.registration()!;
    const signer = await this.signerOf(state);
    return {
      db: state.db,
      state,
      blobs: new BlobQueue(state.db, this.options.clock),
      clock: this.options.clock,
      logger: this.options.logger,
      device: state.deviceContext()!,
      signer,
      baseUrl: reg.platformUrl,
      limits: reg.limits,
      settings: state.settings(),
      http: this.http,
      signal,
      summary,
      blobSource: this.options.blobSource ?? attachmentBlobSource(this.options.clock),
      pullHandlers: this.pullHandlers,
      session: this.session,
      progress: (phase, fraction) => {
        if (this.current) Object.assign(this.current, { phase, fraction });
        this.options.onProgress?.({ phase, fraction });
      },
      madeProgress: () => {
        attemptState.progressed = true;
      },
      observeServerTime: (serverTime, sentAt) => {
        const rtt = Date.now() - sentAt;
        const skew = serverTime - (this.options.clock.now().getTime() - rtt / 2);
        state.set('skewMs', String(Math.round(skew)));
      },
    };
  }

  private async execute(state: RegistrationState, trigger: string, signal: AbortSignal, maxAttempts: number): Promise<RunResult> {
    const runs = new SyncRuns(state.db, this.options.clock);
    runs.closeAbandoned();
    const runId = runs.start(trigger);
    const summary = this.summaryOf;
    const attemptState = { progressed: false };
    const maxWait = this.options.maxInRunWaitMs ?? DEFAULT_MAX_IN_RUN_WAIT_MS;
    let attempt = 0;
    let outcome: RunOutcome = 'ok';
    let error: { code: string; message: string } | undefined;
    let retryAfterMs: number | undefined;
    const stop = (e: unknown, as: RunOutcome) => {
      outcome = as;
      const typed = asJiuzhu(e);
      error = isJiuzhuError(typed)
        ? { code: typed.code, message: typed.message }
        : { code: 'INTERNAL', message: new JiuzhuError('INTERNAL', { ref: 'sync' }).message };
      if (!isJiuzhuError(typed)) this.options.logger.log('error', 'sync.run.crash', { error: String(e) });
    };
    let ctx: RunContext;
    try {
      ctx = await this.context(state, signal, summary, attemptState);
    } catch (e) {
      // The signing key cannot be reached (no USB key, a wrong PIN, another key): nothing is sent.
      stop(e, 'failed');
      tryIgnore(() => runs.finish(runId, outcome, summary, error));
      return { runId, outcome, summary: { ...summary }, ...(error ? { error } : {}) };
    }
    for (;;) {
      attemptState.progressed = false;
      try {
        ctx.progress('push', 0);
        announceCaseBlobs(ctx.db, ctx.clock);
        await pushOutbox(ctx);
        ctx.progress('blobs', 0);
        await uploadBlobs(ctx);
        ctx.progress('pull', 0);
        await pullFeed(ctx);
        await prefetchRecent(ctx, {
          days: this.options.prefetchDays ?? ctx.settings.prefetchDays,
          maxBytes: this.options.prefetchMaxBytes ?? 50 * 1024 * 1024,
        });
        // Not 成功 while anything sent in this run came back (conflict, rejected) or a blob is still owed.
        const blobs = ctx.blobs.counts();
        if (blobs.failed > 0 || blobs.deferred > 0 || summary.conflicts > 0 || summary.rejected > 0) outcome = 'partial';
        break;
      } catch (e) {
        if (e instanceof CancelledError || signal.aborted) {
          outcome = 'cancelled';
          break;
        }
        if (e instanceof PlatformError && e.code === 'SYNC_DEVICE_PENDING') {
          // Not a failure: the platform's admin has yet to confirm this re-enrolled machine. The
          // scheduler asks again now and then (scheduler.ts) and syncing resumes once confirmed.
          tryIgnore(() => state.setRegistrationStatus('pending'));
          stop(e, 'pending');
          break;
        }
        // The USB key was pulled, or lost its login: the next run opens it again (and asks the PIN).
        if (isJiuzhuError(e) && e.code.startsWith('KEY_DEVICE_')) await this.releaseSigner();
        const fatal = !retryable(e);
        if (e instanceof PlatformError && (e.code === 'SYNC_DEVICE_REVOKED' || e.code === 'SYNC_DEVICE_UNKNOWN'))
          tryIgnore(() => state.setRegistrationStatus(e.code === 'SYNC_DEVICE_REVOKED' ? 'revoked' : 'unknown'));
        if (attemptState.progressed) attempt = 0;
        attempt++;
        const retryAfter = e instanceof PlatformError ? e.retryAfterMs : undefined;
        if (fatal || attempt >= maxAttempts) {
          stop(e, 'failed');
          break;
        }
        if (retryAfter !== undefined && retryAfter > maxWait) {
          // The platform wants minutes or hours (a rate limit): end the run rather than sleep in it;
          // the scheduler tries again after the Retry-After.
          stop(e, 'failed');
          retryAfterMs = retryAfter;
          break;
        }
        summary.retries++;
        this.options.logger.log('info', 'sync.retry', {
          attempt,
          reason: e instanceof Error ? e.name : 'unknown',
          code: (e as { code?: string }).code,
        });
        try {
          // The first failure after progress is usually a cut link: retry at once (as tus-js-client
          // does); from the second on, full-jitter backoff. Retry-After is always honoured, and no
          // wait inside a run is longer than maxWait.
          await sleep(Math.min(maxWait, attempt === 1 ? (retryAfter ?? 0) : backoffDelay(attempt - 1, this.backoff, retryAfter)), signal);
        } catch {
          outcome = 'cancelled';
          break;
        }
      }
    }
    tryIgnore(() => {
      runs.finish(runId, outcome, summary, error);
      if (outcome === 'ok' || outcome === 'partial') state.setRegistrationStatus('active');
    });
    return {
      runId,
      outcome,
      summary: { ...summary },
      ...(error ? { error } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }

  /** Rejected and conflicting records nobody has resolved yet (quarantine.ts). */
  quarantine(): QuarantinedRecord[] {
    return listQuarantine(this.options.db());
  }

  /** Resend or dismiss one quarantined record, kept with who and when (quarantine.ts). */
  resolveQuarantined(input: { recordId: string; action: 'resend' | 'dismiss'; actor: string }): { newRecordId: string | null } {
    return resolveQuarantined(this.options.db(), this.options.clock, input);
  }

  /** The blob references of a case taken on other counters of the station. */
  remoteBlobsOfCase(caseId: string): RemoteBlobRow[] {
    return remoteBlobsOfCase(this.options.db(), caseId);
  }

  /** One blob reference of a case, or null. */
  remoteBlob(caseId: string, sha256: string): RemoteBlobRow | null {
    return remoteBlob(this.options.db(), caseId, sha256);
  }

  /** Outbox counts as the sync centre shows them. */
  outboxCounts() {
    return new Outbox(this.options.db(), this.options.clock).counts();
  }
}

function retryable(e: unknown): boolean {
  if (e instanceof TransportError) return true;
  if (e instanceof PlatformError)
    return !(FATAL_STATUS.has(e.status) || (e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429 && e.status !== 409));
  // Our own checks of an answer (a page or result that does not open): refuse it, keep state, try again.
  if (isJiuzhuError(e)) return ['SYNC_BUNDLE_FORGED', 'SYNC_BUNDLE_MALFORMED', 'SYNC_PULL_PAGE_INVALID'].includes(e.code);
  return false;
}

function tryIgnore(fn: () => void): void {
  try {
    fn();
  } catch {
    // The store closed under the run (everyone logged out): the next run closes the row.
  }
}
