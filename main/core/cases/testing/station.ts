import { FakeClock, makeStation, ADMIN, type TestStation } from '../../kernel/store/testing/fixtures';
import { CaseService } from '../caseService';
import type { CaseViews } from '../caseViews';
import { loadCaseResources } from '../resources';

/** The case service of a test station, on its store, clock and audit log, as the cases capability builds it. */
export function stationCases(t: TestStation): CaseService {
  const info = t.station.stationInfo()!;
  return new CaseService({
    db: t.station.db,
    clock: t.clock,
    audit: t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
}

/** A real encrypted station, logged in, with the case service on its database (tests, bench). */
export function caseStation(
  dir: string,
  at = '2026-02-12T01:00:00Z',
): { t: TestStation; svc: CaseService; views: CaseViews; actor: string; clock: FakeClock } {
  const clock = new FakeClock(Date.parse(at));
  const t = makeStation(dir, { clock });
  t.auth.login(ADMIN.username, ADMIN.password);
  const svc = stationCases(t);
  return { t, svc, views: svc.views, actor: t.adminId, clock };
}
