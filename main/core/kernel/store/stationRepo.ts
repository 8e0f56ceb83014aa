import type { Db } from './types';

export interface StationInfo {
  stationId: string;
  name: string;
  regionCode: string;
  createdAt: string;
}

/** The one station row. */
export class StationRepository {
  constructor(private readonly db: Db) {}

  get(): StationInfo | null {
    const r = this.db.prepare('SELECT station_id, name, region_code, created_at FROM station WHERE singleton = 1').get() as
      { station_id: string; name: string; region_code: string; created_at: string } | undefined;
    return r ? { stationId: r.station_id, name: r.name, regionCode: r.region_code, createdAt: r.created_at } : null;
  }

  insert(info: StationInfo): void {
    this.db
      .prepare('INSERT INTO station (singleton, station_id, name, region_code, created_at) VALUES (1, ?, ?, ?, ?)')
      .run(info.stationId, info.name, info.regionCode, info.createdAt);
  }
}
