import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgres, startPgCluster, type PgCluster } from '../testing/pgCluster';
import { PG_MIGRATIONS } from './pgSchema';
import { PgPlatformStore } from './pgStore';

const found = findPostgres();
const skipped = found.ok ? undefined : found.reason;
if (skipped) console.warn(`[city-platform] PostgreSQL schema tests SKIPPED: ${skipped}`);

describe.skipIf(skipped)(`PostgreSQL store schema${skipped ? ` SKIPPED: ${skipped}` : ''}`, () => {
  let cluster: PgCluster | undefined;
  afterAll(() => cluster?.stop());

  it('creates its schema once, however many platforms start at once, and refuses a newer database', async () => {
    if (!found.ok) return;
    cluster = await startPgCluster(found);
    const url = await cluster.createDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => PgPlatformStore.open(url, { max: 2 })));
    await stores[0]!.setMeta('k', 'v');
    expect(await stores[2]!.getMeta('k')).toBe('v');
    await Promise.all(stores.map((s) => s.close()));
    const again = await PgPlatformStore.open(url, { max: 1 });
    expect(await again.getMeta('k')).toBe('v');
    await again.close();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT version FROM schema_version ORDER BY version')).rows).toEqual(
        PG_MIGRATIONS.map((_, i) => ({ version: i + 1 })),
      );
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [PG_MIGRATIONS.length + 1]);
    } finally {
      await client.end();
    }
    await expect(PgPlatformStore.open(url)).rejects.toThrow(/newer than this program/);
  });
});
