import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from '../../../city-platform/platform';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';
import { exportHouseholds, memberRowsWorkbook } from './testing/rosterWorkbook';

/** The roster import through the contract: only the station head may preview, confirm or read reports. */
let core: CoreApi;
let dataDir: string;
const PASSWORD = 'Qiaotou#2026';
const win = (name: string) => ({ via: 'browser' as const, windowId: `browser:${name}` });
const ROLES = ['head', 'clerk', 'caseworker', 'print'] as const;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-rimport-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => new Date('2026-12-12T09:00:00+08:00') },
    logger: silentLogger,
    deviceId: async () => 'c'.repeat(64),
  });
  const must = async (p: Promise<unknown>) => expect(await p).toMatchObject({ ok: true });
  await must(
    core.invoke(
      'setup.init',
      {
        stationName: '桥头镇社会救助工作站',
        regionCode: '500110',
        admin: { username: 'admin', displayName: '王管理', password: PASSWORD },
      },
      win('admin'),
    ),
  );
  await must(core.invoke('session.login', { username: 'admin', password: PASSWORD }, win('admin')));
  for (const role of ROLES) {
    await must(
      core.invoke(
        'accounts.create',
        { username: role, displayName: `${role}用户`, roles: [role], password: 'Temp#pass2026' },
        win('admin'),
      ),
    );
    await must(core.invoke('session.login', { username: role, password: 'Temp#pass2026' }, win(role)));
    await must(core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, win(role)));
  }
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('rosterImport through the contract', () => {
  it('the head previews and confirms; the IT admin and every other role are refused before the file is read', async () => {
    const file = (await memberRowsWorkbook(exportHouseholds(3))).toString('base64');
    for (const who of ['admin', 'clerk', 'caseworker', 'print']) {
      expect(await core.invoke('rosterImport.preview', { fileName: 'a.xlsx', fileBase64: file }, win(who)), who).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await core.invoke('rosterImport.reports', {}, win(who)), who).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const preview = await core.invoke('rosterImport.preview', { fileName: 'a.xlsx', fileBase64: file }, win('head'));
    expect(preview).toMatchObject({
      ok: true,
      result: { layout: 'member-rows', totals: { households: 3, importHouseholds: 3 }, errors: [] },
    });
    const token = (preview as { result: { token: string } }).result.token;
    // A token is the previewer's own: another role cannot confirm it even if it could call the method.
    expect(await core.invoke('rosterImport.confirm', { token, fileName: 'a.xlsx', fileBase64: file }, win('clerk'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const done = await core.invoke('rosterImport.confirm', { token, fileName: 'a.xlsx', fileBase64: file }, win('head'));
    expect(done).toMatchObject({ ok: true, result: { fileName: 'a.xlsx', importedBy: 'head用户', totals: { importHouseholds: 3 } } });
    const roster = await core.invoke('roster.list', { filter: 'all' }, win('clerk'));
    expect(roster).toMatchObject({ ok: true, result: { counts: { active: 3 } } });
    // The case page of an imported household: approved, the benefit as the old system gave it, one timeline line.
    const row = (roster as { result: { rows: Array<{ caseId: string; amountFen: number; sinceMonth: string }> } }).result.rows[0]!;
    const shown = await core.invoke('cases.get', { caseId: row.caseId }, win('clerk'));
    expect(shown).toMatchObject({
      ok: true,
      result: {
        state: 'approved',
        benefit: { approvedAmountFen: row.amountFen, startMonth: row.sinceMonth, decisionSource: 'platform', status: 'active' },
        timeline: [{ action: 'rosterImported' }],
      },
    });
    expect(await core.invoke('rosterImport.reports', {}, win('head'))).toMatchObject({
      ok: true,
      result: { reports: [{ fileName: 'a.xlsx' }] },
    });
  });

  it('the platform’s roster is pulled through the registered handler: a household new here goes on the roster, one already here is listed for the head only, with its reason', async () => {
    const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-rimport-platform-'));
    const platform = await startPlatform({ dataDir: platformDir });
    try {
      const [already, fresh] = exportHouseholds(2, 700);
      const file = (await memberRowsWorkbook([already!])).toString('base64');
      const preview = (await core.invoke('rosterImport.preview', { fileName: 'b.xlsx', fileBase64: file }, win('head'))) as {
        result: { token: string };
      };
      expect(
        await core.invoke('rosterImport.confirm', { token: preview.result.token, fileName: 'b.xlsx', fileBase64: file }, win('head')),
      ).toMatchObject({ ok: true });
      const household = (h: NonNullable<typeof already>) => ({
        type: 'dibao',
        subtype: 'rural',
        applicant: { idNumber: h.headIdNumber, name: h.headName },
        members: [{ idNumber: h.headIdNumber, name: h.headName, relationship: 'self' }],
        amountFen: 69000,
        monthly: true,
        sinceMonth: '2025-06',
        nextReviewOn: '2027-06-30',
        lastCertifiedOn: null,
      });
      const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-CONTRACT', regionCode: '500110' });
      expect(
        await core.invoke('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint }, win('head')),
      ).toMatchObject({ ok: true });
      expect(await platform.admin.loadRoster({ stationId: 'ST-CONTRACT', households: [household(already!), household(fresh!)] })).toEqual({
        loaded: 2,
        refused: [],
      });
      expect(await core.invoke('sync.now', { wait: true }, win('head'))).toMatchObject({ ok: true });

      // Three households of the first test, the one imported here, and the one from the platform.
      const roster = (await core.invoke('roster.list', { filter: 'all' }, win('clerk'))) as {
        result: { counts: { active: number }; rows: Array<{ applicantName: string; amountFen: number; sinceMonth: string }> };
      };
      expect(roster.result.counts.active).toBe(5);
      expect(roster.result.rows.filter((r) => r.applicantName === fresh!.headName && r.sinceMonth === '2025-06')).toEqual([
        expect.objectContaining({ amountFen: 69000 }),
      ]);
      const listed = await core.invoke('rosterImport.recipientConflicts', {}, win('head'));
      expect(listed).toMatchObject({
        ok: true,
        result: { rows: [{ name: already!.headName, code: 'ON_ROSTER', message: expect.stringContaining('已在本站在册对象名单中') }] },
      });
      for (const who of ['admin', 'clerk', 'caseworker', 'print'])
        expect(await core.invoke('rosterImport.recipientConflicts', {}, win(who)), who).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });

      // The platform refused the import of `already` (another amount): the head alone sees it and may take the platform's values.
      const refused = await core.invoke('rosterImport.refused', {}, win('head'));
      expect(refused).toMatchObject({
        ok: true,
        result: { rows: [{ headName: already!.headName, refusal: 'differs', platform: { amountFen: 69000 }, adopt: { ok: true } }] },
      });
      const recordId = (refused as { result: { rows: Array<{ recordId: string }> } }).result.rows[0]!.recordId;
      for (const who of ['admin', 'clerk', 'caseworker', 'print']) {
        expect(await core.invoke('rosterImport.refused', {}, win(who)), who).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await core.invoke('rosterImport.adoptPlatform', { recordId }, win(who)), who).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      expect(await core.invoke('rosterImport.adoptPlatform', { recordId: 'not-a-record' }, win('head'))).toMatchObject({
        ok: false,
        error: { code: 'SYNC_RECORD_NOT_QUARANTINED' },
      });
      expect(await core.invoke('rosterImport.adoptPlatform', { recordId }, win('head'))).toMatchObject({ ok: true });
      expect(await core.invoke('sync.now', { wait: true }, win('head'))).toMatchObject({ ok: true, result: { outcome: 'ok' } });
      const after = (await core.invoke('roster.list', { filter: 'all' }, win('clerk'))) as typeof roster;
      expect(after.result.rows.filter((r) => r.applicantName === already!.headName && r.sinceMonth === '2025-06')).toEqual([
        expect.objectContaining({ amountFen: 69000 }),
      ]);
      expect(await core.invoke('rosterImport.refused', {}, win('head'))).toMatchObject({ ok: true, result: { rows: [] } });
    } finally {
      await platform.stop();
      rmSync(platformDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a malformed call names the field in words', async () => {
    const r = await core.invoke('rosterImport.confirm', { token: 'x', fileName: 'a.xlsx', fileBase64: 'AAAA' }, win('head'));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('预览编号') } });
  });

  it('a file that is not a workbook is refused with the zh-CN message', async () => {
    const r = await core.invoke(
      'rosterImport.preview',
      { fileName: 'a.xls', fileBase64: Buffer.from('户主姓名,身份证号码').toString('base64') },
      win('head'),
    );
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'FILE_XLSX_INVALID', message: expect.stringContaining('不是有效的 Excel 工作簿') }),
    });
  });
});
