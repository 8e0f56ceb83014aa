import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_ID_PATTERN, newGeneratedId } from '../../common/ids/generatedId';
import { assertNoPersonalData } from '../core/kernel/audit/personalData';
import { createCore, silentLogger, type CoreApi } from '../core/index';
import { startBrowserShell, type BrowserShell } from './server';
import { browserWindowId } from './windowId';

/**
 * The applicant screen failed to pair about once in a hundred page loads with 审计记录不能包含个人信息
 * (字段"targetId"): the page's window id, a dash-less UUID, reached the audit log and its digit runs
 * looked like a mobile or ID number to the guard.
 */
const trips = (value: string) => {
  try {
    assertNoPersonalData('targetId', value);
    return false;
  } catch {
    return true;
  }
};

/** A page window id seen in the field: `browser:` + it has the digit run 49478992800450793350. */
const FAILING_PAGE_ID = '6b8cc0c04c7349478992800450793350';

describe('window ids that reach the audit log', () => {
  it('reproduces the old failure: the dash-less UUID as core saw it trips the guard', () => {
    expect(trips(`browser:${FAILING_PAGE_ID}`)).toBe(true);
    expect(trips(browserWindowId(FAILING_PAGE_ID)!)).toBe(false);
  });

  it('never trips the guard: 100,000 page ids as the page makes them, and 100,000 generated ids', () => {
    let tripped = 0;
    for (let i = 0; i < 100_000; i++) {
      if (trips(browserWindowId(randomUUID().replace(/-/g, ''))!)) tripped++;
      if (trips(newGeneratedId('win'))) tripped++;
    }
    expect(tripped).toBe(0);
  });

  it('maps one page id to one core id, and refuses what is not a page id', () => {
    expect(browserWindowId(FAILING_PAGE_ID)).toBe(browserWindowId(FAILING_PAGE_ID));
    expect(browserWindowId(FAILING_PAGE_ID)).not.toBe(browserWindowId(randomUUID().replace(/-/g, '')));
    expect(browserWindowId(FAILING_PAGE_ID)).toMatch(/^win_[a-z2-7]{26}$/);
    for (const bad of [undefined, 42, 'short', 'x'.repeat(65), 'has space in it', '../../etc'])
      expect(browserWindowId(bad)).toBeUndefined();
  });
});

describe('the applicant screen pairs through the browser shell whatever its page id', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-window-ids-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'jiuzhu-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  let core: CoreApi;
  let shell: BrowserShell;

  beforeAll(async () => {
    core = createCore({ shell: 'browser', dataDir, version: 'test', logger: silentLogger, deviceId: async () => 'b'.repeat(64) });
    shell = await startBrowserShell({ core, rendererDir, logger: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await shell.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const call = async (pageWindow: string, method: string, input: unknown) => {
    const response = await fetch(`http://127.0.0.1:${shell.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', 'X-Jiuzhu-Window': pageWindow },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
  };

  it('pairs the applicant window whose page id once failed, and audits the pairing with its generated id', async () => {
    const clerkPage = randomUUID().replace(/-/g, '');
    const admin = { username: 'admin', displayName: '王站长', password: 'Qiaotou#2026' };
    expect(await call(clerkPage, 'setup.init', { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin })).toMatchObject({
      ok: true,
    });
    const login = await call(clerkPage, 'session.login', { username: 'admin', password: admin.password });
    expect(login, JSON.stringify(login)).toMatchObject({ ok: true });
    expect(
      await call(clerkPage, 'accounts.create', { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' }),
    ).toMatchObject({ ok: true });
    expect(await call(clerkPage, 'session.login', { username: 'clerk1', password: 'Temp#pass2026' })).toMatchObject({ ok: true });
    expect(await call(clerkPage, 'session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Clerk#pass2026' })).toMatchObject({
      ok: true,
    });
    const opened = await call(clerkPage, 'applicant.open', {});
    expect(opened).toMatchObject({ ok: true });
    const paired = await call(FAILING_PAGE_ID, 'applicant.pair', { code: (opened.result as { code: string }).code });
    expect(paired).toMatchObject({ ok: true, result: { view: { kind: 'idle' } } });
    // The view ids the screen echoes back (and applicant.sign / confirm audit) have the generated-id form too.
    expect((paired.result as { view: { viewId: string } }).view.viewId).toMatch(GENERATED_ID_PATTERN);

    expect(await call(clerkPage, 'session.login', { username: 'admin', password: admin.password })).toMatchObject({ ok: true });
    const audit = await call(clerkPage, 'audit.query', { action: 'applicant.pair' });
    expect(audit).toMatchObject({ ok: true });
    const rows = audit.result as Array<{ targetId: string }>;
    expect(rows.map((r) => r.targetId)).toEqual([browserWindowId(FAILING_PAGE_ID)]);
  }, 60_000);
});
