import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../core';
import { staffedCore, type BrowserWindow } from '../../kernel/testing/staffedCore';

/**
 * The list of 核对 reports kept aside through the contract: a household's economic data, so the
 * caseworker's and the station head's (case.casework) — not the counter clerk's, not print staff's,
 * not the administrator's; each read audited with the number of rows only.
 */
let core: CoreApi;
let close: () => Promise<void>;
let admin: BrowserWindow;
let window: (username: string) => BrowserWindow;

beforeAll(async () => {
  ({ core, close, admin, window } = await staffedCore({
    tmpPrefix: 'jiuzhu-verification-contract-',
    now: '2026-02-12T09:00:00+08:00',
    staff: [
      { username: 'clerk', displayName: '刘受理', roles: ['clerk'] },
      { username: 'worker', displayName: '陈经办', roles: ['caseworker'] },
      { username: 'head', displayName: '赵站长', roles: ['head'] },
      { username: 'printer', displayName: '孙打印', roles: ['print'] },
    ],
  }));
}, 60_000);
afterAll(() => close());

describe('verification.kept through the contract', () => {
  it('the caseworker and the station head read the list; the clerk, print staff and the administrator are refused in words', async () => {
    for (const who of ['worker', 'head'])
      expect(await core.invoke('verification.kept', {}, window(who))).toEqual({ ok: true, result: { rows: [] } });
    for (const w of [window('clerk'), window('printer'), admin])
      expect(await core.invoke('verification.kept', {}, w)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      });
    expect(await core.invoke('verification.kept', { all: true }, window('head'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('each read is audited with the number of rows and nothing else', async () => {
    expect(await core.invoke('verification.kept', {}, window('worker'))).toMatchObject({ ok: true });
    const audit = await core.invoke('audit.query', { action: 'verification.kept_list', limit: 10 }, admin);
    const rows = (audit as { ok: true; result: Array<{ actor: string; details: Record<string, unknown> }> }).result;
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) expect(r.details).toEqual({ results: 0 });
  });
});
