import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../../../common/contract/permissions';
import { createCore, type CoreApi } from '../../core';
import { silentLogger } from '../logging/logger';

export const STAFF_ADMIN_PASSWORD = 'Qiaotou#2026';
/** The password each staff member ends with (the first login's forced change done). */
export const STAFF_PASSWORD = 'Station#Counter9';

export interface StaffMember {
  username: string;
  displayName: string;
  roles: Role[];
}
export type BrowserWindow = { via: 'browser'; windowId: string };

/**
 * A station set up through the contract, as a shell drives it: the admin logged in on its own window and
 * each staff member created, logged in on a window of their own and past the first login's password
 * change. For tests of a capability's methods through the dispatcher (permissions, refusals, audit).
 */
export async function staffedCore(options: {
  tmpPrefix: string;
  now: string;
  staff: StaffMember[];
  deviceId?: string;
  adminDisplayName?: string;
}): Promise<{
  core: CoreApi;
  dataDir: string;
  admin: BrowserWindow;
  window: (username: string) => BrowserWindow;
  close: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), options.tmpPrefix));
  const core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => new Date(options.now) },
    logger: silentLogger,
    deviceId: async () => options.deviceId ?? 'd'.repeat(64),
  });
  const window = (username: string): BrowserWindow => ({ via: 'browser', windowId: `browser:${username}` });
  const admin = window('admin');
  const must = async (what: string, p: Promise<{ ok: boolean }>) => {
    const r = await p;
    if (!r.ok) throw new Error(`staffedCore: ${what} failed: ${JSON.stringify(r)}`);
  };
  await must(
    'setup.init',
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: options.adminDisplayName ?? '王站长', password: STAFF_ADMIN_PASSWORD },
      },
      admin,
    ),
  );
  await must('admin login', core.invoke('session.login', { username: 'admin', password: STAFF_ADMIN_PASSWORD }, admin));
  for (const s of options.staff) {
    const first = 'Temp#pass2026';
    await must(`create ${s.username}`, core.invoke('accounts.create', { ...s, password: first }, admin));
    await must(`login ${s.username}`, core.invoke('session.login', { username: s.username, password: first }, window(s.username)));
    await must(
      `password ${s.username}`,
      core.invoke('session.changePassword', { oldPassword: first, newPassword: STAFF_PASSWORD }, window(s.username)),
    );
  }
  return {
    core,
    dataDir,
    admin,
    window,
    close: async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
