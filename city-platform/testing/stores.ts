import { afterAll, describe, expect, it } from 'vitest';
import type { SuiteId } from '../../common/sync/primitives';
import { findPostgres, startPgCluster, type PgCluster } from './pgCluster';

export type StoreKind = 'sqlite' | 'pg';
/** `intl`: X25519-ED25519-AES256GCM-v1; `gm`: SM2-SM3-SM4GCM-v1 (the 国密 suite). */
export type SuiteKind = 'intl' | 'gm';
const SUITE_OF: Record<SuiteKind, SuiteId> = { intl: 'X25519-ED25519-AES256GCM-v1', gm: 'SM2-SM3-SM4GCM-v1' };

/**
 * Run a platform suite once per store and crypto suite: `[sqlite]`, `[pg]`, `[sqlite·gm]`,
 * `[pg·gm]`. The platform of a `gm` variant offers only the 国密 suite, so every workstation it
 * enrols seals with SM2/SM3/SM4. The PostgreSQL variants share one throwaway cluster per suite
 * kind (started on first use, stopped after it); without PostgreSQL binaries they are SKIPPED, and
 * the reason is printed and written into the suite's name — never skipped silently.
 */
export function describeStores(name: string, body: (store: StoreFixture) => void): void {
  for (const suite of ['intl', 'gm'] as const) describeStoresWith(name, suite, body);
}

function describeStoresWith(name: string, suite: SuiteKind, body: (store: StoreFixture) => void): void {
  const label = (kind: StoreKind) => (suite === 'intl' ? kind : `${kind}·gm`);
  describe(`${name} [${label('sqlite')}]`, () => body(new StoreFixture('sqlite', undefined, suite)));
  const found = findPostgres();
  if (!found.ok && process.env['JIUZHU_REQUIRE_PG']) {
    // CI sets JIUZHU_REQUIRE_PG=1: a missing PostgreSQL is a failure there, not a skip.
    describe(`${name} [${label('pg')}]`, () => it('has PostgreSQL (JIUZHU_REQUIRE_PG is set)', () => expect.fail(found.reason)));
    return;
  }
  if (!found.ok) {
    console.warn(`[city-platform] ${name} [${label('pg')}] SKIPPED: ${found.reason}`);
    describe.skip(`${name} [${label('pg')}] SKIPPED: ${found.reason}`, () => body(new StoreFixture('pg', undefined, suite)));
    return;
  }
  describe(`${name} [${label('pg')}]`, () => {
    const fixture = new StoreFixture('pg', () => startPgCluster(found), suite);
    afterAll(() => fixture.release());
    body(fixture);
  });
}

/** What a suite needs to start a platform on its store. */
export class StoreFixture {
  private cluster: Promise<PgCluster> | undefined;
  /** Databases made in the cluster so far. */
  private databases = 0;

  constructor(
    readonly kind: StoreKind,
    private readonly start?: () => Promise<PgCluster>,
    readonly suite: SuiteKind = 'intl',
  ) {}

  /** The `suites` option of a platform of this variant. */
  get suites(): SuiteId[] {
    return [SUITE_OF[this.suite]];
  }

  /**
   * Platform options selecting a fresh store and the variant's suite: a fresh data dir for SQLite,
   * a new database for PostgreSQL.
   */
  async fresh(): Promise<{ pgUrl?: string; suites: SuiteId[] }> {
    if (this.kind === 'sqlite') return { suites: this.suites };
    this.cluster ??= this.start!();
    const pgUrl = await (await this.cluster).createDatabase();
    this.databases++;
    return { pgUrl, suites: this.suites };
  }

  /** Stop the cluster and remove its folder; prints how long that took and for how many databases. */
  async release(): Promise<void> {
    if (!this.cluster) return;
    const cluster = await this.cluster;
    this.cluster = undefined;
    const started = performance.now();
    await cluster.stop();
    const ms = Math.round(performance.now() - started);
    console.log(`[city-platform] PostgreSQL cluster of ${this.databases} databases released in ${ms} ms (${cluster.dir})`);
    this.databases = 0;
  }
}
