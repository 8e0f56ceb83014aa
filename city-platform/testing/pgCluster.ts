import { execFile, execFileSync, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests: initdb (trust, loopback only) in a temporary directory,
 * started on a free port of 127.0.0.1 with fsync off, removed by `stop()` (or, if the test process
 * dies first, by an exit handler and a watchdog that outlives it by at most a second). As root, initdb refuses to run, so the cluster belongs to the system
 * user `postgres` (Debian's postgresql package creates it) and every command runs through
 * `runuser -u postgres --`.
 *
 * A long run makes hundreds of databases (each a copy of template1: ~7 MB in ~300 files), and stopping the
 * cluster means deleting all of them. So the cluster lives in memory (/dev/shm) when it has room, where
 * creating and removing those files is several times quicker than on disk, and its WAL is held to
 * 64 MB (each CREATE DATABASE writes the whole template into it; left to the default it grows to ~1 GB).
 */
export interface PgCluster {
  /** The cluster's folder (data, log, socket). */
  readonly dir: string;
  /** A URL for a new, empty database of this cluster. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Free space /dev/shm must have to hold a cluster: a 200-database run takes ~1.5 GB. */
const SHM_NEEDED_BYTES = 4 * 1024 ** 3;

/**
 * Where clusters are made: $JIUZHU_PG_TMP if set, else /dev/shm when it is writable and has room,
 * else the system's temporary folder.
 */
export function clusterParent(shm = '/dev/shm', needed = SHM_NEEDED_BYTES): string {
  const chosen = process.env['JIUZHU_PG_TMP'];
  if (chosen) return chosen;
  try {
    accessSync(shm, constants.W_OK);
    const { bavail, bsize } = statfsSync(shm);
    if (bavail * bsize >= needed) return shm;
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

export type PgAvailability = { ok: true; bin: string; asUser?: string } | { ok: false; reason: string };

/** Where the PostgreSQL server binaries are: $JIUZHU_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgres(): PgAvailability {
  const candidates = process.env['JIUZHU_PG_BIN']
    ? [process.env['JIUZHU_PG_BIN']]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!bin)
    return {
      ok: false,
      reason:
        'no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or $JIUZHU_PG_BIN; install Debian package postgresql',
    };
  if (process.getuid?.() !== 0) return { ok: true, bin };
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'running as root and there is no system user "postgres" to own a test cluster (initdb refuses root)' };
  }
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser'))
    return { ok: false, reason: 'running as root without runuser (util-linux) to start PostgreSQL as "postgres"' };
  return { ok: true, bin, asUser: 'postgres' };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startPgCluster(found: Extract<PgAvailability, { ok: true }>): Promise<PgCluster> {
  const dir = mkdtempSync(join(clusterParent(), 'jiuzhu-pg-'));
  const data = join(dir, 'data');
  const as = (file: string, args: string[]): [string, string[]] =>
    found.asUser ? ['runuser', ['-u', found.asUser, '--', join(found.bin, file), ...args]] : [join(found.bin, file), args];
  if (found.asUser) {
    const uid = Number(execFileSync('id', ['-u', found.asUser]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', found.asUser]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  await run(...as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-N']));
  const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dir} -F -c full_page_writes=off -c synchronous_commit=off -c min_wal_size=32MB -c max_wal_size=64MB`;
  await run(...as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start']));
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    watchdog.kill();
    try {
      execFileSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  // A worker killed by a signal runs no exit handler: a detached watchdog stops the cluster and
  // removes its directory within a second of this process ending, then ends itself.
  const [stopCmd, stopArgs] = as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${[stopCmd, ...stopArgs].map(quote).join(' ')} >/dev/null 2>&1; rm -rf ${quote(dir)}`,
    ],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  watchdog.unref();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let n = 0;
  return {
    dir,
    async createDatabase() {
      const name = `jz_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      watchdog.kill();
      await run(...as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
