import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../../../../city-platform/testing/stores';
import { maskIdNumber, maskName } from '../../../../common/format/mask';
import { acceptedCase } from '../../afterAcceptance/testing/fixture';
import { MACHINE_A, MACHINE_B } from '../../kernel/store/testing/fixtures';
import type { EngineFixture } from '../../sync/engine/testing/engineFixture';
import type { CaseService } from '../caseService';
import { registerCasePullHandler } from '../pullHandler';
import { HUSBAND } from '../testing/household';
import { platformStation, type PlatformStation } from '../testing/platformStation';
import { keptReports } from './kept';
import { registerVerificationPullHandler } from './pullHandler';
import { VerificationRepo } from './repo';
import { platformVerify, verificationReport } from './testing/platformVerify';

const STATION = 'ST-VERIFY-KEPT';

/**
 * 核对 reports kept aside, end to end on the reference platform (SQLite and PostgreSQL): counter 2 of
 * the station accepts a household and syncs; `npm run platform -- verify` posts the report by its case
 * number; counter 1 — a real encrypted station with the real engine — pulls it before it holds the
 * case (it takes the station's cases only once its case handler is registered, later in the test, as
 * a workstation that has not got the case yet). The report is kept, listed for the sync centre with
 * its reason and what to do, masked; once the case arrives by pull, the report is applied and leaves
 * the list.
 */
describeStores('核对 report kept aside (platform verify → pull before the case → the case arrives)', (store) => {
  let ps: PlatformStation;
  let here: EngineFixture;
  let other: EngineFixture;
  let cases: CaseService;
  let otherCases: CaseService;

  beforeEach(async () => {
    ps = await platformStation(store, { at: '2026-02-12T01:00:00Z', machineId: MACHINE_A });
    ({ f: here, cases } = ps);
    const second = ps.workstation({ machineId: MACHINE_B });
    ({ f: other, cases: otherCases } = second);
    ps.handlers(registerVerificationPullHandler(here.engine.pullHandlers, () => cases));
    await ps.register(STATION);
    await ps.register(STATION, second);
  });
  afterEach(() => ps.close());

  it('kept with the case number, the household masked, the reason and what to do; applied and gone from the list once the case arrives', async () => {
    const caseId = acceptedCase(otherCases, other.t.adminId);
    expect((await other.engine.run('manual')).outcome).toBe('ok');
    const caseNo = otherCases.repo.get(caseId)!.case_no!;
    const made = JSON.parse((await platformVerify(ps, caseNo, verificationReport('HD-KEPT-1', '2026-02-11'))).stdout) as {
      id: string;
    };

    expect((await here.engine.run('manual')).outcome).toBe('ok');
    expect(cases.repo.get(caseId)).toBeNull();
    const repo = new VerificationRepo(here.db());
    const listed = keptReports(repo);
    expect(listed).toEqual([
      {
        id: made.id,
        caseNo,
        caseId,
        householdMasked: `${maskName(HUSBAND.name)} ${maskIdNumber(HUSBAND.idNumber)}`,
        members: 3,
        centre: '綦江区社会救助家庭经济状况核对中心',
        reportNo: 'HD-KEPT-1',
        issuedOn: '2026-02-11',
        receivedAt: '2026-02-12T01:00:00.000Z',
        code: 'VERIFICATION_CASE_NOT_HERE',
        reason: '本工作站没有该案件',
        advice: '该案件尚未同步到本工作站：请先同步；若仍未出现，请联系县级民政部门核实案件编号',
      },
    ]);
    // Never a name or an ID number in full, never an amount.
    const text = JSON.stringify(listed);
    for (const secret of [HUSBAND.idNumber, HUSBAND.name, '1250000', '12500']) expect(text).not.toContain(secret);

    // The case arrives: counter 2 starts the investigation and syncs; counter 1 now takes the station's cases.
    ps.handlers(registerCasePullHandler(here.engine.pullHandlers, () => cases));
    otherCases.act(other.t.adminId, caseId, otherCases.repo.get(caseId)!.version, 'startInvestigation', null);
    expect((await other.engine.run('manual')).outcome).toBe('ok');
    expect((await here.engine.run('manual')).outcome).toBe('ok');
    expect(cases.repo.get(caseId)).toMatchObject({ state: 'investigating', case_no: caseNo });
    expect(keptReports(repo)).toEqual([]);
    expect(repo.get(made.id)).toMatchObject({ status: 'applied', reason: null, superseded_by: null });
    const page = cases.views.detail(caseId);
    expect(page.verification).toMatchObject({ reportId: made.id, reportNo: 'HD-KEPT-1' });
    expect(page.timeline.filter((e) => e.action === 'verificationReceived')).toHaveLength(1);
    const audit = here
      .db()
      .prepare("SELECT action, details FROM audit_log WHERE action LIKE 'verification.%' ORDER BY seq")
      .all() as Array<{ action: string; details: string }>;
    expect(audit.map((a) => [a.action, JSON.parse(a.details) as unknown])).toEqual([
      ['verification.kept', { report: made.id, code: 'VERIFICATION_CASE_NOT_HERE' }],
      ['verification.received', { report: made.id, members: 3, items: 4, late: true }],
    ]);
  });
});
