import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../cases/demo/synthetic';
import type { CoreApi } from '../core';
import { staffedCore } from '../kernel/testing/staffedCore';

/** The certification methods through the contract: wiring, permissions, settings validation, refusals as zh-CN envelopes. */
let core: CoreApi;
let close: () => Promise<void>;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const worker = { via: 'browser' as const, windowId: 'browser:clerk' };
const head = { via: 'browser' as const, windowId: 'browser:head' };
const stranger = makeIdNumber('500110', '1960-01-01', 9, '女');

beforeAll(async () => {
  ({ core, close } = await staffedCore({
    tmpPrefix: 'jiuzhu-cert-',
    now: '2026-02-12T09:00:00+08:00',
    deviceId: 'c'.repeat(64),
    staff: [
      { username: 'clerk', displayName: '刘受理', roles: ['clerk'] },
      { username: 'head', displayName: '赵站长', roles: ['head'] },
    ],
  }));
}, 60_000);
afterAll(() => close());

describe('certification through the contract', () => {
  it('the clerk lists who is due and reads the rules; only the admin changes them, and a fixed-month rule without months is refused', async () => {
    expect(await core.invoke('certification.due', { filter: 'all' }, worker)).toMatchObject({
      ok: true,
      result: { rows: [], today: '2026-02-12', counts: { persons: 0, due: 0, overdue: 0 } },
    });
    const settings = { mode: 'fixedMonths', months: [3, 9], who: 'adults' };
    expect(await core.invoke('certification.setSettings', { settings }, worker)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.invoke('certification.setSettings', { settings: { ...settings, months: [] } }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.invoke('certification.setSettings', { settings }, admin)).toMatchObject({
      ok: true,
      result: { settings: { mode: 'fixedMonths', months: [3, 9], who: 'adults', intervalMonths: 12 } },
    });
    expect(await core.invoke('certification.settings', {}, worker)).toMatchObject({
      ok: true,
      result: { settings: { mode: 'fixedMonths', who: 'adults', face: { matchPass: 0.55 } } },
    });
  });

  it('reading the phone certifications kept aside is audited with the number of rows and nothing else', async () => {
    expect(await core.invoke('certification.remoteKept', {}, head)).toEqual({ ok: true, result: { rows: [] } });
    const audit = await core.invoke('audit.query', { action: 'certification.kept_list', limit: 10 }, admin);
    const rows = (audit as { ok: true; result: Array<{ actor: string; details: Record<string, unknown> }> }).result;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({ results: 0 });
  });

  it('someone not on the roster is refused for the check and for a proxy, with the zh-CN message', async () => {
    expect(await core.invoke('certification.person', { idNumber: stranger }, worker)).toEqual({
      ok: false,
      error: { code: 'CERT_NOT_ON_ROSTER', message: expect.stringContaining('不在本站在册保障名单中') },
    });
    const proxy = await core.invoke(
      'certification.recordProxy',
      { idNumber: stranger, proxy: { idNumber: stranger, name: '王某', relationship: '子女' } },
      worker,
    );
    expect(proxy).toMatchObject({ ok: false, error: { code: 'CERT_NOT_ON_ROSTER' } });
    expect(
      await core.invoke(
        'certification.recordProxy',
        { idNumber: stranger, proxy: { idNumber: stranger, name: '王某', relationship: '子女' } },
        admin,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
