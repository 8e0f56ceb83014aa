import { FakeClock, makeStation, ADMIN, type TestStation } from '../../kernel/store/testing/fixtures';
import { CaseService } from '../caseService';
import type { CaseViews } from '../caseViews';
import { loadCaseResources } from '../resources';

/** A real encrypted station, logged in, with the case service on its database (tests, bench). */
export function caseStation(
  dir: string,
  at = '2026-02-12T01:00:00Z',
): { t: TestStation; svc: CaseService; views: CaseViews; actor: string; clock: FakeClock } {
  const clock = new FakeClock(Date.parse(at));
  const t = makeStation(dir, { clock });
  t.auth.login(ADMIN.username, ADMIN.password);
  const info = t.station.stationInfo()!;
  const svc = new CaseService({
    db: t.station.db,
    clock,
    audit: t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return { t, svc, views: svc.views, actor: t.adminId, clock };
}
