import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { threePersonDibao } from '../core/cases/testing/household';
import { createCore, silentLogger } from '../core/index';
import { runCli } from './run';

/** jiuzhu-admin demo seed / cases list / cases show on a real encrypted station. */
const root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-cases-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PASSWORD = 'Qiaotou#2026';
const makeCore = (dir: string) =>
  createCore({ shell: 'cli', dataDir: dir, version: 'test', logger: silentLogger, deviceId: async () => 'c'.repeat(64) });

function cli(dataDir: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const previous = process.env.JIUZHU_PASSWORD;
    process.env.JIUZHU_PASSWORD = PASSWORD;
    try {
      const code = await runCli(['--data', dataDir, ...argv], {
        io: { out: (t) => (out += t), err: (t) => (err += t) },
        makeCore,
        readPassword: async () => PASSWORD,
      });
      return { code, out, err };
    } finally {
      if (previous === undefined) delete process.env.JIUZHU_PASSWORD;
      else process.env.JIUZHU_PASSWORD = previous;
    }
  };
}

async function initStation(dataDir: string) {
  const r = await cli(dataDir)('init', '--station-name', '桥头镇社会救助工作站', '--region', '500110', '--admin', 'admin');
  expect(r.code).toBe(0);
}

describe('demo seed and the IT-support case commands', () => {
  const dataDir = join(root, 'demo');
  const admin = cli(dataDir);

  it('seeds N synthetic cases with progress on stderr and a summary on stdout', async () => {
    await initStation(dataDir);
    const r = await admin('--user', 'admin', 'demo', 'seed', '--cases', '1500');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已生成 1500 件演示案件.*现有案件 1500 件/);
    expect(r.err).toMatch(/生成演示案件… 66%（1000\/1500）/);
    expect(r.err).toMatch(/100%（1500\/1500）/);
  });

  it('refuses bad arguments with exit 2, and a non-admin / no login', async () => {
    expect((await admin('--user', 'admin', 'demo', 'seed')).code).toBe(2);
    expect((await admin('--user', 'admin', 'demo', 'seed', '--cases', 'many')).code).toBe(2);
    expect((await admin('--user', 'admin', 'cases', 'list', '--status', 'nonsense')).code).toBe(2);
    expect((await admin('cases', 'list')).code).toBe(2);
    expect((await admin('--user', 'admin', 'cases', 'show')).code).toBe(2);
  });

  it('lists cases by status with masked applicants, as text and JSON', async () => {
    const all = await admin('--user', 'admin', '--json', 'cases', 'list', '--limit', '2000');
    expect(all.code).toBe(0);
    const rows = JSON.parse(all.out) as Array<{ state: string; caseNo: string; applicantName: string; applicantIdNumber: string }>;
    expect(rows).toHaveLength(1500);
    expect(new Set(rows.map((c) => c.state)).size).toBeGreaterThanOrEqual(6);
    for (const c of rows.slice(0, 50)) {
      expect(c.caseNo).toMatch(/^\S+$/);
      expect(c.applicantIdNumber).toMatch(/^50\d{4}\*{8}\d{3}[\dX]$/);
      expect(c.applicantName).toMatch(/^\p{Script=Han}\*+$/u);
    }
    const approved = await admin('--user', 'admin', '--json', 'cases', 'list', '--status', 'approved', '--limit', '2000');
    const approvedRows = JSON.parse(approved.out) as Array<{ state: string }>;
    expect(approvedRows.length).toBeGreaterThan(100);
    expect(approvedRows.every((c) => c.state === 'approved')).toBe(true);
    expect(approvedRows.length).toBe(rows.filter((c) => c.state === 'approved').length);
    const text = await admin('--user', 'admin', 'cases', 'list', '--status', 'investigating', '--limit', '5');
    expect(text.code).toBe(0);
    expect(text.out.trim().split('\n')).toHaveLength(5);
    expect(text.out).toContain('调查核对中');
    expect(text.err).toContain('共 5 件（调查核对中）');
  });

  it('shows one case by number in full, and an unknown one fails', async () => {
    const list = JSON.parse(
      (await admin('--user', 'admin', '--json', 'cases', 'list', '--status', 'accepted', '--limit', '1')).out,
    ) as Array<{ id: string; caseNo: string }>;
    const [first] = list;
    const json = await admin('--user', 'admin', '--json', 'cases', 'show', first!.caseNo);
    expect(json.code).toBe(0);
    const detail = JSON.parse(json.out);
    expect(detail).toMatchObject({ id: first!.id, caseNo: first!.caseNo, state: 'accepted' });
    expect(detail.application.members.length).toBe(detail.householdSize);
    expect(detail.deadlines.length).toBeGreaterThan(0);
    const text = await admin('--user', 'admin', 'cases', 'show', first!.id);
    expect(text.out).toContain(`案件编号：${first!.caseNo}`);
    expect(text.out).toContain('状态：已受理');
    expect(text.out).toMatch(/经过：\n.*→ 草稿\n.*→ 待受理/);
    const missing = await admin('--user', 'admin', 'cases', 'show', 'no-such-case');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到这个案件');
  });

  it('audits the seed, the list and the show', async () => {
    const core = makeCore(dataDir);
    const w = { via: 'cli' as const, windowId: 'audit-check' };
    try {
      expect(await core.invoke('session.login', { username: 'admin', password: PASSWORD }, w)).toMatchObject({ ok: true });
      const audit = await core.invoke('audit.query', { limit: 200 }, w);
      expect(audit.ok).toBe(true);
      const actions = JSON.stringify(audit.ok ? audit.result : null);
      for (const a of ['demo.seed', 'cases.admin_list', 'cases.admin_show']) expect(actions).toContain(a);
    } finally {
      await core.close();
    }
  });

  it('refuses to seed a station that holds a real case', async () => {
    const realDir = join(root, 'real');
    await initStation(realDir);
    const core = makeCore(realDir);
    const adminW = { via: 'cli' as const, windowId: 'a' };
    const clerkW = { via: 'cli' as const, windowId: 'b' };
    try {
      await core.invoke('session.login', { username: 'admin', password: PASSWORD }, adminW);
      expect(
        await core.invoke(
          'accounts.create',
          { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' },
          adminW,
        ),
      ).toMatchObject({ ok: true });
      await core.invoke('session.login', { username: 'clerk1', password: 'Temp#pass2026' }, clerkW);
      expect(
        await core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Clerk#pass2026' }, clerkW),
      ).toMatchObject({ ok: true });
      expect(await core.invoke('intake.save', { application: threePersonDibao() }, clerkW)).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
    const r = await cli(realDir)('--user', 'admin', 'demo', 'seed', '--cases', '10');
    expect(r.code).toBe(1);
    expect(r.err).toContain('本工作站已有 1 件真实案件，不能生成演示数据');
    const list = await cli(realDir)('--user', 'admin', '--json', 'cases', 'list');
    expect(JSON.parse(list.out)).toHaveLength(1);
  });
});
