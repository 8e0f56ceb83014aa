import { afterAll, describe, expect, it } from 'vitest';
import { findPostgres, startPgCluster, type PgCluster } from './pg-cluster';

export type StoreKind = 'sqlite' | 'pg';

/**
 * Run a platform suite once per store. The PostgreSQL variant gets its own throwaway cluster
 * (started on first use, stopped after the suite); without PostgreSQL binaries it is SKIPPED, and
 * the reason is printed and written into the suite's name — never skipped silently.
 */
export function describeStores(name: string, body: (store: StoreFixture) => void): void {
  describe(`${name} [sqlite]`, () => body(new StoreFixture('sqlite')));
  const found = findPostgres();
  if (!found.ok && process.env['JIUZHU_REQUIRE_PG']) {
    // CI sets JIUZHU_REQUIRE_PG=1: a missing PostgreSQL is a failure there, not a skip.
    describe(`${name} [pg]`, () => it('has PostgreSQL (JIUZHU_REQUIRE_PG is set)', () => expect.fail(found.reason)));
    return;
  }
  if (!found.ok) {
    console.warn(`[city-platform] ${name} [pg] SKIPPED: ${found.reason}`);
    describe.skip(`${name} [pg] SKIPPED: ${found.reason}`, () => body(new StoreFixture('pg')));
    return;
  }
  describe(`${name} [pg]`, () => {
    const fixture = new StoreFixture('pg', () => startPgCluster(found));
    afterAll(() => fixture.release());
    body(fixture);
  });
}

/** What a suite needs to start a platform on its store. */
export class StoreFixture {
  private cluster: Promise<PgCluster> | undefined;

  constructor(
    readonly kind: StoreKind,
    private readonly start?: () => Promise<PgCluster>,
  ) {}

  /** Platform options selecting a fresh store: nothing for SQLite (a fresh data dir), a new database for PostgreSQL. */
  async fresh(): Promise<{ pgUrl?: string }> {
    if (this.kind === 'sqlite') return {};
    this.cluster ??= this.start!();
    return { pgUrl: await (await this.cluster).createDatabase() };
  }

  async release(): Promise<void> {
    if (this.cluster) await (await this.cluster).stop();
    this.cluster = undefined;
  }
}
