import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_MAKERS, EmulatedReader } from '../../../../../tools/samEmulator/index';
import type { CardRead } from '../reader/buildCard';
import { CardPoller, type ReaderStatus } from '../reader/poller';
import { SamReader } from '../reader/samReader';
import { findReader, listPorts, probePort } from '../discovery';
import { PtyPair } from '../../../../../tools/samEmulator/pty';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const today = (): string => '2026-06-01';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

/** Card taken away, and seen to be gone: two of the poller's finds answered with no card (not a guess at the time it takes). */
async function takeAway(emu: EmulatedReader): Promise<void> {
  emu.removeCard();
  const mark = emu.sam.seen.length;
  await until(() => emu.sam.seen.slice(mark).filter((n) => n === 'findCard').length >= 2);
}

function harness(emu: EmulatedReader) {
  const cards: CardRead[] = [];
  const statuses: ReaderStatus[] = [];
  const poller = new CardPoller({
    connect: () => SamReader.open({ path: emu.hostPath, timeoutMs: 200 }),
    onCard: (read) => cards.push(read),
    onStatus: (s) => statuses.push(s),
    today,
    intervalMs: 50,
  });
  return { cards, statuses, poller };
}

describe.each([
  ['a reader that halts the card after a read', true, false],
  ['a reader that keeps finding the same card', false, false],
  ['a reader whose select answer is all zeros', false, true],
])('CardPoller with %s', (_label, haltAfterRead, zeroSerial) => {
  let emu: EmulatedReader;
  beforeAll(async () => {
    emu = await EmulatedReader.start({ sam: { haltAfterRead, zeroSerial } });
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('emits one read per card, and again only after the card left the field', async () => {
    const { cards, statuses, poller } = harness(emu);
    poller.start();
    try {
      const first = CARD_MAKERS.resident({ seed: 51 });
      emu.placeCard(first);
      await until(() => cards.length === 1);
      await sleep(400); // eight more polls with the card still there
      expect(cards.map((c) => c.card.idNumber)).toEqual([first.expected.idNumber]);

      await takeAway(emu);
      emu.placeCard(first);
      await until(() => cards.length === 2);

      const second = CARD_MAKERS.foreigner2023({ seed: 52 });
      await takeAway(emu);
      emu.placeCard(second);
      await until(() => cards.length === 3);
      await sleep(300);
      expect(cards.map((c) => c.card.idNumber)).toEqual([first.expected.idNumber, first.expected.idNumber, second.expected.idNumber]);
      expect(statuses[0]).toBe('connected');
    } finally {
      await poller.stop();
    }
  });
});

describe('CardPoller recovery', () => {
  it('reports no-reader when unplugged and reads again after replug, without a restart', async () => {
    const emu = await EmulatedReader.start();
    const { cards, statuses, poller } = harness(emu);
    try {
      poller.start();
      await until(() => statuses.includes('connected'));
      await emu.unplug();
      await until(() => statuses.at(-1) === 'no-reader');
      await sleep(200);
      await emu.replug();
      const card = CARD_MAKERS.hkmotw({ seed: 61 });
      emu.placeCard(card);
      await until(() => cards.length === 1, 6000);
      expect(cards[0]!.card).toMatchObject(card.expected);
      expect(statuses.at(-1)).toBe('connected');
      expect(statuses).toContain('no-reader');
    } finally {
      await poller.stop();
      await emu.stop();
    }
  });

  it('a reader absent at start is picked up when it appears', async () => {
    const emu = await EmulatedReader.start();
    await emu.unplug();
    const { cards, statuses, poller } = harness(emu);
    try {
      poller.start();
      await until(() => statuses.at(-1) === 'no-reader');
      await emu.replug();
      emu.placeCard(CARD_MAKERS.resident({ seed: 62 }));
      await until(() => cards.length === 1, 6000);
      expect(statuses).toEqual(['no-reader', 'connected', 'reading', 'connected']);
    } finally {
      await poller.stop();
      await emu.stop();
    }
  });

  it('a read error is reported once and polling continues', async () => {
    const emu = await EmulatedReader.start();
    const errors: string[] = [];
    const cards: CardRead[] = [];
    const poller = new CardPoller({
      connect: () => SamReader.open({ path: emu.hostPath, timeoutMs: 200 }),
      onCard: (r) => cards.push(r),
      onError: (e) => errors.push(e.code),
      today,
      intervalMs: 50,
    });
    try {
      emu.faults = { status: { command: 'readBase', sw3: 0x32, times: 1 } };
      emu.placeCard(CARD_MAKERS.resident({ seed: 63 }));
      poller.start();
      await until(() => cards.length === 1);
      expect(errors).toEqual(['IDCARD_CARD_AUTH_FAILED']);
    } finally {
      await poller.stop();
      await emu.stop();
    }
  });
});

describe('discovery', () => {
  it('lists ports, probes the emulator as a reader and a silent pty as not one', async () => {
    const emu = await EmulatedReader.start();
    const dir = await mkdtemp(join(tmpdir(), 'idcard-probe-'));
    const silent = new PtyPair(join(dir, 'silent-host'), join(dir, 'silent-device'));
    await silent.start();
    try {
      const ports = await listPorts([emu.hostPath, silent.hostPath]);
      expect(ports.map((p) => p.path)).toEqual(expect.arrayContaining([emu.hostPath, silent.hostPath]));
      const good = await probePort(emu.hostPath);
      expect(good).toEqual({ path: emu.hostPath, ok: true, samId: '05.01-20240101-0000012345-1234567890' });
      const bad = await probePort(silent.hostPath, { timeoutMs: 100 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'IDCARD_NOT_A_READER' } });
      const missing = await probePort(join(dir, 'nothing-here'), { timeoutMs: 100 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'IDCARD_PORT_OPEN_FAILED' } });
    } finally {
      await silent.stop();
      await emu.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('findReader returns the port that answers', async () => {
    const emu = await EmulatedReader.start();
    try {
      const found = await findReader({ extraPaths: [emu.hostPath], timeoutMs: 150 });
      expect(found.path).toBe(emu.hostPath);
    } finally {
      await emu.stop();
    }
  });
});
