import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterParent, findPostgres, startPgCluster, type PgCluster } from './pgCluster';

const found = findPostgres();
const MB = 1024 ** 2;
const bytesIn = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

describe('where a test cluster lives', () => {
  it('in $JIUZHU_PG_TMP when set, else in a memory folder with room, else in the temporary folder', () => {
    const saved = process.env['JIUZHU_PG_TMP'];
    const roomy = mkdtempSync(join(tmpdir(), 'jiuzhu-pg-parent-'));
    try {
      delete process.env['JIUZHU_PG_TMP'];
      expect(clusterParent(join(roomy, 'no-such-folder'), 1)).toBe(tmpdir());
      expect(clusterParent(roomy, Number.MAX_SAFE_INTEGER)).toBe(tmpdir());
      expect(clusterParent(roomy, 1)).toBe(roomy);
      process.env['JIUZHU_PG_TMP'] = '/srv/pg-tests';
      expect(clusterParent(roomy, 1)).toBe('/srv/pg-tests');
    } finally {
      if (saved === undefined) delete process.env['JIUZHU_PG_TMP'];
      else process.env['JIUZHU_PG_TMP'] = saved;
      rmSync(roomy, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!found.ok)('a test cluster making many databases', () => {
  let cluster: PgCluster | undefined;
  afterAll(() => cluster?.stop());

  it('keeps its WAL near 64 MB (each new database writes its template into it), and stop() removes its folder', async () => {
    if (!found.ok) return;
    cluster = await startPgCluster(found);
    for (let i = 0; i < 30; i++) await cluster.createDatabase();
    // 30 templates put ~150 MB into the WAL; under the default max_wal_size (1 GB) all of it stays until stop.
    expect(bytesIn(join(cluster.dir, 'data', 'pg_wal'))).toBeLessThan(100 * MB);
    await cluster.stop();
    expect(() => statSync(cluster!.dir)).toThrow();
  }, 120_000);
});
