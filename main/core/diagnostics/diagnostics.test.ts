import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../common/contract/index';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';

/**
 * 导出诊断信息 on a real station: the renderer's errors land in its log file, redacted; the admin's
 * export is a ZIP that Python's zipfile (an independent reader) tests and opens, holding the logs,
 * versions, settings, station and sync state — and no name, ID number or mobile number anywhere.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-diagnostics-'));
const out = mkdtempSync(join(tmpdir(), 'jiuzhu-diagnostics-out-'));
const admin = { via: 'cli' as const, windowId: 'cli' };
const window = { via: 'browser' as const, windowId: 'w-diagnostics' };
const PASSWORD = 'Qiaotou#2026';
const PERSONAL = '张三丰 500110199001011234 13812345678';
let core: CoreApi;

beforeAll(async () => {
  core = createCore({ shell: 'cli', dataDir, version: 'test', logger: silentLogger, deviceId: async () => 'd'.repeat(64) });
  await core.invoke(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await core.invoke('session.login', { username: 'admin', password: PASSWORD }, admin);
  await core.invoke('accounts.create', { username: 'clerk1', displayName: '李窗口', password: 'Chuangkou#2026', roles: ['clerk'] }, admin);
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const python = (script: string, ...args: string[]) => execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });

describe('diagnostics', () => {
  it('a renderer error is logged redacted; a window past 30 a minute is dropped', async () => {
    const report = {
      kind: 'error' as const,
      message: `TypeError: cannot read 'x' of ${PERSONAL}`,
      stack: `at CaseView (${PERSONAL})`,
      route: '#/cases/7d0c9a52-3a5e-4a77-9f7e-0d5c1d9e2b11',
    };
    expect(await core.invoke('diagnostics.report', report, window)).toEqual({ ok: true, result: { logged: true } });
    const log = readFileSync(join(dataDir, 'logs', 'renderer-cli.log'), 'utf8');
    expect(log).toContain('renderer.error');
    expect(log).toContain('[han] [id-number] [mobile]');
    expect(log).toContain('7d0c9a52-3a5e-4a77-9f7e-0d5c1d9e2b11');
    expect(log).not.toMatch(/\p{Script=Han}|500110199001011234|13812345678/u);
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await core.invoke('diagnostics.report', { kind: 'rejection', message: `loop ${i}` }, window));
    expect(answers.filter((a) => (a as { result: { logged: boolean } }).result.logged)).toHaveLength(29);
    expect(await core.invoke('diagnostics.report', { kind: 'error', message: 'other window' }, { ...window, windowId: 'w-other' })).toEqual(
      { ok: true, result: { logged: true } },
    );
  });

  it('only an admin exports; the ZIP opens, holds logs, versions, settings, station and sync — with no personal data', async () => {
    // A log line written before redaction existed (or by hand) is redacted on the way out too.
    appendFileSync(join(dataDir, 'logs', 'core-cli.log'), `{"level":"error","event":"legacy","note":"${PERSONAL}"}\n`);
    writeFileSync(join(dataDir, 'workstation.json'), JSON.stringify({ idcardReader: { kind: 'serial', path: '/dev/ttyUSB0' } }));
    mkdirSync(join(dataDir, 'crashes'), { recursive: true });
    writeFileSync(join(dataDir, 'crashes', 'a1b2.dmp'), Buffer.alloc(2048, 1));

    const clerk = { via: 'cli' as const, windowId: 'clerk' };
    await core.invoke('session.login', { username: 'clerk1', password: 'Chuangkou#2026' }, clerk);
    await core.invoke('session.changePassword', { oldPassword: 'Chuangkou#2026', newPassword: 'Clerk#Counter9' }, clerk);
    expect(await core.invoke('diagnostics.export', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const envelope = await core.invoke('diagnostics.export', {}, admin);
    expect(envelope).toMatchObject({ ok: true });
    const result = (envelope as { result: MethodOutput<'diagnostics.export'> }).result;
    expect(result.fileName).toMatch(/^jiuzhu-diagnostics-\d{8}-\d{4}\.zip$/);
    const zip = join(out, result.fileName);
    writeFileSync(zip, Buffer.from(result.base64, 'base64'));
    expect(result.bytes).toBe(readFileSync(zip).length);

    expect(python('import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', zip).trim()).toBe('None');
    const names = python('import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip).trim().split('\n');
    expect(names).toEqual(result.files);
    expect(names).toEqual(
      expect.arrayContaining(['about.json', 'workstation.json', 'station.json', 'sync.json', 'logs/core-cli.log', 'logs/renderer-cli.log']),
    );
    const unpacked = join(out, 'unpacked');
    python('import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unpacked);

    const about = JSON.parse(readFileSync(join(unpacked, 'about.json'), 'utf8'));
    expect(about).toMatchObject({
      app: { version: 'test', shell: 'cli' },
      runtime: { node: process.versions.node },
      os: { platform: process.platform, arch: process.arch },
    });
    expect(about.crashDumps).toEqual([expect.objectContaining({ name: 'a1b2.dmp', bytes: 2048 })]);
    expect(names.some((n) => n.endsWith('.dmp'))).toBe(false);
    expect(about.store.map((f: { name: string }) => f.name)).toContain('workstation.json');
    expect(JSON.parse(readFileSync(join(unpacked, 'workstation.json'), 'utf8'))).toEqual({
      idcardReader: { kind: 'serial', path: '/dev/ttyUSB0' },
    });
    expect(JSON.parse(readFileSync(join(unpacked, 'station.json'), 'utf8'))).toMatchObject({ regionCode: '500110', name: '[han]' });
    expect(JSON.parse(readFileSync(join(unpacked, 'sync.json'), 'utf8'))).toMatchObject({ registered: false });
    expect(readFileSync(join(unpacked, 'logs', 'core-cli.log'), 'utf8')).toContain('"note":"[han] [id-number] [mobile]"');

    const everything = names.map((n) => readFileSync(join(unpacked, n), 'utf8')).join('\n');
    expect(everything).not.toMatch(/\p{Script=Han}/u);
    expect(everything).not.toContain('500110199001011234');
    expect(everything).not.toContain('13812345678');
    expect(readdirSync(unpacked)).not.toContain('station.sqlite');

    const audit = await core.invoke('audit.query', { limit: 5 }, admin);
    expect(JSON.stringify(audit)).toContain('diagnostics.export');
  });
});
