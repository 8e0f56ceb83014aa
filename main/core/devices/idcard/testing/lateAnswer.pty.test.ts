import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JiuzhuError } from '../../../../../common/contract/errors';
import { CARD_MAKERS, EmulatedReader, type EmulatedCommand } from '../../../../../tools/samEmulator/index';
import type { CardRead } from '../reader/buildCard';
import { CardPoller } from '../reader/poller';
import { waitForCard } from '../reader/readCard';
import { SamReader } from '../reader/samReader';

const today = (): string => '2026-06-01';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Long enough that a loaded test machine does not lose answers of its own in the checks that follow. */
const TIMEOUT_MS = 500;

async function until(check: () => boolean, ms = 6000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

/**
 * The reader answers the next request of `command` only after `ms`; later requests wait behind it, and
 * each answer takes the SAM 30 ms, so the late answer and the next one reach the host apart.
 */
const late = (command: EmulatedCommand, ms: number) => ({ late: { command, ms, times: 1 }, slowMs: 30 });

describe('a reader that answers after the timeout (a stalled PC or USB hub)', () => {
  let emu: EmulatedReader;
  let reader: SamReader | undefined;

  beforeAll(async () => {
    emu = await EmulatedReader.start();
  });
  afterEach(async () => {
    await reader?.close();
    reader = undefined;
    emu.faults = {};
    emu.removeCard();
  });
  afterAll(async () => {
    await emu.stop();
  });

  async function open(): Promise<SamReader> {
    reader = await SamReader.open({ path: emu.hostPath, timeoutMs: TIMEOUT_MS });
    return reader;
  }

  /** In step: the halted card looks absent, and the next card placed is read, with no answer dropped as late. */
  async function expectInStep(r: SamReader): Promise<void> {
    // Every answer the reader still owed has been sent and has reached the host (on a loaded machine a
    // later request may have timed out too, and its answer come late).
    await emu.drained();
    await until(() => r.stats.answersOwed === 0);
    const dropped = r.stats.lateAnswers;
    const retries = r.stats.retries;
    await expect(r.readOnce()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD' });
    const next = CARD_MAKERS.foreigner2023({ seed: 72 });
    emu.placeCard(next);
    expect((await waitForCard(r, { timeoutMs: 2000, today })).card.idNumber).toBe(next.expected.idNumber);
    emu.removeCard();
    await expect(r.readOnce()).rejects.toMatchObject({ code: 'IDCARD_NO_CARD' });
    // Nothing is dropped as late unless a request here timed out (and was retried) on a loaded machine.
    if (r.stats.retries === retries) expect(r.stats.lateAnswers).toBe(dropped);
  }

  // Past one timeout the retry is pending when the late answer comes; past two the retry has timed out too
  // (a stall on the host may move either case into the other, so the count of late answers is at least one).
  it.each([
    ['findCard', TIMEOUT_MS * 1.5],
    ['selectCard', TIMEOUT_MS * 1.5],
    ['findCard', TIMEOUT_MS * 2.4],
  ] as const)('%s answered %i ms late: the card is read in the same attempt, and the replies stay in step', async (command, ms) => {
    const card = CARD_MAKERS.resident({ seed: 71 });
    emu.placeCard(card);
    const r = await open();
    emu.faults = late(command, ms);
    const read = await r.readOnce();
    expect('text' in read).toBe(true);
    expect(r.stats.lateAnswers).toBeGreaterThanOrEqual(1);
    expect(emu.faults.late?.times).toBe(0);
    await expectInStep(r);
  });

  it('a read answered after its timeout: find → select → read restarts, the halted card reports the timeout, then in step', async () => {
    emu.placeCard(CARD_MAKERS.resident({ seed: 73 }));
    const r = await open();
    emu.faults = late('readBase', TIMEOUT_MS * 2 + 250);
    const e = await r.readOnce().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(JiuzhuError);
    expect((e as JiuzhuError).code).toBe('IDCARD_TIMEOUT');
    expect(r.stats.lateAnswers).toBeGreaterThanOrEqual(1);
    await expectInStep(r);
  });
});

describe('CardPoller after a late answer', () => {
  it('reads the card once, reports no error, and reads the next card', async () => {
    const emu = await EmulatedReader.start();
    const cards: CardRead[] = [];
    const errors: string[] = [];
    const poller = new CardPoller({
      connect: () => SamReader.open({ path: emu.hostPath, timeoutMs: TIMEOUT_MS }),
      onCard: (read) => cards.push(read),
      onError: (e) => errors.push(e.code),
      today,
      intervalMs: 50,
    });
    try {
      const first = CARD_MAKERS.resident({ seed: 74 });
      emu.faults = late('selectCard', TIMEOUT_MS * 1.5);
      emu.placeCard(first);
      poller.start();
      await until(() => cards.length === 1);
      expect(emu.faults.late?.times).toBe(0);
      emu.removeCard();
      const mark = emu.sam.seen.length;
      await until(() => emu.sam.seen.slice(mark).filter((n) => n === 'findCard').length >= 2);
      const second = CARD_MAKERS.hkmotw({ seed: 75 });
      emu.placeCard(second);
      await until(() => cards.length === 2);
      expect(cards.map((c) => c.card.idNumber)).toEqual([first.expected.idNumber, second.expected.idNumber]);
      expect(errors).toEqual([]);
    } finally {
      await poller.stop();
      await emu.stop();
    }
  });
});
