import type { EngineFixture } from '../../../sync/engine/testing/engineFixture';
import { CaseService } from '../../caseService';
import { loadCaseResources } from '../../resources';

/** The case service of an engine fixture's station, on its store, clock and audit log, as the cases capability builds it. */
export function stationCases(f: EngineFixture): CaseService {
  const info = f.t.station.stationInfo()!;
  return new CaseService({
    db: f.db(),
    clock: f.t.clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
}
