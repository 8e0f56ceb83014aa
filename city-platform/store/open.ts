import { join } from 'node:path';
import { PgPlatformStore } from './pgStore';
import { SqlitePlatformStore } from './sqliteStore';
import type { PlatformStore } from './types';

/** The store a platform (or a CLI command) uses: PostgreSQL when a URL is given, else SQLite in the data directory. */
export async function openStore(options: { dataDir: string; pgUrl?: string | undefined }): Promise<PlatformStore> {
  return options.pgUrl ? PgPlatformStore.open(options.pgUrl) : new SqlitePlatformStore(join(options.dataDir, 'platform.sqlite'));
}
