import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../../../common/contract/index';
import { EmulatedReader, residentCard } from '../../../../../tools/samEmulator/index';
import { createCore, type CoreApi } from '../../../core';
import { ALL_WINDOWS } from '../../../kernel/events/hub';
import type { Logger } from '../../../kernel/logging/logger';
import { logInStaff, setUpStation, windowCtx } from './station';

/**
 * Automatic reading puts the whole card (name, number, address, photo) on the event channel. It
 * must reach the clerk's window that turned it on, never the applicant screen paired to it nor any
 * other window, and nothing while that clerk's session is locked. Real core, real store, the
 * byte-level reader on a pty.
 */
let now = new Date('2026-11-30T09:00:00+08:00');
let core: CoreApi;
let reader: EmulatedReader;
let dataDir: string;
const logs: Array<{ event: string; fields?: Record<string, unknown> }> = [];
const logger: Logger = { log: (_level, event, fields) => void logs.push({ event, ...(fields ? { fields } : {}) }) };

const admin = windowCtx('browser:admin');
const clerk = windowCtx('browser:clerk');
const screen = windowCtx('browser:applicant-screen');
const other = windowCtx('browser:other-page');
const received: Record<'admin' | 'clerk' | 'screen' | 'other' | 'plain', CoreEvent[]> = {
  admin: [],
  clerk: [],
  screen: [],
  other: [],
  plain: [],
};
const relayed: Array<{ event: CoreEvent; to?: string }> = [];
const CLERK_PASSWORD = 'Counter#Qiao2026';

const cards = (k: keyof typeof received) => received[k].filter((e) => e.event === 'idcard.card');
const cardNumbers = (k: keyof typeof received) => cards(k).map((e) => (e.event === 'idcard.card' ? e.payload.card.idNumber : ''));
const withheld = (reason: string) => logs.filter((l) => l.event === 'idcard.card_withheld' && l.fields?.reason === reason).length;

async function until(check: () => boolean, ms = 6000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lift the card, let the poller see the empty field, then place the next one. */
async function swapCard(seed: number) {
  reader.removeCard();
  await new Promise((r) => setTimeout(r, 800));
  const card = residentCard({ seed });
  reader.placeCard(card);
  return card.expected.idNumber;
}

beforeAll(async () => {
  reader = await EmulatedReader.start();
  reader.removeCard();
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-idcard-events-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger,
    deviceId: async () => 'd'.repeat(64),
  });
  core.onEvent((e) => received.admin.push(e), admin.windowId);
  core.onEvent((e) => received.clerk.push(e), clerk.windowId);
  core.onEvent((e) => received.screen.push(e), screen.windowId);
  core.onEvent((e) => received.other.push(e), other.windowId);
  core.onEvent((e) => received.plain.push(e));
  core.onEvent((event, to) => relayed.push({ event, ...(to ? { to } : {}) }), ALL_WINDOWS);
  await setUpStation(core, admin.windowId);
  expect(await core.invoke('idcard.configure', { kind: 'sam', path: reader.hostPath }, admin)).toMatchObject({ ok: true });
  await logInStaff(core, admin.windowId, { username: 'clerk1', roles: ['clerk'], window: clerk.windowId });
  // The applicant screen, paired to the clerk's window.
  const offer = await core.invoke('applicant.open', {}, clerk);
  const code = offer.ok ? (offer.result as { code: string }).code : '';
  expect(await core.invoke('applicant.pair', { code }, screen)).toMatchObject({ ok: true });
}, 60_000);
afterAll(async () => {
  await core.close();
  await reader.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('idcard.card events', () => {
  it('go to the clerk window that turned automatic reading on, and to no other window', async () => {
    expect(await core.invoke('idcard.watch', { on: true }, clerk)).toMatchObject({ ok: true, result: { watching: true } });
    const first = await swapCard(41);
    await until(() => cards('clerk').length === 1);
    expect(cardNumbers('clerk')).toEqual([first]);
    expect(cards('screen')).toEqual([]);
    expect(cards('other')).toEqual([]);
    expect(cards('admin')).toEqual([]);
    expect(cards('plain')).toEqual([]);
    // A shell's relay learns whom it is for, and forwards it to that window only.
    expect(relayed.filter((r) => r.event.event === 'idcard.card').map((r) => r.to)).toEqual([clerk.windowId]);
    // The applicant screen never carried the card in any event.
    expect(JSON.stringify(received.screen)).not.toContain(first);
  });

  it('are withheld while the clerk has locked the window, and flow again after unlocking', async () => {
    expect(await core.invoke('session.lock', {}, clerk)).toMatchObject({ ok: true, result: { locked: true } });
    const whileLocked = await swapCard(42);
    await until(() => withheld('locked') >= 1);
    await new Promise((r) => setTimeout(r, 600));
    expect(cards('clerk')).toHaveLength(1);
    for (const k of ['screen', 'other', 'admin', 'plain'] as const) expect(JSON.stringify(received[k])).not.toContain(whileLocked);

    expect(await core.invoke('session.unlock', { password: CLERK_PASSWORD }, clerk)).toMatchObject({ ok: true, result: { locked: false } });
    const after = await swapCard(43);
    await until(() => cards('clerk').length === 2);
    expect(cardNumbers('clerk')).toEqual([expect.any(String), after]);
    expect(cardNumbers('clerk')).not.toContain(whileLocked);
  });

  it('are withheld once the session locks itself after the idle time', async () => {
    const before = withheld('locked');
    now = new Date(now.getTime() + 60 * 60_000);
    const idle = await swapCard(44);
    await until(() => withheld('locked') > before);
    expect(cardNumbers('clerk')).not.toContain(idle);
    expect(await core.invoke('session.unlock', { password: CLERK_PASSWORD }, clerk)).toMatchObject({ ok: true });
  });

  it('stop when the clerk logs out: nothing reaches the window, and automatic reading ends', async () => {
    expect(await core.invoke('session.logout', {}, clerk)).toMatchObject({ ok: true });
    const gone = await swapCard(45);
    await until(() => withheld('session-ended') >= 1);
    // The reader's state (broadcast, no personal data) says automatic reading ended.
    await until(() => received.plain.filter((e) => e.event === 'idcard.status').at(-1)?.payload.watching === false);
    for (const k of ['clerk', 'screen', 'other', 'admin', 'plain'] as const) expect(JSON.stringify(received[k])).not.toContain(gone);
  });

  it('cannot be turned on without a window (a caller that is not a workstation window)', async () => {
    const session = { userId: 'x', roles: ['clerk' as const], sessionId: 'not-a-window' };
    expect(await core.invoke('idcard.watch', { on: true }, { via: 'cli', session })).toMatchObject({
      ok: false,
      error: { code: 'IDCARD_WATCH_NEEDS_WINDOW' },
    });
  });
});
