import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../core';
import { createFixedCore } from '../kernel/testing/fixedCore';
import { ok } from './testing/contractCase';

/**
 * The after-acceptance reads and the roster settings as the handlers answer them through the
 * dispatcher (AfterAcceptanceService's read methods): the answers, the settings' round trip
 * and the audit rows each read leaves.
 */
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const head = { via: 'browser' as const, windowId: 'browser:head' };
const PASSWORD = 'Qiaotou#2026';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-aa-reads-'));
  core = createFixedCore({ dataDir, shell: 'browser' });
  await ok(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
      },
      admin,
    ),
  );
  await ok(core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin));
  await ok(
    core.invoke(
      'accounts.create',
      { username: 'head', displayName: '陈站长', roles: ['head', 'caseworker'], password: 'Temp#pass2026' },
      admin,
    ),
  );
  await ok(core.invoke('session.login', { username: 'head', password: 'Temp#pass2026' }, head));
  await ok(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, head));
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const audited = async (action: string) =>
  (
    await ok<Array<{ action: string; targetId: string | null; details: Record<string, unknown> }>>(
      core.invoke('audit.query', { action }, admin),
    )
  ).map((r) => ({ targetId: r.targetId, details: r.details }));

describe('after-acceptance reads through the contract', () => {
  it('roster settings: the defaults with the shipped linked benefits, then what the admin set, audited', async () => {
    const before = await ok<{ settings: { warningWorkingDays: number }; linkedBenefits: unknown[] }>(
      core.invoke('roster.settings', {}, head),
    );
    expect(before.settings.warningWorkingDays).toBe(10);
    expect(before.linkedBenefits.length).toBeGreaterThan(0);
    const set = await ok<{ settings: { warningWorkingDays: number; reviewMonths: { stable: number } } }>(
      core.invoke(
        'roster.setSettings',
        { settings: { warningWorkingDays: 7, reviewMonths: { stable: 24, irregular: 6, tekun: 12, monitoring: 12 } } },
        admin,
      ),
    );
    expect(set.settings).toMatchObject({ warningWorkingDays: 7, reviewMonths: { stable: 24 } });
    expect((await ok<{ settings: unknown }>(core.invoke('roster.settings', {}, head))).settings).toEqual(set.settings);
    expect(await audited('roster.settings')).toEqual([{ targetId: 'roster.settings', details: { warningDays: 7 } }]);
  });

  it('warnings, monitoring and refusals answer empty on a new station, with the staff a warning can go to, each read audited', async () => {
    const warnings = await ok<{ rows: unknown[]; staff: Array<{ name: string }>; today: string }>(core.invoke('warnings.list', {}, head));
    expect(warnings).toMatchObject({ rows: [], today: '2026-11-29' });
    expect(warnings.staff.map((s) => s.name)).toEqual(['陈站长']);
    expect(await ok(core.invoke('monitoring.list', { activeOnly: true, limit: 50 }, head))).toEqual({ rows: [] });
    expect(await ok(core.invoke('decisions.refusals', { limit: 20 }, admin))).toEqual({ rows: [] });
    expect(await audited('warnings.view')).toEqual([{ targetId: null, details: { results: 0 } }]);
    expect(await audited('monitoring.view')).toEqual([{ targetId: null, details: { results: 0 } }]);
    expect(await audited('decisions.refusals_view')).toEqual([{ targetId: null, details: { results: 0 } }]);
  });
});
