import type { CoreDeps } from '../../capability';
import type { Db } from '../store/types';
import type { StationServices } from './stationServices';

/** A feature's service for the store open now: one per open database (a new login's gets a new one). */
export interface PerStore<T> {
  /** For a call: the service of the database open now. */
  open(): Promise<T>;
  /** For a pull handler, inside the sync's transaction on `db` (sync runs only with a logged-in station). */
  forDb(db: Db): T;
  /** Settles once the station services are known; a capability's close waits for it. */
  ready: Promise<unknown>;
}

/**
 * Builds a feature's service once per open database and keeps it. The station services are resolved
 * ahead, so the synchronous pull handlers can build the service inside the pull page's transaction.
 */
export function perStore<T>(deps: Pick<CoreDeps, 'services'>, feature: string, build: (s: StationServices, db: Db) => T): PerStore<T> {
  let cached: { db: Db; value: T } | null = null;
  let services: StationServices | null = null;
  const ready = deps.services().then(
    (s) => (services = s),
    () => null,
  );
  const of = (s: StationServices, db: Db): T => {
    if (!cached || cached.db !== db) cached = { db, value: build(s, db) };
    return cached.value;
  };
  return {
    open: async () => {
      const s = await deps.services();
      return of(s, s.station.db);
    },
    forDb: (db) => {
      if (!services) throw new Error(`${feature} pull handler ran before the station services were ready`);
      return of(services, db);
    },
    ready,
  };
}
