import { expect } from 'vitest';
import { tempPlatform } from '../../../../city-platform/testClient/fixtures';
import { CaseService } from '../../cases/caseService';
import { loadCaseResources } from '../../cases/resources';
import { FakeClock } from '../../kernel/store/testing/fixtures';
import { engineFixture, registerWith } from '../../sync/engine/testing/engineFixture';
import { registerAfterAcceptancePullHandlers } from '../pullHandlers';
import { afterAcceptance, REDRESS } from './fixture';

/**
 * A registered station with the after-acceptance pull handlers, the REAL reference platform on
 * 127.0.0.1, and a county redress route. What it starts is pushed onto `cleanups` (run in reverse).
 */
export async function platformStation(cleanups: Array<() => unknown>) {
  const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
  const p = await tempPlatform({ now: () => clock.now().getTime() });
  cleanups.push(p.cleanup);
  const f = engineFixture({ clock });
  cleanups.push(f.cleanup);
  await registerWith(f, p.platform, 'ST-0001');
  const db = f.db();
  const info = f.t.station.stationInfo()!;
  const cases = new CaseService({
    db,
    clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  cases.setSettings(f.t.adminId, {
    ...cases.settings(),
    notice: { ...cases.settings().notice, headerLines: [], issuer: '', redress: REDRESS },
  });
  const aa = afterAcceptance(cases, f.t.auth.audit(), clock);
  cleanups.push(registerAfterAcceptancePullHandlers(f.engine.pullHandlers, () => aa));
  /** One sync run that must succeed with nothing rejected. */
  const sync = async () => {
    const run = await f.engine.run('test');
    expect(run.outcome).toBe('ok');
    expect(run.summary.rejected).toBe(0);
    return run;
  };
  const notices = (caseId: string, kind: string) =>
    db.prepare('SELECT data FROM notice_request WHERE case_id = ? AND kind = ?').all(caseId, kind) as Array<{ data: string }>;
  const records = async (kind: string, caseId: string) =>
    (await p.platform.admin.records()).filter((r) => r.kind === kind && r.caseId === caseId);
  return { clock, p, f, db, cases, aa, actor: f.t.adminId, sync, notices, records };
}

export type PlatformStation = Awaited<ReturnType<typeof platformStation>>;
