import koffi from 'koffi';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedReader, residentCard } from '../../../../../tools/samEmulator/index';
import { createCore, type CoreApi } from '../../../core';
import { silentLogger } from '../../../kernel/logging/logger';
import { compileFixture } from './compileFixture';
import { logInStaff, setUpStation, windowCtx } from './station';

/**
 * Choosing the reader loads native code into core, the process that holds the database key. The
 * attacker: a logged-in print-role user, or an admin naming a library outside the install's folder.
 * The mark a loaded library's constructor leaves is what tells whether core loaded it.
 */
let root: string;
let dataDir: string;
let sdkDir: string;
let evil: string;
let marker: string;
let core: CoreApi;
let reader: EmulatedReader;
let adminId: string;
const admin = windowCtx('browser:admin');
const printer = windowCtx('browser:print-counter');

const loaded = () => existsSync(marker);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jiuzhu-idcard-configure-'));
  dataDir = join(root, 'data');
  sdkDir = mkdtempSync(join(root, 'idcard-sdk-'));
  const outside = mkdtempSync(join(root, 'elsewhere-'));
  evil = await compileFixture('load_marker', outside);
  marker = join(outside, 'loaded.txt');
  process.env.JIUZHU_FIXTURE_LOAD_MARKER = marker;
  // The vendor's library as the installer put it, and a link planted in the folder that leads out of it.
  copyFileSync(await compileFixture('termb_fixture', outside), join(sdkDir, 'libtermb.so'));
  symlinkSync(evil, join(sdkDir, 'libsdtapi.so'));
  reader = await EmulatedReader.start();
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => new Date('2026-11-30T09:00:00+08:00') },
    logger: silentLogger,
    deviceId: async () => 'c'.repeat(64),
    idcardLibraryDir: sdkDir,
  });
  adminId = await setUpStation(core, admin.windowId);
  await logInStaff(core, admin.windowId, { username: 'printer1', roles: ['print'], window: printer.windowId });
}, 60_000);
afterAll(async () => {
  await core.close();
  await reader.stop();
  delete process.env.JIUZHU_FIXTURE_LOAD_MARKER;
  rmSync(root, { recursive: true, force: true });
});

