import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreApi } from '../../core';
import { staffedCore } from '../../kernel/testing/staffedCore';

/**
 * The platform status methods through the contract: case.read (the clerk's; the administrator alone,
 * who holds no case data, may not), a case not here refused in words, a bad filter refused naming the
 * field, and each read audited.
 */
let core: CoreApi;
let close: () => Promise<void>;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const clerk = { via: 'browser' as const, windowId: 'browser:clerk' };

beforeAll(async () => {
  ({ core, close } = await staffedCore({
    tmpPrefix: 'jiuzhu-status-contract-',
    now: '2026-02-12T09:00:00+08:00',
    staff: [{ username: 'clerk', displayName: '刘受理', roles: ['clerk'] }],
  }));
}, 60_000);
afterAll(() => close());

describe('platform status through the contract', () => {
  it('the clerk reads the list (empty) and a case not here is refused in words; the administrator alone may not; a bad filter names the field', async () => {
    expect(await core.invoke('cases.platformStatuses', {}, clerk)).toEqual({ ok: true, result: { rows: [], total: 0 } });
    expect(await core.invoke('cases.platformStatus', { caseId: '0b9c6a52-5a1e-4f1e-9d51-2f7c3c9e1a10' }, clerk)).toEqual({
      ok: false,
      error: { code: 'CASE_NOT_FOUND', message: expect.stringContaining('找不到这个案件') },
    });
    for (const method of ['cases.platformStatus', 'cases.platformStatuses'] as const)
      expect(await core.invoke(method, { caseId: '0b9c6a52-5a1e-4f1e-9d51-2f7c3c9e1a10' }, admin)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await core.invoke('cases.platformStatuses', { status: 'lost' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { path: 'status' } },
    });
  });

  it('each read of the list is audited with its filter and the number of rows', async () => {
    expect(await core.invoke('cases.platformStatuses', { status: 'unknown' }, clerk)).toMatchObject({ ok: true });
    const audit = await core.invoke('audit.query', { action: 'cases.platform_statuses', limit: 10 }, admin);
    expect(audit).toMatchObject({ ok: true });
    const rows = (audit as { result: Array<{ details: Record<string, unknown> }> }).result;
    expect(rows.map((r) => r.details)).toContainEqual({ filter: 'unknown', results: 0 });
  });
});
