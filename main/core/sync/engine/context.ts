import type { Limits } from '../../../../common/sync/registration';
import type { Clock, Db, Logger } from '../../kernel/store/types';
import type { DeviceContext } from '../../../../sync-protocol/parties';
import type { HttpClient } from './http';
import type { KeyProvider } from './keyProvider/keyProvider';
import type { PullHandlers } from './pullHandlers';
import type { SyncSettings } from './settings';
import type { BlobQueue } from './blobQueue';
import type { RegistrationState } from './registrationState';
import type { RunSummary } from './runs';

/** Plaintext of a blob the outbox references, by SHA-256; undefined when this station does not hold it. */
export type BlobSource = (db: Db, sha256: string) => { bytes: Buffer; contentType: string } | undefined;

/** What the steps of one run (push, blobs, pull) share. */
export interface RunContext {
  db: Db;
  state: RegistrationState;
  blobs: BlobQueue;
  clock: Clock;
  logger: Logger;
  device: DeviceContext;
  /** The device signing key of the open store: every bundle, session and pull request is signed by it. */
  signer: KeyProvider;
  baseUrl: string;
  limits: Limits;
  settings: SyncSettings;
  http: HttpClient;
  signal: AbortSignal;
  summary: RunSummary;
  blobSource: BlobSource;
  /** The handlers of pulled item kinds, shared with the features that claim them. */
  pullHandlers: PullHandlers;
  /** Bearer token of the blob endpoints, opened on demand. */
  session: { token?: string };
  progress(phase: 'push' | 'blobs' | 'pull', fraction: number): void;
  /** A request succeeded: the run's backoff counter starts again. */
  madeProgress(): void;
  /** Records the platform's clock against ours (authenticated serverTime inside sealed answers). */
  observeServerTime(serverTime: number, sentAt: number): void;
}

export const SEALED_HEADERS = { 'Content-Type': 'application/vnd.jiuzhu.sealed' };
