import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedReader, residentCard } from '../../tools/samEmulator/index';
import { createCore, createFixedCore, silentLogger } from '../core/index';
import { ADMIN_PASSWORD, logInStaff, setUpStation } from '../core/devices/idcard/testing/station';
import { runCli } from './run';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    io: { out: (t) => (out += t), err: (t) => (err += t) },
    makeCore: (dataDir) => createFixedCore({ dataDir }),
  });
  return { code, out, err };
}

describe('jiuzhu-admin idcard, against the reader emulator on a pty', () => {
  let reader: EmulatedReader;
  const card = residentCard({ seed: 11 });
  beforeAll(async () => {
    reader = await EmulatedReader.start({ card });
  });
  afterAll(async () => reader.stop());

  it('idcard read --json prints the card with exactly the agreed keys, exit 0', async () => {
    const r = await cli('--json', 'idcard', 'read', '--port', reader.hostPath, '--timeout', '3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.idNumber).toBe(card.expected.idNumber);
    expect(printed.name).toBe(card.expected.name);
    expect(printed.cardType).toBe('resident');
    expect(printed.photo).toEqual({ format: 'wlt', size: 1024 });
  });

  it('with no card by the timeout: exit 1 and IDCARD_NO_CARD as JSON', async () => {
    reader.removeCard();
    const r = await cli('--json', 'idcard', 'read', '--port', reader.hostPath, '--timeout', '1');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'IDCARD_NO_CARD' } });
    expect(r.err).toContain('未检测到身份证');
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await cli('idcard', 'read')).code).toBe(2);
    expect((await cli('idcard', 'read', '--port', reader.hostPath, '--baud', '1234')).code).toBe(2);
    expect((await cli('idcard', 'read', '--port', reader.hostPath, '--timeout', '-3')).code).toBe(2);
  });

  it('a port that is not there is a clear failure', async () => {
    const r = await cli('--json', 'idcard', 'read', '--port', '/dev/does-not-exist', '--timeout', '1');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toMatch(/^IDCARD_/);
  });
});

describe('jiuzhu-admin idcard ports / libraries / configure', () => {
  let reader: EmulatedReader;
  let root: string;
  let dataDir: string;
  let sdkDir: string;
  const makeCore = (dir: string) =>
    createCore({
      shell: 'cli',
      dataDir: dir,
      version: 'test',
      clock: { now: () => new Date('2026-11-30T09:00:00+08:00') },
      logger: silentLogger,
      deviceId: async () => 'e'.repeat(64),
      idcardLibraryDir: sdkDir,
    });
  async function as(user: string, password: string, ...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(['--data', dataDir, '--user', user, ...argv], {
      io: { out: (t) => (out += t), err: (t) => (err += t) },
      makeCore,
      readPassword: async () => password,
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    reader = await EmulatedReader.start();
    root = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-idcard-'));
    dataDir = join(root, 'data');
    sdkDir = mkdtempSync(join(root, 'idcard-sdk-'));
    const core = makeCore(dataDir);
    await setUpStation(core, 'setup');
    await logInStaff(core, 'setup', { username: 'printer1', roles: ['print'], window: 'printer' });
    await core.close();
  }, 60_000);
  afterAll(async () => {
    await reader.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('idcard ports lists and probes the serial ports without udev, exit 0', async () => {
    const r = await cli('--json', 'idcard', 'ports');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.out))).toBe(true);
  });

  it('the admin sets the reader on a pty, and the change is audited', async () => {
    const r = await as('admin', ADMIN_PASSWORD, 'idcard', 'configure', '--port', reader.hostPath);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`读卡器：${reader.hostPath} @ 115200`);
    const core = makeCore(dataDir);
    try {
      await core.invoke('session.login', { username: 'admin', password: ADMIN_PASSWORD }, { via: 'cli', windowId: 'check' });
      expect(await core.invoke('audit.query', { action: 'idcard.configure' }, { via: 'cli', windowId: 'check' })).toMatchObject({
        ok: true,
        result: [{ details: { backend: 'sam', port: reader.hostPath } }],
      });
    } finally {
      await core.close();
    }
  });

  it('a library path is refused with its code; only the allow-listed names are offered', async () => {
    const r = await as('admin', ADMIN_PASSWORD, '--json', 'idcard', 'configure', '--library', '/tmp/evil.so', '--sdk-port', '1001');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'IDCARD_LIBRARY_NOT_ALLOWED' } });
    const libs = await as('admin', ADMIN_PASSWORD, '--json', 'idcard', 'libraries');
    expect(JSON.parse(libs.out)).toMatchObject({
      folder: sdkDir,
      libraries: [{ name: 'termb.dll', present: false }, { name: 'libtermb.so' }, { name: 'sdtapi.dll' }, { name: 'libsdtapi.so' }],
    });
    expect((await as('admin', ADMIN_PASSWORD, 'idcard', 'configure', '--library', 'libtermb.so')).code).toBe(2);
    expect((await as('admin', ADMIN_PASSWORD, 'idcard', 'configure')).code).toBe(2);
  });

  it('a print-role user cannot set the reader', async () => {
    const r = await as('printer1', 'Counter#Qiao2026', '--json', 'idcard', 'configure', '--port', reader.hostPath);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
