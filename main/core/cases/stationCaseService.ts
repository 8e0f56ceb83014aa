import type { Clock } from '../context';
import type { StationServices } from '../kernel/station/stationServices';
import type { Db } from '../kernel/store/types';
import { CaseService } from './caseService';
import type { CaseResources } from './resources';

/** The case service of a station's open database, as every capability that works on cases builds it. */
export function stationCaseService(s: StationServices, db: Db, clock: Clock, resources: CaseResources): CaseService {
  const info = s.station.stationInfo();
  return new CaseService({
    db,
    clock,
    audit: s.auth.audit(),
    resources,
    station: { name: info?.name ?? '', regionCode: info?.regionCode ?? '000000' },
  });
}
