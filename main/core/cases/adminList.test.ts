import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../common/contract/index';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';

/** The IT administrator's case list leaves core masked: the CLI used to mask only when printing. */
const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-admin-list-'));
const admin = { via: 'cli' as const, windowId: 'cli' };
const PASSWORD = 'Qiaotou#2026';
let core: CoreApi;

beforeAll(async () => {
  core = createCore({ shell: 'cli', dataDir, version: 'test', logger: silentLogger, deviceId: async () => 'c'.repeat(64) });
  await core.invoke(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin);
  expect(await core.invoke('demo.seed', { count: 30, seed: 7 }, admin)).toMatchObject({ ok: true });
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cases.adminList', () => {
  it('returns applicants masked (surname, ID number without birth date and sequence)', async () => {
    const envelope = await core.invoke('cases.adminList', { limit: 100 }, admin);
    expect(envelope).toMatchObject({ ok: true });
    const rows = (envelope as { result: MethodOutput<'cases.adminList'> }).result;
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row.applicantName).toMatch(/^\p{Script=Han}\*+$/u);
      expect(row.applicantIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    }
    // The full record behind the first row (cases.adminShow is the audited one-case view): its name and number appear nowhere in the list.
    const full = await core.invoke('cases.adminShow', { caseRef: rows[0]!.id }, admin);
    const detail = (full as { result: MethodOutput<'cases.adminShow'> }).result;
    expect(detail.applicantIdNumber).toMatch(/^\d{17}[\dX]$/);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(detail.applicantIdNumber!);
    expect(text).not.toContain(detail.applicantName!);
    expect(rows[0]!.applicantName).toBe(`${[...detail.applicantName!][0]}${'*'.repeat([...detail.applicantName!].length - 1)}`);
    expect(rows[0]!.applicantIdNumber).toBe(`${detail.applicantIdNumber!.slice(0, 6)}********${detail.applicantIdNumber!.slice(14)}`);
  });
});
