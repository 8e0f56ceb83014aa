import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../../common/contract/index';
import { EmulatedReader, hkmotwCard, residentCard } from '../../../../tools/samEmulator/index';
import { createCore, type CoreApi } from '../../core';
import { silentLogger } from '../../kernel/logging/logger';
import { createFixedCore } from '../../kernel/testing/fixedCore';
import { logInStaff, setUpStation, windowCtx } from './testing/station';

const admin = windowCtx('browser:admin');
const clerk = windowCtx('browser:clerk');

describe('idcard.* through the contract, against the emulator on a pty', () => {
  let reader: EmulatedReader;
  let core: CoreApi;
  let dataDir: string;
  const events: CoreEvent[] = [];

  beforeAll(async () => {
    reader = await EmulatedReader.start({ card: residentCard({ seed: 3 }) });
    dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-idcard-service-'));
    core = createCore({
      shell: 'browser',
      dataDir,
      version: 'test',
      clock: { now: () => new Date('2026-11-29T09:00:00+08:00') },
      logger: silentLogger,
      deviceId: async () => 'a'.repeat(64),
    });
    core.onEvent((e) => events.push(e), clerk.windowId);
    await setUpStation(core, admin.windowId);
    await logInStaff(core, admin.windowId, { username: 'clerk1', roles: ['clerk'], window: clerk.windowId });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    await reader.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says no reader is chosen yet, and refuses to read', async () => {
    expect(await core.invoke('idcard.status', {}, clerk)).toMatchObject({ ok: true, result: { status: 'not-configured', reader: null } });
    expect(await core.invoke('idcard.read', {}, clerk)).toMatchObject({ ok: false, error: { code: 'IDCARD_NO_READER' } });
  });

  it('refuses a port that is not a reader, and remembers one that is (the admin chooses)', async () => {
    const missing = await core.invoke('idcard.configure', { kind: 'sam', path: join(dataDir, 'nothing-here') }, admin);
    expect(missing).toMatchObject({ ok: false, error: { code: 'IDCARD_PORT_NOT_A_DEVICE' } });
    const notReader = await core.invoke('idcard.configure', { kind: 'sam', path: '/dev/null' }, admin);
    expect(notReader).toMatchObject({ ok: false, error: { code: 'IDCARD_PORT_OPEN_FAILED' } });
    const good = await core.invoke('idcard.configure', { kind: 'sam', path: reader.hostPath }, admin);
    expect(good).toMatchObject({ ok: true, result: { status: 'connected', reader: `${reader.hostPath} @ 115200` } });
    // A new core on the same data directory finds the remembered reader.
    const again = createFixedCore({ dataDir });
    expect(await again.invoke('idcard.status', {}, { via: 'cli', session: { userId: 'clerk-1', roles: ['clerk'] } })).toMatchObject({
      ok: true,
      result: { reader: `${reader.hostPath} @ 115200` },
    });
    await again.close();
  });

  it('reads the card on 读卡, with the photo state said in words', async () => {
    const envelope = await core.invoke('idcard.read', { timeoutSeconds: 3 }, clerk);
    expect(envelope).toMatchObject({
      ok: true,
      result: {
        card: { idNumber: residentCard({ seed: 3 }).expected.idNumber, cardType: 'resident' },
        photo: { status: 'needs-decoder', message: '照片需厂商解码库' },
      },
    });
  });

  it('automatic reading emits one idcard.card per card placed', async () => {
    events.length = 0;
    expect(await core.invoke('idcard.watch', { on: true }, clerk)).toMatchObject({ ok: true, result: { watching: true } });
    // The card just read is halted, as on a real reader, until it leaves the field: place it again.
    reader.removeCard();
    await new Promise((r) => setTimeout(r, 800));
    reader.placeCard(residentCard({ seed: 5 }));
    await waitFor(() => events.some((e) => e.event === 'idcard.card'));
    await new Promise((r) => setTimeout(r, 1500)); // several polls with the same card on the reader
    expect(events.filter((e) => e.event === 'idcard.card')).toHaveLength(1);
    reader.removeCard();
    await new Promise((r) => setTimeout(r, 800));
    reader.placeCard(hkmotwCard({ seed: 4 }));
    await waitFor(() => events.filter((e) => e.event === 'idcard.card').length === 2);
    const second = events.filter((e) => e.event === 'idcard.card')[1]!;
    expect(second.event === 'idcard.card' && second.payload.card.cardType).toBe('hkmotw');
    expect(await core.invoke('idcard.watch', { on: false }, clerk)).toMatchObject({ ok: true, result: { watching: false } });
  });

  it('needs a session, person.read for reading, and admin.settings for choosing the reader', async () => {
    expect(await core.invoke('idcard.read', {}, { session: null, via: 'browser' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await core.invoke('idcard.read', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.invoke('idcard.configure', { kind: 'sam', path: reader.hostPath }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.invoke('idcard.ports', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
