import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { SuiteId } from '../common/sync/primitives';
import type { Limits, PlatformInfo } from '../common/sync/registration';
import { createAdminApi, type AdminApi } from './admin';
import { UploadLocks } from './blob/locks';
import { DEFAULT_GUARDS, DEFAULT_LIMITS, type Guards, type PlatformDeps, type Timing } from './context';
import { RateLimiter } from './guard/rateLimit';
import { sweepExpired } from './guard/sweeper';
import { createHttpServer } from './http/server';
import { codecContext, loadOrCreateIdentity } from './keys';
import { adminRoutes } from './routes/admin';
import { blobRoutes } from './routes/blobs';
import { blobDownloadRoutes } from './routes/blobDownload';
import { bundleRoutes } from './routes/bundles';
import { deviceRoutes } from './routes/devices';
import { infoRoutes, platformInfo } from './routes/info';
import { pullRoutes } from './routes/pull';
import { sessionRoutes } from './routes/session';
import { uploadRoutes } from './routes/uploads';
import { openStore } from './store/open';
import type { PlatformStore } from './store/types';

export interface PlatformOptions {
  /** Where the database, keys, uploads and blobs live; created if missing. */
  dataDir: string;
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  platformId?: string;
  /**
   * The crypto suites to offer, preferred first (the deployment's choice, kept in the data
   * directory); default: what was kept, else the international suite alone.
   */
  suites?: SuiteId[];
  /** Bearer token of /admin/*; random when not given (see `adminToken` on the result). */
  adminToken?: string;
  limits?: Partial<Limits>;
  timing?: Partial<Timing>;
  /** Timeouts, body pace, rate limits, upload quota and sweeper interval (context.ts `Guards`); tests make them small. */
  guards?: Partial<Guards>;
  /** The platform's clock; tests skew it. */
  now?: () => number;
  log?: (line: string) => void;
  /** SPKI pins (base64 SHA-256) of the TLS keys in front of the platform, for registrations. */
  tlsSpkiPins?: string[];
  /** PostgreSQL connection URL: keep the data in PostgreSQL (schema created on start) instead of SQLite. */
  pgUrl?: string;
  /** Another store implementation; default SQLite in dataDir/platform.sqlite (or PostgreSQL with `pgUrl`). */
  store?: PlatformStore;
}

export interface RunningPlatform {
  url: string;
  port: number;
  info(): PlatformInfo;
  adminToken: string;
  admin: AdminApi;
  /** Close every connection at once (a crash as the network sees it), then the store. */
  stop(): Promise<void>;
}

/** Start the reference city platform on 127.0.0.1. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  mkdirSync(options.dataDir, { recursive: true });
  mkdirSync(join(options.dataDir, 'uploads'), { recursive: true });
  mkdirSync(join(options.dataDir, 'blobs'), { recursive: true });
  const identity = loadOrCreateIdentity(options.dataDir, options.platformId, options.suites);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const deps: PlatformDeps = {
    identity,
    codec: codecContext(identity, limits.maxPayloadBytes),
    store: options.store ?? (await openStore(options)),
    limits,
    timing: { sessionTtlSeconds: 3600, uploadTtlSeconds: 24 * 3600, ...options.timing },
    dataDir: options.dataDir,
    now,
    log: options.log ?? (() => {}),
    adminToken: options.adminToken ?? randomBytes(18).toString('base64url'),
    tlsSpkiPins: options.tlsSpkiPins ?? [],
    guards: { ...DEFAULT_GUARDS, ...options.guards },
    limiter: new RateLimiter(now),
    uploadLocks: new UploadLocks(),
  };
  const admin = createAdminApi(deps);
  const app = createHttpServer(deps.now, deps.log, deps.guards);
  for (const add of [infoRoutes, deviceRoutes, bundleRoutes, sessionRoutes, pullRoutes, uploadRoutes, blobRoutes]) add(app, deps);
  adminRoutes(app, deps, admin);
  blobDownloadRoutes(app, deps);

  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  try {
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  } catch (e) {
    await app.close();
    await deps.store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let sweeping = false;
  const sweeper =
    deps.guards.sweepIntervalMs > 0
      ? setInterval(() => {
          if (sweeping) return;
          sweeping = true;
          sweepExpired(deps)
            .then((r) => {
              if (r.sessions || r.uploads || r.partialFiles || r.blobFiles)
                deps.log(`swept ${r.sessions} sessions, ${r.uploads} uploads, ${r.partialFiles} partial files, ${r.blobFiles} blob files`);
            })
            .catch((e: unknown) => deps.log(`sweep failed: ${e instanceof Error ? e.message : String(e)}`))
            .finally(() => (sweeping = false));
        }, deps.guards.sweepIntervalMs)
      : undefined;
  sweeper?.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    info: () => platformInfo(deps),
    adminToken: deps.adminToken,
    admin,
    async stop() {
      clearInterval(sweeper);
      for (const s of sockets) s.destroy();
      await app.close();
      await deps.store.close();
    },
  };
}
