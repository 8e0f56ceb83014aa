import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contract/permissions';
import { WIFE } from '../cases/testing/household';
import { ADMIN } from '../kernel/store/testing/fixtures';
import type { AfterAcceptanceService } from './service';
import { caseworkerOn } from './testing/fixture';
import { enrolledHousehold } from './testing/reviewFixture';
import { afterAcceptanceStation, type AfterAcceptanceStation } from './testing/stationHooks';
import { warningRow } from './views';
import { mayTakeWarnings, warningAssignees } from './warningAssignees';

/**
 * A warning is given to whoever will verify and close it: only an enabled account holding
 * `case.casework` (caseworker, head). On a real encrypted station with its accounts.
 */
const station = afterAcceptanceStation();
let env: AfterAcceptanceStation['env'];
let aa: AfterAcceptanceService;
beforeEach(() => ({ env, aa } = station));

const db = () => env.t.station.db;
function account(username: string, displayName: string, roles: Role[]): string {
  const admin = env.t.auth.login(ADMIN.username, ADMIN.password);
  return env.t.accounts.create(admin, { username, displayName, roles, password: 'Temp-Pass-2026' }).id;
}
/** The JiuzhuError `fn` throws (fails the test if it does not throw). */
function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('not refused');
}
const assignAudits = () =>
  (db().prepare("SELECT details FROM audit_log WHERE action = 'warnings.assign' ORDER BY seq").all() as Array<{ details: string }>).map(
    (r) => JSON.parse(r.details) as { to: string },
  );

describe('who a warning can be assigned to', () => {
  it('the roles: caseworker and head take warnings; clerk, print and admin alone do not; a disabled account never', () => {
    expect(mayTakeWarnings({ roles: ['caseworker'], disabled: false })).toBe(true);
    expect(mayTakeWarnings({ roles: ['head'], disabled: false })).toBe(true);
    expect(mayTakeWarnings({ roles: ['admin', 'clerk', 'caseworker'], disabled: false })).toBe(true);
    for (const roles of [['clerk'], ['print'], ['admin'], ['admin', 'clerk', 'print']] as Role[][])
      expect(mayTakeWarnings({ roles, disabled: false }), roles.join()).toBe(false);
    expect(mayTakeWarnings({ roles: ['caseworker'], disabled: true })).toBe(false);
  });

  it('a clerk and the admin-only account are refused in words and nothing changes; the caseworker and the head are taken; the picker lists only them', () => {
    enrolledHousehold(env.svc, aa, env.actor);
    expect(
      aa.pulledWarning({ kind: 'warning', feedSeq: 2, at: 1_771_632_000_000, id: 'w-1', idNumber: WIFE.idNumber, type: 'death' }),
    ).toBe('opened');
    const clerk = account('zhao.chuangkou', '赵窗口', ['clerk']);
    const printer = account('qian.dayin', '钱打印', ['print']);
    const head = account('chen.zhanzhang', '陈站长', ['head']);
    const worker = caseworkerOn(env.t);

    expect(warningAssignees(db())).toEqual([
      { id: head, name: '陈站长' },
      { id: worker, name: '刘经办' },
    ]);
    const asClerk = refusal(() => aa.assignWarning(env.actor, 'w-1', clerk));
    expect(asClerk.code).toBe('WARNING_ASSIGNEE_NOT_CASEWORK');
    expect(asClerk.message).toBe(
      '赵窗口的岗位是受理员，不能承办预警：承办人要核查情况并登记核查结论，这是经办人或站长的工作。请改派给经办人或站长。',
    );
    // The station's admin account holds only the admin role (the IT administrator).
    const asAdmin = refusal(() => aa.assignWarning(env.actor, 'w-1', env.actor));
    expect(asAdmin).toMatchObject({
      code: 'WARNING_ASSIGNEE_NOT_CASEWORK',
      message: expect.stringContaining(`${ADMIN.displayName}的岗位是管理员`),
    });
    expect(refusal(() => aa.assignWarning(env.actor, 'w-1', printer)).message).toContain('钱打印的岗位是打印岗');
    expect(refusal(() => aa.assignWarning(env.actor, 'w-1', 'no-such-account')).code).toBe('AUTH_ACCOUNT_NOT_FOUND');
    expect(aa.work.repo.warning('w-1')).toMatchObject({ status: 'open', assigned_to: null, assigned_at: null });
    expect(assignAudits()).toEqual([]);

    aa.assignWarning(env.actor, 'w-1', worker);
    expect(aa.work.repo.warning('w-1')).toMatchObject({ assigned_to: worker });
    aa.assignWarning(env.actor, 'w-1', head);
    expect(aa.work.repo.warning('w-1')).toMatchObject({ assigned_to: head });
    expect(assignAudits()).toEqual([{ to: worker }, { to: head }]);
  });

  it('a warning an earlier version gave to a clerk stays listed under the clerk’s name and is re-assigned to a caseworker', () => {
    enrolledHousehold(env.svc, aa, env.actor);
    aa.pulledWarning({ kind: 'warning', feedSeq: 2, at: 1_771_632_000_000, id: 'w-1', idNumber: WIFE.idNumber, type: 'death' });
    const clerk = account('zhao.chuangkou', '赵窗口', ['clerk']);
    const worker = caseworkerOn(env.t);
    // As the earlier version stored it: any account could be the assignee.
    aa.work.repo.updateWarning('w-1', { assigned_to: clerk, assigned_at: env.clock.now().toISOString() });
    const listed = () => warningRow(aa.work, aa.work.repo.warning('w-1')!, env.svc.repo.accountNames(), env.svc.today());
    expect(listed()).toMatchObject({ status: 'open', assignedTo: clerk, assigneeName: '赵窗口' });
    expect(warningAssignees(db()).map((s) => s.id)).not.toContain(clerk);

    aa.assignWarning(env.actor, 'w-1', worker);
    expect(listed()).toMatchObject({ status: 'open', assignedTo: worker, assigneeName: '刘经办' });
  });

  it('a disabled caseworker is left out of the picker and refused as the assignee', () => {
    enrolledHousehold(env.svc, aa, env.actor);
    aa.pulledWarning({ kind: 'warning', feedSeq: 2, at: 1_771_632_000_000, id: 'w-1', idNumber: WIFE.idNumber, type: 'death' });
    const worker = caseworkerOn(env.t);
    env.t.accounts.disable(env.t.auth.login(ADMIN.username, ADMIN.password), worker);
    expect(warningAssignees(db())).toEqual([]);
    expect(refusal(() => aa.assignWarning(env.actor, 'w-1', worker))).toMatchObject({
      code: 'WARNING_ASSIGNEE_DISABLED',
      message: '刘经办的账号已停用，不能承办预警。请改派给在岗的经办人或站长。',
    });
    expect(aa.work.repo.warning('w-1')).toMatchObject({ assigned_to: null });
  });
});
