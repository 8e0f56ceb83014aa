import { afterEach, describe, expect, it } from 'vitest';
import { tempPlatform } from '../../../city-platform/testClient/fixtures';
import { chooseCounterNo } from '../../../city-platform/store/counter';
import { isJiuzhuError } from '../../../common/contract/errors';
import { FakeClock, MACHINE_B } from '../kernel/store/testing/fixtures';
import { engineFixture, registerWith } from '../sync/engine/testing/engineFixture';
import { CASE_NO, counterNoOf, formatCaseNo, parseCaseNo, setCounterNo } from './caseNumber';
import { CaseService } from './caseService';
import { registerCasePullHandler } from './pullHandler';
import { loadCaseResources } from './resources';
import { threePersonDibao } from './testing/household';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function counter(clock: FakeClock, machineId?: string) {
  const f = engineFixture({ clock, prefetchDays: 0, ...(machineId ? { machineId } : {}) });
  cleanups.push(f.cleanup);
  const info = f.t.station.stationInfo()!;
  const svc = new CaseService({
    db: f.db(),
    clock,
    audit: f.t.auth.audit(),
    resources: loadCaseResources(),
    station: { name: info.name, regionCode: info.regionCode },
  });
  return {
    f,
    svc,
    submit: () => {
      const saved = svc.saveDraft(f.t.adminId, { application: threePersonDibao() });
      return svc.submit(f.t.adminId, saved.caseId, saved.rev).case_no!;
    },
  };
}

describe('case number format', () => {
  it('is <region>-<year>-<counter 2>-<n ≥5>; the old form still parses', () => {
    expect(formatCaseNo('500115', 2026, 3, 42)).toBe('500115-2026-03-00042');
    expect(parseCaseNo('500115-2026-03-00042')).toEqual({ regionCode: '500115', year: 2026, counterNo: 3, n: 42 });
    expect(parseCaseNo('500115-2026-12-123456')).toEqual({ regionCode: '500115', year: 2026, counterNo: 12, n: 123456 });
    expect(parseCaseNo('500115-2026-000042')).toEqual({ regionCode: '500115', year: 2026, counterNo: null, n: 42 });
    expect(parseCaseNo('500115-2026-3-42')).toBeNull();
  });

  it('the platform keeps a claimed number, refuses a clash, keeps a re-enrolled machine’s, else gives the lowest free', () => {
    const held = [
      { counterNo: 1, machineIdHash: 'm1', name: '一号窗口' },
      { counterNo: 2, machineIdHash: 'm2', name: '二号窗口' },
      { counterNo: 4, machineIdHash: 'm4', name: '四号窗口' },
    ];
    expect(chooseCounterNo(undefined, 'new', held)).toEqual({ ok: true, counterNo: 3 });
    expect(chooseCounterNo(undefined, 'm2', held)).toEqual({ ok: true, counterNo: 2 });
    expect(chooseCounterNo(7, 'new', held)).toEqual({ ok: true, counterNo: 7 });
    expect(chooseCounterNo(2, 'm2', held)).toEqual({ ok: true, counterNo: 2 });
    expect(chooseCounterNo(2, 'new', held)).toEqual({ ok: false, counterNo: 2, takenBy: '二号窗口' });
  });
});

describe('station-unique case numbers with the REAL reference platform on 127.0.0.1', () => {
  it('two counters of one station issue numbers that never clash, before and after pulling each other’s cases', async () => {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const a = counter(clock);
    const b = counter(clock, MACHINE_B);
    const ra = await registerWith(a.f, p.platform, 'ST-HALL');
    const rb = await registerWith(b.f, p.platform, 'ST-HALL');
    expect([ra.counterNo, rb.counterNo]).toEqual([1, 2]);
    expect(counterNoOf(b.f.db())).toEqual({ counterNo: 2, source: 'platform' });
    // Each workstation's engine applies its pulled cases with its own handlers.
    cleanups.push(registerCasePullHandler(a.f.engine.pullHandlers, () => a.svc));
    cleanups.push(registerCasePullHandler(b.f.engine.pullHandlers, () => b.svc));

    const numbers: string[] = [];
    for (let round = 0; round < 3; round++) {
      numbers.push(a.submit(), b.submit(), b.submit());
      await a.f.engine.run('test');
      await b.f.engine.run('test');
      await a.f.engine.run('test');
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(CASE_NO);
    expect(numbers.slice(0, 3)).toEqual(['500101-2026-01-00001', '500101-2026-02-00001', '500101-2026-02-00002']);
    // Both counters hold all nine cases, each with the number its counter gave it.
    for (const w of [a, b]) {
      const held = (
        w.f.db().prepare('SELECT case_no FROM case_file WHERE case_no IS NOT NULL ORDER BY case_no').all() as Array<{ case_no: string }>
      ).map((r) => r.case_no);
      expect(held).toEqual([...numbers].sort());
    }
    expect(a.f.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'cases.pull_case_no_taken'").get()).toEqual({ n: 0 });
  }, 60_000);

  it('a number set before registration is kept, a clash is refused with a clear message, and a re-enrolled machine keeps its number', async () => {
    const clock = new FakeClock(Date.parse('2026-02-12T01:00:00Z'));
    const p = await tempPlatform({ now: () => clock.now().getTime() });
    cleanups.push(p.cleanup);
    const a = counter(clock);
    const b = counter(clock, MACHINE_B);
    setCounterNo(a.f.db(), 5, 'setup', clock.now().toISOString());
    expect(a.submit()).toBe('500101-2026-05-00001'); // before registration, with the number set at setup
    expect((await registerWith(a.f, p.platform, 'ST-HALL')).counterNo).toBe(5);

    // B has numbered cases with counter 5 too (set by mistake): registration is refused, the code stays usable.
    setCounterNo(b.f.db(), 5, 'setup', clock.now().toISOString());
    b.submit();
    const slip = await p.platform.admin.createEnrolmentCode({ stationId: 'ST-HALL', regionCode: '500110' });
    const enrol = () =>
      b.f.engine.register({
        platformUrl: p.platform.url,
        code: slip.code,
        fingerprint: slip.fingerprint,
        deviceName: '二号窗口',
        appVersion: '0.1.0-test',
        machineId: b.f.t.station.machineId,
      });
    const refused = await enrol().catch((e: unknown) => e);
    expect(isJiuzhuError(refused) && refused.code).toBe('SYNC_COUNTER_TAKEN');
    expect((refused as Error).message).toContain('窗口号 5 已被本站另一台工作站（一号窗口）使用');
    expect(b.f.engine.state().registration()).toBeFalsy();
    setCounterNo(b.f.db(), 6, 'setup', clock.now().toISOString());
    expect((await enrol()).counterNo).toBe(6);
    expect(b.submit()).toBe('500101-2026-06-00001');

    // A re-enrols (same machine, new code, e.g. after a disk loss): it keeps counter 5.
    expect((await registerWith(a.f, p.platform, 'ST-HALL')).counterNo).toBe(5);
    // A third machine of the station gets the lowest number nobody holds.
    const c = counter(clock, 'c'.repeat(64));
    expect((await registerWith(c.f, p.platform, 'ST-HALL')).counterNo).toBe(1);
  }, 60_000);
});