describe('idcard.configure: only an admin, only an allow-listed library from the install', () => {
  it('a print-role user is refused by the dispatcher, whatever they name, and nothing is loaded', async () => {
    for (const input of [
      { kind: 'termb', library: evil, port: 1001 },
      { kind: 'sdtapi', library: evil, port: 1001 },
      { kind: 'termb', library: 'libtermb.so', port: 1001 },
      { kind: 'sam', path: reader.hostPath },
    ]) {
      expect(await core.invoke('idcard.configure', input, printer)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { permission: 'admin.settings' } },
      });
    }
    expect(await core.invoke('idcard.ports', {}, printer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.invoke('idcard.libraries', {}, printer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(loaded()).toBe(false);
    // Reading stays theirs.
    expect(await core.invoke('idcard.status', {}, printer)).toMatchObject({ ok: true, result: { status: 'not-configured' } });
  });

  it('an admin naming a path instead of an allow-listed name is refused with a typed error, and nothing is loaded', async () => {
    const names = [
      evil,
      '/tmp/evil.so',
      '../../x.so',
      `../${evil}`,
      '\\\\host\\share\\x.dll',
      '\\\\?\\C:\\evil.dll',
      'C:\\evil\\termb.dll',
      'libtermb.so/../../x.so',
      './libtermb.so',
      'evil.so',
    ];
    for (const library of names) {
      for (const kind of ['termb', 'sdtapi'] as const) {
        const r = await core.invoke('idcard.configure', { kind, library, port: 1001 }, admin);
        expect(r, `${kind} ${library}`).toMatchObject({ ok: false, error: { code: 'IDCARD_LIBRARY_NOT_ALLOWED' } });
      }
    }
    const r = await core.invoke('idcard.configure', { kind: 'termb', library: '\\\\host\\share\\x.dll', port: 1001 }, admin);
    expect(!r.ok && r.error.message).toContain('termb.dll、libtermb.so');
    expect(loaded()).toBe(false);
    expect(await core.invoke('idcard.status', {}, admin)).toMatchObject({ ok: true, result: { status: 'not-configured', reader: null } });
  });

  it('an allowed name that is a link leading out of the folder is refused; one not installed says where to put it', async () => {
    expect(await core.invoke('idcard.configure', { kind: 'sdtapi', library: 'libsdtapi.so', port: 1001 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_LIBRARY_NOT_ALLOWED' },
    });
    expect(loaded()).toBe(false);
    const missing = await core.invoke('idcard.configure', { kind: 'termb', library: 'termb.dll', port: 1001 }, admin);
    expect(missing).toMatchObject({ ok: false, error: { code: 'IDCARD_LIBRARY_MISSING' } });
    expect(!missing.ok && missing.error.message).toContain(sdkDir);
  });

  it('offers the allow-listed names and says which are installed', async () => {
    expect(await core.invoke('idcard.libraries', {}, admin)).toEqual({
      ok: true,
      result: {
        folder: sdkDir,
        libraries: [
          { name: 'termb.dll', kind: 'termb', present: false },
          { name: 'libtermb.so', kind: 'termb', present: true },
          { name: 'sdtapi.dll', kind: 'sdtapi', present: false },
          { name: 'libsdtapi.so', kind: 'sdtapi', present: false },
        ],
      },
    });
  });

  it('an admin choosing an installed library is accepted, and the change is audited (who, backend, library, port)', async () => {
    const r = await core.invoke('idcard.configure', { kind: 'termb', library: 'libtermb.so', port: 1001 }, admin);
    expect(r).toMatchObject({ ok: true, result: { status: 'connected', reader: 'termb libtermb.so 端口 1001' } });
    const rows = await core.invoke('audit.query', { action: 'idcard.configure' }, admin);
    expect(rows).toMatchObject({
      ok: true,
      result: [
        {
          actor: adminId,
          action: 'idcard.configure',
          targetType: 'workstation',
          details: { backend: 'termb', library: 'libtermb.so', port: 1001 },
        },
      ],
    });
    expect(loaded()).toBe(false);
  });

  it('the accepted library reads a card through core; its output files go to the data folder, never the install folder', async () => {
    // The test drives the stand-in through its own handle on the very file core loads.
    const control = koffi.load(realpathSync(join(sdkDir, 'libtermb.so')));
    const card = residentCard({ seed: 88 });
    control.func('void fixture_set_card(const uint8_t *t, const uint8_t *w, int present)')(card.text, card.wlt, 1);
    expect(await core.invoke('idcard.read', { timeoutSeconds: 2 }, printer)).toMatchObject({
      ok: true,
      result: { card: { idNumber: card.expected.idNumber }, photo: { status: 'decoded' } },
    });
    expect(readdirSync(sdkDir).sort()).toEqual(['libsdtapi.so', 'libtermb.so']);
    expect(statSync(join(dataDir, 'idcard-output')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dataDir, 'idcard-output'))).toEqual([]);
  });

  it('a serial port must be a device path: a bare name or a file is refused; the emulator pty is accepted and audited', async () => {
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: 'ttyUSB0' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_PORT_PATH_INVALID' },
    });
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: '/dev/../etc/passwd' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_PORT_PATH_INVALID' },
    });
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: '/etc/passwd' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_PORT_NOT_A_DEVICE' },
    });
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: reader.hostPath }, admin)).toMatchObject({
      ok: true,
      result: { status: 'connected' },
    });
    const rows = await core.invoke('audit.query', { action: 'idcard.configure' }, admin);
    expect(rows).toMatchObject({
      ok: true,
      result: [{ actor: adminId, details: { backend: 'sam', port: reader.hostPath, baudRate: 115200 } }, { details: { backend: 'termb' } }],
    });
  });

  it('a workstation.json edited by hand to name a library path is refused when the reader is used, and nothing is loaded', async () => {
    writeFileSync(
      join(dataDir, 'workstation.json'),
      JSON.stringify({ idcardReader: { kind: 'termb', library: evil, port: 1001, output: 'files', prefix: '' } }),
    );
    expect(await core.invoke('idcard.read', { timeoutSeconds: 1 }, printer)).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_LIBRARY_NOT_ALLOWED' },
    });
    expect(await core.invoke('idcard.watch', { on: true }, printer)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 800));
    expect(await core.invoke('idcard.watch', { on: false }, printer)).toMatchObject({ ok: true, result: { watching: false } });
    expect(loaded()).toBe(false);
    expect(readFileSync(join(dataDir, 'workstation.json'), 'utf8')).toContain(evil);
  });
});
