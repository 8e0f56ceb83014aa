import type { Role } from '../../../../../common/contract/index';
import type { CoreApi } from '../../../core';

/** A window of the workstation, as the shells name them. */
export const windowCtx = (windowId: string) => ({ via: 'browser' as const, windowId });

export const ADMIN_PASSWORD = 'Qiaotou#2026';

async function ok<T>(envelope: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(`expected ok, got ${JSON.stringify(e.error)}`);
  return e.result as T;
}

/** A new station with its admin logged in at `adminWindow`; returns the admin's account id. */
export async function setUpStation(core: CoreApi, adminWindow: string): Promise<string> {
  const w = windowCtx(adminWindow);
  await ok(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: ADMIN_PASSWORD },
      },
      w,
    ),
  );
  return (await ok<{ accountId: string }>(core.invoke('session.login', { username: 'admin', password: ADMIN_PASSWORD }, w))).accountId;
}

/** Staff created by the admin, logged in at their own window with their own password; returns the account id. */
export async function logInStaff(
  core: CoreApi,
  adminWindow: string,
  staff: { username: string; roles: Role[]; window: string },
): Promise<string> {
  const temp = 'Temp#pass2026';
  const own = 'Counter#Qiao2026';
  await ok(
    core.invoke(
      'accounts.create',
      { username: staff.username, displayName: '李窗口', roles: staff.roles, password: temp },
      windowCtx(adminWindow),
    ),
  );
  const w = windowCtx(staff.window);
  const info = await ok<{ accountId: string }>(core.invoke('session.login', { username: staff.username, password: temp }, w));
  await ok(core.invoke('session.changePassword', { oldPassword: temp, newPassword: own }, w));
  return info.accountId;
}
